import type { Diagnostic } from '../errors/diagnostic.js'
import type { SearchIndexResult, SearchStats } from '../search/index-search.js'
import type { BuildStore } from './build-store.js'
import type { BuiltFile } from './built-files.js'

/** The search index of a preview run, made after its pages (see `SiteBuildResult.searchIndex`). */
export interface SearchIndexUpdate {
  /** Every file of the new index; `contents` on those that changed. */
  files: BuiltFile[]
  /** Paths whose fingerprint changed since the last index. */
  changed: Set<string>
  /** Files of the last index that this one has not (Pagefind names files by their contents). */
  removed: string[]
  diagnostics: Diagnostic[]
  stats: SearchStats
}

/**
 * The last index's files as they are in the preview folder, listed (without contents) among a
 * run's files so that they stay served while the new index is made.
 */
export const lastIndexFiles = (store: BuildStore): BuiltFile[] =>
  (store.search.files ?? []).map(({ path, key, group }) => ({ path, key, group }))

/**
 * Makes the search index after a preview run's pages: Pagefind rebuilds its whole index for any
 * change (seconds for thousands of articles), and the edited page should not wait for it. The
 * store then records the new index's files as the run's, so that the next run starts from them.
 */
export async function indexAfterPages(
  store: BuildStore,
  before: readonly BuiltFile[],
  index: () => Promise<SearchIndexResult>,
): Promise<SearchIndexUpdate> {
  const { files, diagnostics, stats } = await index()
  const paths = new Set(files.map((f) => f.path))
  const removed = before.map((f) => f.path).filter((p) => !paths.has(p))
  const changed = new Set(files.filter((f) => store.outputKeys.get(f.path) !== f.key).map((f) => f.path))
  for (const path of removed) store.outputKeys.delete(path)
  for (const file of files) store.outputKeys.set(file.path, file.key)
  const last = store.lastRun
  if (last) {
    const old = new Set(before.map((f) => f.path))
    last.result.files = [
      ...last.result.files.filter((f) => !old.has(f.path)),
      ...files.map(({ path, key, group }) => ({ path, key, group })),
    ]
    last.result.search = stats
  }
  return { files, changed, removed, diagnostics, stats }
}
