import path from 'node:path'
import { WartaBuildError } from '../errors/build-error.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import { findForeign, isHostFile } from './foreign-entries.js'

/** The output folder as the person who ran the build would name it, for messages. */
const shown = (root: string, dir: string, file?: string) =>
  [path.relative(root, dir).split(path.sep).join('/') || '.', ...(file ? [file] : [])].join('/')

/** Refuses an output folder Warta has no record of when it holds more than a host's own files. */
export async function refuseUnknownFolder(outDir: string, root: string): Promise<void> {
  const foreign = findForeign(outDir, new Set(), new Set())
  const unknown = foreign.filter((entry) => !isHostFile(entry)).map((e) => (e.dir ? `${e.path}/` : e.path))
  if (unknown.length === 0) return
  const listed =
    unknown.slice(0, 5).join(', ') + (unknown.length > 5 ? ` and ${unknown.length - 5} more` : '')
  const diagnostic: Diagnostic = {
    file: shown(root, outDir),
    message: `The output folder holds ${listed}, which Warta has no record of writing there; it never deletes or replaces what it did not write.`,
    hint: `If this is an earlier build of the site (e.g. a fresh checkout of a deploy branch), delete those files, keeping CNAME and dotfiles such as .git, which Warta always leaves alone; else build into a folder of its own (outDir, or --out).`,
    ruleId: 'output-foreign',
    severity: 'error',
  }
  throw new WartaBuildError([diagnostic])
}

/** The error for foreign files standing where the site writes its own. */
export const clashError = (root: string, outDir: string, clashes: readonly string[]): WartaBuildError =>
  new WartaBuildError(
    clashes.map((file) => ({
      file: shown(root, outDir, file),
      message: 'This file was not written by Warta, and the build writes its own here.',
      hint: 'Move it into public/ to publish it as part of the site, or out of the output folder; Warta does not overwrite it.',
      ruleId: 'output-foreign',
      severity: 'error',
    })),
  )
