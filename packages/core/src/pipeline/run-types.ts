import type { ArticleCache, CachedArticle } from '../cache/article-cache.js'
import type { ResolvedConfig, ResolvedSite } from '../config/resolve-config.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import type { StructuredData } from '../routes/pages/page.js'
import type { HostRule, PermalinkHistory, Redirect } from '../routes/permalink-history.js'
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
  /** The `410` rules of removed articles' URLs (in `_redirects` too), for the nginx snippet. Absent on failure. */
  goneRules?: HostRule[]
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

/** One of `count` shards, numbered from 0. */
export interface Shard {
  index: number
  count: number
}

/**
 * A builder keeps what it learned between runs (in its `BuildStore`: processed articles,
 * compiled templates, page fingerprints), so that a second run only redoes what its inputs
 * changed. A first run is a cold build; every run's output equals a cold build's.
 */
export interface SiteBuilder {
  readonly config: ResolvedConfig
  /**
   * Processes only this shard's deterministic share of the articles (the markdown, the
   * costly part) and returns them as build-cache entries, for `warta merge` to build from.
   */
  processShard(
    shard: Shard,
    options?: Pick<SiteBuildRun, 'onProgress'>,
  ): Promise<{ key: string; value: CachedArticle }[]>
  run(options?: SiteBuildRun): Promise<SiteBuildResult>
  /** Resolves when no picture is being made in the background (the preview). */
  settled(): Promise<void>
  /** Ends the image workers still running in the background and removes a temporary image cache. */
  dispose(): Promise<void>
}

/** Options of a builder. */
export interface SiteBuilderOptions {
  /** Where processed articles persist between processes. Default: nowhere. */
  cache?: ArticleCache
  /**
   * `'build'` (default) runs the quality checks; `'preview'` skips them and keeps the last run,
   * so that an edit that changes only an article's body re-renders that page and its feeds alone.
   */
  mode?: 'build' | 'preview'
  /** The file of the source index, where a warm build finds which sources are unchanged without reading them (see `SourceIndex`). */
  sourceIndexFile?: string
  /** The JSON-LD of a site's pages (of each edition's, with its site). Default: none. */
  structuredData?: (site: ResolvedSite) => StructuredData
  /** The image cache's folder (`<cache>/images`). Default: a temporary folder, removed by `dispose()`. */
  imageCacheDir?: string
  /**
   * The preview: pictures not yet made are made in the background (the page shows the source
   * file meanwhile), and this is called when they are, for a run that shows them.
   */
  onImagesReady?: () => void
}
