import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Theme } from '../../src/config/theme.js'
import { createTempDir } from '../helpers.js'
import { ejectTheme, ejectThemeDir } from './fixtures/theme/index.js'

/** An empty site folder and a copy of the eject test theme that a test may change. */
export async function siteAndTheme(): Promise<{ root: string; theme: Theme }> {
  const dir = await createTempDir()
  const root = path.join(dir, 'site')
  await mkdir(root)
  const themeDir = path.join(dir, 'theme')
  await cp(ejectThemeDir, themeDir, { recursive: true })
  return { root, theme: { ...ejectTheme, dir: themeDir } }
}

/** Reads a file of the site, relative to its root. */
export const readSiteFile = (root: string, file: string): Promise<string> =>
  readFile(path.join(root, file), 'utf8')

/** Reads the site's `partials/.ejected.json`. */
export async function readManifest(root: string): Promise<unknown> {
  return JSON.parse(await readSiteFile(root, 'partials/.ejected.json'))
}

/** Replaces the text of one of the theme copy's partials. */
export const changeThemePartial = (theme: Theme, name: string, text: string): Promise<void> =>
  writeFile(path.join(theme.dir, 'partials', `${name}.hbs`), text)
