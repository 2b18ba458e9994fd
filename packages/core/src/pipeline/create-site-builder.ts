import path from 'node:path'
import { type ArticleCache, type CachedArticle, NO_CACHE } from '../cache/article-cache.js'
import { contentFingerprint } from '../cache/fingerprint.js'
import type { ResolvedConfig } from '../config/resolve-config.js'
import { type ArticleSchema, createArticleSchema } from '../content/article-schema.js'
import { checkFrontMatter, type ProcessSourceContext } from '../content/process-source.js'
import { createSourceProcessor, type SourceProcessor } from '../content/process-sources.js'
import { type Diagnostic, hasErrors } from '../errors/diagnostic.js'
import { runImageStage } from '../images/run-image-stage.js'
import { checkQuality } from '../quality/index.js'
import { checkEjectedPartials } from '../render/ejected-partials.js'
import { createPages } from '../routes/pages/create-pages.js'
import type { StructuredData } from '../routes/pages/page.js'
import { createTermPaths } from '../routes/pages/page-kit.js'
import { parsePermalinkHistory, updatePermalinkHistory } from '../routes/permalink-history.js'
import { PathRegistry, type RoutedArticle, routeSite } from '../routes/route-site.js'
import type { SiteImages } from '../routes/site-images.js'
import { indexSearch } from '../search/index-search.js'
import { checkAuthorRefs } from '../site/check-author-refs.js'
import { createSiteModel } from '../site/create-site.js'
import { computeSchedule } from '../site/schedule.js'
import type { SiteModel } from '../site/types.js'
import { append } from '../util/append.js'
import { hashHex, hashText } from '../util/hash.js'
import { toZonedIso } from '../util/news-date.js'
import { type BuildStore, createBuildStore, recordOutputs, useAuthors } from './build-store.js'
import { type BuiltFile, collectBuiltFiles } from './built-files.js'
import { imageStageOptions } from './image-inputs.js'
import { planBodyEdits, rerenderBodies } from './preview-edit.js'
import { indexAfterPages, lastIndexFiles } from './preview-search.js'
import { redirectFiles } from './redirects.js'
import { renderPages } from './render-pages.js'
import { planRender } from './render-plan.js'
import type { SiteBuildResult, SiteBuildRun } from './run-types.js'
import { addImageFiles, addOtherFiles, addStaticFiles } from './site-files.js'
import { loadSiteInputs, type SiteInputs } from './site-inputs.js'
import { generateSiteOutputs } from './site-outputs.js'
import { createSourceStore, type SourceUpdate } from './source-store.js'
import { createWorkerPool, type WorkerPool } from './worker-pool.js'

/** One of `count` shards, numbered from 0. */
export interface Shard {
  index: number
  count: number
}

/** Which shard a source belongs to: a hash of its path, so shares never depend on file order. */
export function shardOf(sourcePath: string, count: number): number {
  return Number.parseInt(hashHex(sourcePath).slice(0, 8), 16) % count
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
  structuredData?: StructuredData
  /** The image cache's folder (`<cache>/images`). Default: a temporary folder, removed by `dispose()`. */
  imageCacheDir?: string
  /**
   * The preview: pictures not yet made are made in the background (the page shows the source
   * file meanwhile), and this is called when they are, for a run that shows them.
   */
  onImagesReady?: () => void
}

const NO_STRUCTURED_DATA: StructuredData = { article: () => [], listing: () => [], home: () => [] }

