import { statSync } from 'node:fs'
import path from 'node:path'
import { WartaConfigError } from '../errors/build-error.js'
import type { ResolvedConfig } from './resolve-config.js'

const isFolder = (dir: string) => statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true

/**
 * Checks that the site folder and its content folder exist, before a build or preview creates
 * anything: a mistyped `root` would otherwise build an empty site (and write its cache and
 * permalink files) into a folder of the wrong name. `givenRoot` is `root` as the config gave
 * it: a relative one is resolved against the working folder, which the message then says.
 */
export function checkSiteFolders(config: ResolvedConfig, givenRoot: string | undefined): void {
  if (!isFolder(config.root)) {
    const relative = givenRoot !== undefined && !path.isAbsolute(givenRoot)
    throw new WartaConfigError(
      relative
        ? `The site folder ${config.root} does not exist: root "${givenRoot}" is relative, so it is read from the working folder ${process.cwd()}.`
        : `The site folder ${config.root} does not exist.`,
      {
        option: ['root'],
        hint: relative
          ? 'Run from the folder root is relative to, or make root absolute, e.g. `root: fileURLToPath(new URL(".", import.meta.url))` for the folder of the script.'
          : 'Check the path in root (or --root).',
      },
    )
  }
  if (!isFolder(config.contentDir)) {
    const shown = path.relative(config.root, config.contentDir).split(path.sep).join('/')
    throw new WartaConfigError(
      `The content folder ${shown}/ does not exist (looked for ${config.contentDir}).`,
      {
        option: ['content', 'dir'],
        hint: `Create ${shown}/ and put the articles (.md files) in it, or set content.dir to the folder that holds them.`,
      },
    )
  }
}
