import path from 'node:path'
import { type BuildOverrides, resolveConfig } from '../config/resolve-config.js'
import type { WartaConfig } from '../config/types.js'
import { WartaBuildError } from '../errors/build-error.js'
import { type Diagnostic, hasErrors } from '../errors/diagnostic.js'
import { writeSiteAtomically } from '../write/write-output.js'
import { createSiteBuilder } from './create-site-builder.js'

/** Options of one build run. */
export interface BuildOptions extends BuildOverrides {
  /** The build's clock, for future and embargoed articles. Default: now. */
  now?: number | Date
  /** Called as articles are processed. */
  onProgress?: (done: number, total: number) => void
}

/** What a successful build did. */
export interface BuildReport {
  /** Absolute output folder. */
  outDir: string
  articles: number
  pages: number
  /** Files in the output, pages included. */
  files: number
  written: number
  /** Files whose bytes did not change (kept, with their mtime). */
  unchanged: number
  removed: number
  durationMs: number
  /** Warnings (errors reject the build instead). */
  diagnostics: Diagnostic[]
  /** One line for people, e.g. `Built 14 pages from 1 article in 92 ms`. */
  summary: string
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * Builds a site into its output folder. Rejects with a `WartaBuildError` carrying every
 * problem when any source is invalid; the previous output is then left untouched.
 */
export async function build(config: WartaConfig, options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now()
  const resolved = resolveConfig(config, options)
  const builder = createSiteBuilder(resolved)
  const now = options.now instanceof Date ? options.now.getTime() : options.now
  const result = await builder.run({ now, onProgress: options.onProgress })
  if (hasErrors(result.diagnostics)) throw new WartaBuildError(result.diagnostics)
  const stats = await writeSiteAtomically(resolved.outDir, result.files)
  const durationMs = Math.round(performance.now() - started)
  return {
    outDir: resolved.outDir,
    articles: result.articles,
    pages: result.pages,
    files: result.files.length,
    ...stats,
    durationMs,
    diagnostics: result.diagnostics,
    summary: `Built ${plural(result.pages, 'page')} from ${plural(result.articles, 'article')} in ${durationMs} ms → ${path.relative(process.cwd(), resolved.outDir) || '.'}`,
  }
}
