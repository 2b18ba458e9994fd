import { NO_CACHE } from '../cache/article-cache.js'
import { contentFingerprint } from '../cache/fingerprint.js'
import type { ResolvedConfig } from '../config/resolve-config.js'
import { createSourceProcessor, type SourceProcessor } from '../content/process-sources.js'
import { type Diagnostic, hasErrors } from '../errors/diagnostic.js'
import { runImageStage } from '../images/run-image-stage.js'
import { checkQuality } from '../quality/index.js'
import { checkEjectedPartials } from '../render/ejected-partials.js'
import type { StructuredData } from '../routes/pages/page.js'
import { parsePermalinkHistory, updatePermalinkHistory } from '../routes/permalink-history.js'
import { PathRegistry, type RoutedArticle } from '../routes/route-site.js'
import type { SiteImages } from '../routes/site-images.js'
import { indexSearch } from '../search/index-search.js'
import { computeSchedule } from '../site/schedule.js'
import { append } from '../util/append.js'
import { hashHex, hashText } from '../util/hash.js'
import { toZonedIso } from '../util/news-date.js'
import { type BuildStore, createBuildStore, recordOutputs } from './build-store.js'
import { type BuiltFile, collectBuiltFiles } from './built-files.js'
import { outputsOfEditions, pagesOfEditions } from './edition-pages.js'
import { editionLangOf, mergeEditions, modelEditions } from './editions.js'
import { imageStageOptions } from './image-inputs.js'
import { planBodyEdits, rerenderBodies } from './preview-edit.js'
import { indexAfterPages, lastIndexFiles } from './preview-search.js'
import { redirectFiles } from './redirects.js'
import { renderPages } from './render-pages.js'
import { planRender } from './render-plan.js'
import type { SiteBuilder, SiteBuilderOptions, SiteBuildResult, SiteBuildRun } from './run-types.js'
import { addImageFiles, addOtherFiles, addStaticFiles } from './site-files.js'
import { loadSiteInputs } from './site-inputs.js'
import {
  contentPrefixOf,
  createFrontMatterCheck,
  createLocalContext,
  skippedFiles,
  toRootRelative,
} from './source-options.js'
import { createSourceStore } from './source-store.js'
import { createWorkerPool, type WorkerPool } from './worker-pool.js'

/** Which shard a source belongs to: a hash of its path, so shares never depend on file order. */
export function shardOf(sourcePath: string, count: number): number {
  return Number.parseInt(hashHex(sourcePath).slice(0, 8), 16) % count
}

const NO_STRUCTURED_DATA: StructuredData = { article: () => [], listing: () => [], home: () => [] }

export type { Shard, SiteBuilder, SiteBuilderOptions } from './run-types.js'

/** Creates a builder for a resolved config. */
export function createSiteBuilder(config: ResolvedConfig, options: SiteBuilderOptions = {}): SiteBuilder {
  const localContext = createLocalContext(config)
  const store = createBuildStore(
    createSourceStore({
      root: config.root,
      contentDir: config.contentDir,
      contentIgnore: config.contentIgnore,
      fingerprint: contentFingerprint(config),
      siteHost: new URL(config.site.url).host,
      cache: options.cache ?? NO_CACHE,
      sourceIndexFile: options.sourceIndexFile,
      localContext,
      checkFrontMatter: createFrontMatterCheck(config),
    }),
  )
  const context = pipelineContext(config, options, store)

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

    run: (run = {}) => withWorkers((workers, processor) => runPipeline(context, run, workers, processor)),

    async settled() {
      while (store.images.pending.size > 0) await Promise.all(store.images.pending.values())
    },

    async dispose() {
      await store.images.workers?.close()
      await store.images.cache?.dispose()
    },
  }
}

