import path from 'node:path'
import { type ArticleCache, createArticleCache } from '../cache/article-cache.js'
import { loadOutputManifest } from '../cache/output-manifest.js'
import { createSpoolCache } from '../cache/spool-cache.js'
import { type BuildOverrides, resolveConfig } from '../config/resolve-config.js'
import { checkSiteFolders } from '../config/site-folders.js'
import type { WartaConfig } from '../config/types.js'
import { WartaBuildError } from '../errors/build-error.js'
import { type Diagnostic, hasErrors } from '../errors/diagnostic.js'
import { outputFileUrl } from '../routes/absolute-url.js'
import { generateApacheGoneFile } from '../routes/apache-gone.js'
import { generateNginxGoneFile } from '../routes/nginx-gone.js'
import type { Redirect } from '../routes/permalink-history.js'
import type { SearchStats } from '../search/index-search.js'
import type { Schedule } from '../site/schedule.js'
import { compareText } from '../util/compare-text.js'
import { boundHeapGrowth } from '../util/heap-growth.js'
import { createSiteWriter } from '../write/write-output.js'
import {
  changedFileOf,
  goneSnippetFilesOf,
  scheduleFileOf,
  writeChangedUrls,
  writeGoneSnippets,
  writePermalinkHistory,
  writeSchedule,
} from '../write/write-site-files.js'
import { createSiteBuilder } from './create-site-builder.js'
import type { SiteBuildResult } from './run-types.js'
import { createStructuredData } from './structured-data.js'

/** Options of one build run. */
export interface BuildOptions extends BuildOverrides {
  /** The build's clock, for future and embargoed articles. Default: now. */
  now?: number | Date
  /** Called as articles are processed. */
  onProgress?: (done: number, total: number) => void
  /**
   * Keep processed articles, made pictures and output fingerprints between builds, in
   * `.warta/cache` under the site root. `false` builds everything from scratch
   * (`--no-cache`). Default `true`.
   */
  cache?: boolean
  /** Treat quality warnings (missing alt text, broken links…) as errors. Default `false`. */
  strict?: boolean
  /** Where processed articles come from and go to, instead of the cache folder (used by `merge`). */
  articleCache?: ArticleCache
  /**
   * A folder for the image cache instead of `<cache>/images`, kept even with `cache: false`: for
   * tests and CI jobs that build many sites, or clean builds, from the same photos. Default: the
   * cache folder's, or none with `cache: false`.
   */
  imageCache?: string
}

/**
 * Where a site's build cache lives: in the site's own `.warta/`, beside the schedule, where
 * `npm ci` (which empties node_modules) leaves it for a CI job to restore and save.
 */
export const cacheDirOf = (root: string): string => path.join(root, '.warta', 'cache')

/** Where the image stage's cache lives, inside the build cache. */
export const imageCacheDirOf = (root: string): string => path.join(cacheDirOf(root), 'images')

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
  /** What was in the output folder that Warta did not write (`CNAME`, `.git`…): carried over untouched. */
  kept: string[]
  durationMs: number
  /** Warnings (errors reject the build instead). */
  diagnostics: Diagnostic[]
  /** Redirects this build added because articles' URLs changed (see `warta.permalinks.json`). */
  redirectsAdded: Redirect[]
  /** When the site next changes by the clock alone; also written to `scheduleFile`. */
  schedule: Schedule
  /** `.warta/schedule.json` in the site folder (beside the default output folder): never published. */
  scheduleFile: string
  /** What the search stage did (articles indexed, files, bytes, time), when search is on. */
  search?: SearchStats
  /**
   * The absolute URLs whose bytes this build added, changed or removed (a page by its folder
   * URL, `…/slug/`), so a deploy step can purge exactly those from a CDN; also written to `changedFile`.
   */
  changed: ChangedUrls
  /** `.warta/changed.json` in the site folder: never published. */
  changedFile: string
  /**
   * `.warta/nginx-gone.conf` in the site folder (never published): an nginx snippet answering
   * removed articles' URLs "410 Gone" with their stub, rewritten by every build (empty of rules
   * when nothing is removed), for the `server` block that serves the output folder.
   */
  nginxGoneFile: string
  /**
   * `.warta/apache-gone.conf` beside it, the same rules for Apache: copy it into the output
   * folder as `.htaccess` (or add it to yours), or into the `<Directory>` block that serves it.
   */
  apacheGoneFile: string
  /** One line for people, e.g. `Built 14 pages from 1 article in 92 ms`. */
  summary: string
}

/** What a build changed, as URLs (see `BuildReport.changed`). */
export interface ChangedUrls {
  /** The build's clock, as in the schedule. */
  builtAt: string
  added: string[]
  changed: string[]
  removed: string[]
}

/** A path as the person who ran the command would write it (package scripts run elsewhere, INIT_CWD says where). */
const displayPath = (file: string) => path.relative(process.env.INIT_CWD ?? process.cwd(), file) || '.'

