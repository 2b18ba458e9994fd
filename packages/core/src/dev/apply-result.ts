import { WartaBuildError } from '../errors/build-error.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import type { SiteBuildResult } from '../pipeline/run-types.js'
import type { PreviewOutput } from '../write/preview-output.js'
import type { PreviewServer } from './preview-server.js'
import { onlyStylesheetsChanged } from './stylesheet-change.js'

/** Where a preview run's files go. */
export interface ApplyResultOptions {
  outDir: string
  output?: PreviewOutput
  /** The paths served before this run. */
  served: ReadonlySet<string>
  server?: PreviewServer
  /** The run wrote its files as it made them: only what it dropped is left to remove. */
  streamed: boolean
}

/** What a successful run changed in the preview folder. */
export interface AppliedResult {
  served: Set<string>
  written: string[]
  removed: string[]
}

/**
 * Writes what a good run changed, removes what it dropped, and reloads the open pages that
 * show it (swapping stylesheets in place when nothing else changed). Returns the errors that
 * stopped it instead: a file Warta did not write where one of the run's goes.
 */
export async function applyResult(
  result: SiteBuildResult,
  options: ApplyResultOptions,
): Promise<AppliedResult | { diagnostics: Diagnostic[] }> {
  const served = new Set(result.files.map((f) => f.path))
  const written = result.files.filter((f) => result.changed.has(f.path))
  const removed = [...options.served].filter((p) => !served.has(p))
  const cssOnly = await onlyStylesheetsChanged(options.outDir, written, removed)
  try {
    await options.output?.update(options.streamed ? [] : written, removed)
  } catch (error) {
    if (error instanceof WartaBuildError) return { diagnostics: error.diagnostics }
    throw error
  }
  const paths = written.map((f) => f.path)
  if (paths.length > 0 || removed.length > 0)
    options.server?.reload({ files: [...paths, ...removed], cssOnly })
  else options.server?.clearError()
  return { served, written: paths, removed }
}