/** What every run of a builder shares: the options each stage takes, made once from the config. */
function pipelineContext(config: ResolvedConfig, options: SiteBuilderOptions, store: BuildStore) {
  const preview = options.mode === 'preview'
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
    structuredData: options.structuredData ?? (() => NO_STRUCTURED_DATA),
    search: config.search.enabled,
  }
  // Kept open between runs, unless a one-shot build streams its files (the preview streams its first).
  const searchIndex = (
    articles: readonly RoutedArticle[],
    run: SiteBuildRun,
    langOf?: (article: RoutedArticle) => string,
  ) =>
    indexSearch(articles, {
      lang: config.site.lang,
      ...(langOf ? { langOf } : {}),
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

  return { config, options, store, preview, outputOptions, pageOptions, editOptions, dayOf, searchIndex }
}

type PipelineContext = ReturnType<typeof pipelineContext>

/** One run: sources → records → site model → routes → images → pages → render → outputs, quality beside. */
async function runPipeline(
  context: PipelineContext,
  run: SiteBuildRun,
  workers: WorkerPool,
  processor: SourceProcessor,
) {
  const { config, options, store, preview, outputOptions, pageOptions, editOptions, dayOf, searchIndex } =
    context
  const now = run.now ?? Date.now()
  const sources = await store.sources.update({ ...run, processor })
  const diagnostics: Diagnostic[] = sources.entries.flatMap((e) => e.diagnostics)
  append(diagnostics, skippedFiles(sources.skipped, toRootRelative(config.root, config.contentDir)))
  const inputs = await loadSiteInputs(config, store.inputs, run.changes)
  store.inputs = inputs
  const last = store.lastRun
  const edits = last && planBodyEdits(store, last, sources, inputs, { now, day: dayOf(now) }, run.changes)
  // A site with editions indexes each article in its edition's language.
  let langOf: ((article: RoutedArticle) => string) | undefined
  const reindex = config.search.enabled
    ? (a: readonly RoutedArticle[]) => searchIndex(a, run, langOf)
    : undefined
  if (last && edits) {
    const before = lastIndexFiles(store)
    const edited = await rerenderBodies(store, last, edits, diagnostics, { ...editOptions, now })
    if (reindex && !hasErrors(edited.diagnostics))
      edited.searchIndex = indexAfterPages(store, before, () => reindex(last.routed.articles))
    return edited
  }
  store.lastRun = undefined
  const sourceDiagnostics = diagnostics.length

  const registry = new PathRegistry()
  const modelled = modelEditions(config, store, { sources, inputs, now, registry }, diagnostics)
  const { model, routed } = mergeEditions(modelled)
  if (config.editions) langOf = editionLangOf(modelled)
  await store.sources.saveIndex(sources)
  const pictures = await runImageStage(routed, store.images, imageStageOptions(config, options, run))
  append(diagnostics, pictures.diagnostics)
  const { images } = pictures
  const editions = pagesOfEditions(modelled, store, config, { ...pageOptions, now, images }, diagnostics)
  const pages = editions.flatMap((e) => e.pages)
  append(diagnostics, registry.diagnostics)
  const routeProblems = registry.diagnostics.length
  const moved = updatePermalinkHistory(parsePermalinkHistory(inputs.permalinkHistory), [
    ...routed.articles,
    ...routed.retracted,
    ...routed.removed,
  ])
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
  // The preview keeps its pages' fingerprints by what they are made of, for its next run.
  const memo = preview ? { last: store.planKeys, next: new Map<string, string>() } : undefined
  const planOptions = { assetKey, previousKeys: store.outputKeys, isCurrent: run.isCurrent, memo }
  for (const { edition, pages } of editions) {
    // Each edition's pages with its own renderer: its strings, its dates, its URLs.
    const own = inputs.editionRenderers?.get(edition.key)
    const renderer = own?.renderer ?? inputs.renderer
    const plan = planRender(pages, { ...planOptions, templateKey: renderer.templateKey })
    const setup = own ? own.setup : inputs.renderSetup
    const renderOptions = { renderer, setup, themeName: config.theme.name, workers, warmUp: preview }
    append(diagnostics, await renderPages(plan, files, renderOptions))
  }
  if (memo) store.planKeys = memo.next
  const generated = await outputsOfEditions(editions, {
    ...outputOptions,
    now,
    // A streaming build runs once: what it generated need not stay in memory for a next run.
    keep: !(run.emit && !preview),
    reuse: run.reuseGenerated,
    images,
  })
  // The preview makes the index after the pages (see `indexAfterPages`); a build, here.
  const search = preview ? undefined : await reindex?.(routed.articles)
  append(diagnostics, search?.diagnostics ?? [])
  result.search = search?.stats
  const index = preview && reindex ? lastIndexFiles(store) : (search?.files ?? [])
  const gone = routed.removed.map((a) => a.path)
  const hosts = redirectFiles(moved.redirects, gone, registry, config.site)
  result.goneRules = hosts.gone
  await addOtherFiles(files, registry, hosts.files, [...generated, ...index])
  await addImageFiles(files, registry, pictures.files)
  await addStaticFiles(files, registry, inputs, config.root, pictures.refused)
  // Paths claimed since the pages: files that collide with a page or with each other.
  append(diagnostics, registry.diagnostics.slice(routeProblems))
  if (hasErrors(diagnostics)) return result

  if (!preview) append(diagnostics, checkQuality(routed, qualityOptions(config, files.list, images)))
  append(diagnostics, await checkEjectedPartials({ root: config.root, theme: config.theme }))
  result.files = files.list
  result.changed = recordOutputs(store, files.list, true)
  // A site with editions rebuilds in full on every edit: a body's edit path knows one edition.
  if (preview && !config.editions)
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

const qualityOptions = (config: ResolvedConfig, files: readonly BuiltFile[], images: SiteImages) => ({
  outputPaths: new Set(files.map((f) => f.path)),
  basePath: config.site.basePath,
  siteUrl: config.site.url,
  images,
  imageWidths: config.theme.images?.widths,
})