/** Creates a builder for a resolved config. */
export function createSiteBuilder(config: ResolvedConfig, options: SiteBuilderOptions = {}): SiteBuilder {
  const preview = options.mode === 'preview'
  const localContext = createLocalContext(config)
  const store = createBuildStore(
    createSourceStore({
      root: config.root,
      contentDir: config.contentDir,
      contentIgnore: config.contentIgnore,
      fingerprint: contentFingerprint(config),
      cache: options.cache ?? NO_CACHE,
      sourceIndexFile: options.sourceIndexFile,
      localContext,
      checkFrontMatter: createFrontMatterCheck(config),
    }),
  )
  const contentPrefix = contentPrefixOf(config)
  const dayOf = (now: number) => toZonedIso(now, config.site.timezone).slice(0, 10)
  const { bodyOf } = store.sources
  const outputOptions = { site: config.site, feeds: config.feeds, sitemap: config.sitemap, bodyOf }
  const pageOptions = {
    ...outputOptions,
    theme: config.theme,
    strings: config.strings,
    pageSize: config.pageSize,
    pageNumbering: config.pageNumbering,
    structuredData: options.structuredData ?? NO_STRUCTURED_DATA,
    cardMemo: store.cards,
    searchPath: config.search.enabled ? config.search.path : undefined,
  }
  // Kept open between runs, unless a one-shot build streams its files (the preview streams its first).
  const searchIndex = (articles: readonly RoutedArticle[], run: SiteBuildRun) =>
    indexSearch(articles, {
      lang: config.site.lang,
      bodyOf,
      memo: store.search,
      keep: !run.emit || preview,
      reuse: run.reuseGenerated,
    })
  const editOptions = {
    ...outputOptions,
    lang: config.site.lang,
    contentPrefix,
    themeName: config.theme.name,
  }

  /** Gives a run the build's worker threads (started on first use) and ends them after it. */
  const withWorkers = async <T>(work: (workers: WorkerPool, processor: SourceProcessor) => Promise<T>) => {
    const workers = createWorkerPool()
    try {
      return await work(workers, createSourceProcessor(config, localContext, workers))
    } finally {
      await workers.close()
    }
  }

  return {
    config,
    processShard: (shard, run = {}) =>
      withWorkers(async (_workers, processor) => {
        const share = (sourcePath: string) => shardOf(sourcePath, shard.count) === shard.index
        const { entries } = await store.sources.update({ share, onProgress: run.onProgress, processor })
        return entries.map(({ cacheKey, record, diagnostics }) => ({
          key: cacheKey,
          value: { record, diagnostics },
        }))
      }),

    run: (run = {}) => withWorkers((workers, processor) => runPipeline(run, workers, processor)),

    async settled() {
      while (store.images.pending.size > 0) await Promise.all(store.images.pending.values())
    },

    async dispose() {
      await store.images.workers?.close()
      await store.images.cache?.dispose()
    },
  }

  async function runPipeline(run: SiteBuildRun, workers: WorkerPool, processor: SourceProcessor) {
    const now = run.now ?? Date.now()
    const sources = await store.sources.update({ ...run, processor })
    const diagnostics: Diagnostic[] = sources.entries.flatMap((e) => e.diagnostics)
    append(diagnostics, skippedFiles(sources.skipped, toRootRelative(config.root, config.contentDir)))
    const inputs = await loadSiteInputs(config, store.inputs, run.changes)
    store.inputs = inputs
    const last = store.lastRun
    const edits = last && planBodyEdits(store, last, sources, inputs, { now, day: dayOf(now) }, run.changes)
    const reindex = config.search.enabled ? (a: readonly RoutedArticle[]) => searchIndex(a, run) : undefined
    if (last && edits) {
      const before = lastIndexFiles(store)
      const edited = await rerenderBodies(store, last, edits, diagnostics, { ...editOptions, now })
      if (reindex && !hasErrors(edited.diagnostics))
        edited.searchIndex = indexAfterPages(store, before, () => reindex(last.routed.articles))
      return edited
    }
    store.lastRun = undefined
    const sourceDiagnostics = diagnostics.length

    const model = modelSite(config, store, sources, inputs, now, diagnostics)
    await store.sources.saveIndex(sources)
    const registry = new PathRegistry()
    const routed = routeSite(model, config.permalinks, registry)
    const pictures = await runImageStage(routed, store.images, imageStageOptions(config, options, run))
    append(diagnostics, pictures.diagnostics)
    const { images } = pictures
    const pages = createPages(routed, registry, { ...pageOptions, now, images })
    append(diagnostics, registry.diagnostics)
    const routeProblems = registry.diagnostics.length
    const moved = updatePermalinkHistory(parsePermalinkHistory(inputs.permalinkHistory), routed.articles)
    const result: SiteBuildResult = {
      files: [],
      changed: new Set(),
      diagnostics,
      articles: routed.articles.length,
      pages: pages.length,
      schedule: computeSchedule([...model.articles, ...model.upcoming], now, config.site.timezone),
      permalinks: { history: moved.history, added: moved.added },
    }
    if (hasErrors(diagnostics)) return result

    const files = collectBuiltFiles(run.emit)
    const assetKey = hashText(inputs.assets.map((a) => a.outputPath).join(','))
    const plan = planRender(pages, {
      templateKey: inputs.renderer.templateKey,
      assetKey,
      previousKeys: store.outputKeys,
      isCurrent: run.isCurrent,
    })
    const renderOptions = {
      renderer: inputs.renderer,
      setup: inputs.renderSetup,
      themeName: config.theme.name,
      workers,
      warmUp: preview,
    }
    append(diagnostics, await renderPages(plan, files, renderOptions))
    const generated = await generateSiteOutputs(routed, {
      ...outputOptions,
      pages,
      termPaths: createTermPaths(routed),
      now,
      // A streaming build runs once: what it generated need not stay in memory for a next run.
      memo: run.emit && !preview ? new Map() : store.generated,
      reuse: run.reuseGenerated,
      images,
    })
    // The preview makes the index after the pages (see `indexAfterPages`); a build, here.
    const search = preview ? undefined : await reindex?.(routed.articles)
    append(diagnostics, search?.diagnostics ?? [])
    result.search = search?.stats
    const index = preview && reindex ? lastIndexFiles(store) : (search?.files ?? [])
    await addOtherFiles(files, registry, redirectFiles(moved.redirects, registry, config.site), [
      ...generated,
      ...index,
    ])
    await addImageFiles(files, registry, pictures.files)
    await addStaticFiles(files, registry, inputs, config.root, pictures.refused)
    // Paths claimed since the pages: files that collide with a page or with each other.
    append(diagnostics, registry.diagnostics.slice(routeProblems))
    if (hasErrors(diagnostics)) return result

    if (!preview) append(diagnostics, checkQuality(routed, qualityOptions(config, files.list, images)))
    append(diagnostics, await checkEjectedPartials({ root: config.root, theme: config.theme }))
    result.files = files.list
    result.changed = recordOutputs(store, files.list, true)
    if (preview)
      store.lastRun = {
        routed,
        articles: new Map(routed.articles.map((a) => [a.sourcePath, a])),
        pages: new Map(pages.map((page) => [page.outputPath, page])),
        inputs,
        assetKey,
        images,
        imagesVersion: store.images.version,
        day: dayOf(now),
        sourceCount: sources.paths.length,
        siteDiagnostics: diagnostics.slice(sourceDiagnostics),
        result: { ...result, files: files.list.map(({ path, key, group }) => ({ path, key, group })) },
      }
    if (preview && reindex) result.searchIndex = indexAfterPages(store, index, () => reindex(routed.articles))
    return result
  }
}

