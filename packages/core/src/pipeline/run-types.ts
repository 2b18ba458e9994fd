import type { Diagnostic } from '../errors/diagnostic.js'
import type { PermalinkHistory, Redirect } from '../routes/permalink-history.js'
import type { SearchStats } from '../search/index-search.js'
import type { Schedule } from '../site/schedule.js'
import type { BuiltFile } from './built-files.js'
import type { SearchIndexUpdate } from './preview-search.js'
import type { ReuseGenerated } from './site-outputs.js'
import type { SourceChanges } from './source-store.js'

/** What one run of the builder produced. */
export interface SiteBuildResult {
  /** Every file of the site; `contents` may be absent for files unchanged since the last run (see `changed`). */
  files: BuiltFile[]
  /** Output paths whose fingerprint changed since this builder's previous run (all of them on the first). */
  changed: Set<string>
  diagnostics: Diagnostic[]
  articles: number
  pages: number
  /** When the site next changes by the clock alone (embargoes, expiry, the news sitemap's window). */
  schedule: Schedule
  /** The permalink history with this build's URLs, and the redirects this build added. Absent on failure. */
  permalinks?: { history: PermalinkHistory; added: Redirect[] }
  /** What the search stage did, when search is on (a build's; the preview's comes with `searchIndex`). */
  search?: SearchStats
  /**
   * The preview's search index, made after the run's pages so that an edit shows before Pagefind
   * has re-indexed the site; meanwhile `files` lists the last index's files. Preview mode only.
   */
  searchIndex?: Promise<SearchIndexUpdate>
}

/** Per-run switches. */
export interface SiteBuildRun {
  /** The build's clock. Default: now. */
  now?: number
  /** Called as articles are processed, for progress displays. */
  onProgress?: (done: number, total: number) => void
  /**
   * Says whether the output file already on disk was built from inputs with this
   * fingerprint, so it need not be rendered again (a persisted output manifest).
   */
  isCurrent?: (outputPath: string, key: string) => boolean
  /** Generated files (feeds, sitemaps) of a group that are on disk untouched (a persisted output manifest). */
  reuseGenerated?: ReuseGenerated
  /** Files changed or removed since the previous run, as a watcher saw them (absolute paths). */
  changes?: SourceChanges
  /**
   * Receives each file as soon as it is made, so a build need not hold every page in memory;
   * the result then lists files without their contents.
   */
  emit?: (file: BuiltFile) => Promise<void>
}