/** The warning for a build that published nothing: it says where it looked. */
const noArticles = (root: string, contentDir: string): Diagnostic => {
  const shown = path.relative(root, contentDir).split(path.sep).join('/')
  return {
    file: `${shown}/`,
    message: `No articles were published: none found in ${contentDir} (**/*.md), or all are drafts, embargoed or expired.`,
    hint: `Put articles (.md files with title and date) in ${shown}/, or set content.dir to the folder that holds them; --drafts and --future include drafts and future-dated ones.`,
    ruleId: 'no-articles',
    severity: 'warning',
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * Builds a site into its output folder. Rejects with a `WartaBuildError` carrying every
 * problem when any source is invalid; the previous output is then left untouched. While it
 * runs, V8's heap growth is bounded (see `boundHeapGrowth`).
 */
export async function build(config: WartaConfig, options: BuildOptions = {}): Promise<BuildReport> {
  const releaseHeap = boundHeapGrowth()
  try {
    return await buildSite(config, options)
  } finally {
    releaseHeap()
  }
}

async function buildSite(config: WartaConfig, options: BuildOptions): Promise<BuildReport> {
  const started = performance.now()
  const resolved = resolveConfig(config, options)
  checkSiteFolders(resolved, config.root)
  const useCache = options.cache !== false
  const cacheDir = cacheDirOf(resolved.root)
  // Without the persistent cache, bodies still leave memory: a spool file holds them for the build.
  const spool = useCache || options.articleCache ? undefined : createSpoolCache()
  const builder = createSiteBuilder(resolved, {
    cache: options.articleCache ?? spool ?? createArticleCache(path.join(cacheDir, 'articles')),
    sourceIndexFile: useCache && !options.articleCache ? path.join(cacheDir, 'sources.ndjson') : undefined,
    structuredData: (site) => createStructuredData({ site }),
    imageCacheDir: options.imageCache ?? (useCache ? imageCacheDirOf(resolved.root) : undefined),
  })
  const writer = await createSiteWriter(resolved.outDir, { root: resolved.root, spare: useCache })
  const manifest = useCache ? await loadOutputManifest(cacheDir, resolved.outDir, writer.current) : undefined
  const now = options.now instanceof Date ? options.now.getTime() : options.now
  let result: SiteBuildResult
  try {
    result = await builder.run({
      now,
      onProgress: options.onProgress,
      isCurrent: manifest?.isCurrent,
      reuseGenerated: manifest?.reusable,
      emit: writer.write,
    })
  } catch (error) {
    await writer.abort()
    await builder.dispose()
    throw error
  } finally {
    spool?.dispose()
  }
  // An empty site is worth a word only when nothing else explains it.
  if (result.articles === 0 && !hasErrors(result.diagnostics))
    result.diagnostics.push(noArticles(resolved.root, resolved.contentDir))
  if (options.strict) result.diagnostics = result.diagnostics.map((d) => ({ ...d, severity: 'error' }))
  if (hasErrors(result.diagnostics)) {
    await writer.abort()
    await builder.dispose()
    throw new WartaBuildError(result.diagnostics)
  }
  // Not before: the writer copies made pictures from the image cache (a temporary folder
  // without the persistent cache, which dispose() removes) until its commit.
  const { current, kept, rescued, changes, ...stats } = await writer.commit().finally(() => builder.dispose())
  await manifest?.save(result.files, current.folder)
  if (rescued)
    result.diagnostics.push({
      file: path.relative(resolved.root, rescued).split(path.sep).join('/'),
      message:
        'Files appeared in the output folder during the build, where the new site writes its own: they are kept in this folder.',
      hint: 'Look through them and move what you need back; do not write into the output folder while a build runs.',
      ruleId: 'output-foreign',
      severity: 'warning',
    })
  if (result.permalinks) await writePermalinkHistory(resolved.root, result.permalinks.history)
  await writeSchedule(resolved.root, result.schedule)
  const toUrls = (files: string[]) =>
    files.map((file) => outputFileUrl(resolved.site, file)).sort(compareText)
  const changed: ChangedUrls = {
    builtAt: result.schedule.builtAt,
    added: toUrls(changes.added),
    changed: toUrls(changes.changed),
    removed: toUrls(changes.removed),
  }
  await writeChangedUrls(resolved.root, changed)
  const gone = result.goneRules ?? []
  const snippets = goneSnippetFilesOf(resolved.root)
  await writeGoneSnippets(resolved.root, {
    nginx: generateNginxGoneFile(gone),
    apache: generateApacheGoneFile(gone),
  })
  const durationMs = Math.round(performance.now() - started)
  return {
    outDir: resolved.outDir,
    articles: result.articles,
    pages: result.pages,
    files: result.files.length,
    ...stats,
    kept,
    durationMs,
    diagnostics: result.diagnostics,
    redirectsAdded: result.permalinks?.added ?? [],
    schedule: result.schedule,
    scheduleFile: scheduleFileOf(resolved.root),
    search: result.search,
    changed,
    changedFile: changedFileOf(resolved.root),
    nginxGoneFile: snippets.nginx,
    apacheGoneFile: snippets.apache,
    summary: `Built ${plural(result.pages, 'page')} from ${plural(result.articles, 'article')} in ${durationMs} ms → ${displayPath(resolved.outDir)}`,
  }
}