/** One warning naming the files of the content folder that are not markdown, so that none is left out silently. */
function skippedFiles(skipped: ReadonlyMap<string, number>, contentFolder: string): Diagnostic[] {
  if (skipped.size === 0) return []
  const counts = [...skipped].map(([extension, n]) => `${n} ${extension} file${n === 1 ? '' : 's'}`)
  return [
    {
      file: contentFolder,
      message: `Skipped ${counts.join(', ')}: Warta reads .md files only.`,
      hint: 'Rename articles to .md (MDX components are not run), or move the files out of the content folder.',
      ruleId: 'skipped-files',
      severity: 'warning',
    },
  ]
}

/** The site model, with the author entities' problems and the bylines that name no entity. */
function modelSite(
  config: ResolvedConfig,
  store: BuildStore,
  sources: SourceUpdate,
  inputs: SiteInputs,
  now: number,
  diagnostics: Diagnostic[],
): SiteModel {
  const records = sources.entries.flatMap((e) => (e.record ? [e.record] : []))
  useAuthors(store, JSON.stringify([...inputs.authors]))
  append(diagnostics, inputs.diagnostics, checkAuthorRefs(records, inputs.authors))
  return createSiteModel(records, {
    authors: inputs.authors,
    memo: store.siteModel,
    slug: store.sources.slugger.slug,
    lang: config.site.lang,
    contentPrefix: contentPrefixOf(config),
    drafts: config.drafts,
    future: config.future,
    now,
    relatedCount: config.relatedCount,
  })
}

const qualityOptions = (config: ResolvedConfig, files: readonly BuiltFile[], images: SiteImages) => ({
  outputPaths: new Set(files.map((f) => f.path)),
  basePath: config.site.basePath,
  siteUrl: config.site.url,
  images,
  imageWidths: config.theme.images?.widths,
})

/** The site's front matter schema: Warta's, extended by the site's `schema`. */
const schemaOf = (config: ResolvedConfig): ArticleSchema => {
  const base = createArticleSchema(config.site.timezone)
  return (config.schema ? config.schema(base) : base) as ArticleSchema
}

/** The content stage on this thread, loaded only when an article needs converting: a warm build never pays for the markdown processor. */
function createLocalContext(config: ResolvedConfig): () => Promise<ProcessSourceContext> {
  let context: Promise<ProcessSourceContext> | undefined
  return () => {
    context ??= import('../markdown/create-processor.js').then(({ createProcessor }) => ({
      processor: createProcessor(config.markdown),
      schema: schemaOf(config),
      timeZone: config.site.timezone,
    }))
    return context
  }
}

/** Checks a source's front matter alone, on this thread (see `checkFrontMatter`). */
function createFrontMatterCheck(config: ResolvedConfig) {
  let schema: ArticleSchema | undefined
  return async (sourcePath: string, raw: string): Promise<Diagnostic[]> => {
    schema ??= schemaOf(config)
    return checkFrontMatter(sourcePath, raw, schema)
  }
}

/** Source path prefix of the content folder relative to the root, e.g. `content/`. */
function contentPrefixOf(config: ResolvedConfig): string {
  const folder = toRootRelative(config.root, config.contentDir)
  return folder ? `${folder}/` : ''
}

/** A path relative to the site root with forward slashes, as sources and messages name files. */
const toRootRelative = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/')
