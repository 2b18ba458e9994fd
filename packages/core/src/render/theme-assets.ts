import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fg from 'fast-glob'
import { hashText } from '../util/hash.js'

/** A theme asset published under a content-hashed name, so it can be cached forever. */
export interface ThemeAsset {
  /** Name templates ask for, e.g. `style.css`. */
  name: string
  /** Path inside the output folder, e.g. `assets/style.3fa2b1c4.css`. */
  outputPath: string
  contents: Buffer
}

/** Reads a theme's `assets/` folder and gives each file its hashed public name. */
export async function readThemeAssets(themeDir: string): Promise<ThemeAsset[]> {
  const dir = path.join(themeDir, 'assets')
  const names = (await fg('**/*', { cwd: dir, onlyFiles: true, followSymbolicLinks: false })).sort()
  return Promise.all(
    names.map(async (name) => {
      const contents = await readFile(path.join(dir, name))
      const ext = path.extname(name)
      const hash = hashText(contents).slice(0, 10).replace(/[-_]/g, 'x')
      return { name, outputPath: `assets/${name.slice(0, name.length - ext.length)}.${hash}${ext}`, contents }
    }),
  )
}
