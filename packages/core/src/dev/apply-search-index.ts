import { WartaBuildError } from '../errors/build-error.js'
import { type Diagnostic, hasErrors } from '../errors/diagnostic.js'
import type { SearchIndexUpdate } from '../pipeline/preview-search.js'
import type { PreviewOutput } from '../write/preview-output.js'
import type { RebuildEvent } from './dev.js'
import type { PreviewServer } from './preview-server.js'

/** Where a preview run's search index goes. */
export interface ApplySearchIndexOptions {
  /** The preview folder, as the pages are written to it. */
  output?: PreviewOutput
  /** The paths the preview serves: the new index's files join them, the dropped ones leave. */
  served: Set<string>
  /** The search page's path under the site (`/cari/`): the one page reloaded for a new index. */
  searchPath: string
  server?: PreviewServer
}

/**
 * Writes the files of a preview run's search index that changed and removes those the new index
 * dropped (Pagefind names its files by their contents), once the run's pages are out. Only an
 * open search page is reloaded: no other page shows the index. Returns the preview's `search`
 * event (what it wrote and removed, and the index's time), or the errors that stopped it: the
 * index's own, or a file Warta did not write where an index file goes.
 */
export async function applySearchIndex(
  update: SearchIndexUpdate,
  articles: number,
  options: ApplySearchIndexOptions,
): Promise<{ event: RebuildEvent } | { diagnostics: Diagnostic[] }> {
  if (hasErrors(update.diagnostics)) return { diagnostics: update.diagnostics }
  const written = update.files.filter((f) => update.changed.has(f.path))
  try {
    await options.output?.update(written, update.removed)
  } catch (error) {
    if (error instanceof WartaBuildError) return { diagnostics: error.diagnostics }
    throw error
  }
  for (const path of update.removed) options.served.delete(path)
  for (const file of update.files) options.served.add(file.path)
  const paths = written.map((f) => f.path)
  if (paths.length > 0 || update.removed.length > 0)
    options.server?.reload({ files: [`${options.searchPath.replace(/^\/+/, '')}index.html`] })
  return { event: { written: paths, removed: update.removed, durationMs: update.stats.ms, articles } }
}
