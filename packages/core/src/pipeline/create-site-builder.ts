import { type Stats, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { type ArticleCache, type CachedArticle, NO_CACHE } from '../cache/article-cache.js'
import { contentFingerprint } from '../cache/fingerprint.js'
import { type IndexedSource, loadSourceIndex, type SourceIndex } from '../cache/source-index.js'
import type { ResolvedConfig } from '../config/resolve-config.js'
import { type ArticleSchema, createArticleSchema } from '../content/article-schema.js'
import { findSources } from '../content/find-sources.js'
import { type ArticleRecord, type ProcessSourceContext, processSource } from '../content/process-source.js'
import { createSourceProcessor } from '../content/process-sources.js'
import { type Diagnostic, hasErrors } from '../errors/diagnostic.js'
import { checkQuality } from '../quality/index.js'
import { TemplateRenderError } from '../render/create-renderer.js'
import { checkEjectedPartials } from '../render/ejected-partials.js'
import { createPages } from '../routes/pages/create-pages.js'
import { type Page, type StructuredData, withSourceHash } from '../routes/pages/page.js'
import { createTermPaths } from '../routes/pages/page-kit.js'
import {
  generateRedirectPage,
  generateRedirectsFile,
  PERMALINK_HISTORY_FILE,
  type PermalinkHistory,
  parsePermalinkHistory,
  type Redirect,
  updatePermalinkHistory,
} from '../routes/permalink-history.js'
import { PathRegistry, type RoutedArticle, type RoutedSite, routeSite } from '../routes/route-site.js'
import { createUrlFor } from '../routes/to-views.js'
import type { CardView } from '../routes/views.js'
import { checkAuthorRefs } from '../site/check-author-refs.js'
import { createSiteModel, readingTimeOf, type SiteModelMemo, toSiteArticle } from '../site/create-site.js'
import { computeSchedule, type Schedule } from '../site/schedule.js'
import type { SiteArticle } from '../site/types.js'
import { append } from '../util/append.js'
import { hashHex, hashText } from '../util/hash.js'
import { mapConcurrent } from '../util/map-concurrent.js'
import { toZonedIso } from '../util/news-date.js'
import type { OutputFile } from '../write/write-output.js'
import { createInputsLoader, type SiteInputs } from './site-inputs.js'
import { generateSiteOutputs, type OutputMemo, type ReuseGenerated } from './site-outputs.js'

/** One file of a build's result, with the fingerprint that decides whether it changed. */
export interface BuiltFile extends OutputFile {
  key: string
  /** Files made together from the same inputs (feeds of one listing, the sitemaps). */
  group?: string
}

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

/** Which shard a source belongs to: a hash of its path, so shares never depend on file order. */
export function shardOf(sourcePath: string, count: number): number {
  return Number.parseInt(hashHex(sourcePath).slice(0, 8), 16) % count
}

/** What changed on disk between two runs. */
export interface SourceChanges {
  changed: ReadonlySet<string>
  removed: ReadonlySet<string>
}

interface SourceEntry extends IndexedSource {
  /** The record's body was dropped from memory: read it back from the cache. */
  slim?: boolean
}

/**
 * Files whose mtime is this close to when they were checked are read again: a file
 * rewritten within the file system's timestamp granularity can keep its mtime (and size).
 */
const RACY_MS = 2000

type Read = Pick<IndexedSource, 'size' | 'mtimeMs' | 'checkedAt'>

/** A source to process: not in memory from an earlier run nor in the cache. */
interface Miss {
  sourcePath: string
  raw: string
  cacheKey: string
  rawHash: string
  read: Read
}

/** Sources read and processed at a time: bounds the source text held in memory. */
const READ_GROUP = 2048

/** Size and mtime of a file as read; a file that was not there cannot match any later stat. */
const sizeOf = (file: Stats | undefined) => ({ size: file?.size ?? -1, mtimeMs: file?.mtimeMs ?? -1 })

/** True when the file on disk is still the one an entry was made from. */
const isUnchanged = <T extends IndexedSource>(entry: T | undefined, file: Stats): entry is T =>
  entry !== undefined &&
  entry.size === file.size &&
  entry.mtimeMs === file.mtimeMs &&
  file.mtimeMs < entry.checkedAt - RACY_MS

/**
 * A builder keeps what it learned between runs (processed articles, compiled templates,
 * page fingerprints), so that a second run only redoes what its inputs changed. A first run
 * is a cold build; every run's output equals a cold build's.
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
}

/** Options of a builder. */
export interface SiteBuilderOptions {
  /** Where processed articles persist between processes. Default: nowhere. */
  cache?: ArticleCache
  /** Run the quality checks (their warnings go into the result). The preview skips them. Default `true`. */
  qualityChecks?: boolean
  /** The file of the source index, where a warm build finds which sources are unchanged without reading them (see `SourceIndex`). */
  sourceIndexFile?: string
  structuredData?: StructuredData
}

const NO_STRUCTURED_DATA: StructuredData = { article: () => [], listing: () => [], home: () => [] }

/** Creates a builder for a resolved config. */
export function createSiteBuilder(config: ResolvedConfig, options: SiteBuilderOptions = {}): SiteBuilder {
  const structuredData = options.structuredData ?? NO_STRUCTURED_DATA
  const cache = options.cache ?? NO_CACHE
  const sources = new Map<string, SourceEntry>()
  const previousKeys = new Map<string, string>()
  let sourceList: string[] | undefined
  const loadInputs = createInputsLoader(config)
  const outputMemo: OutputMemo = new Map()
  const memo: {
    authorsKey?: string
    site: SiteModelMemo
    cards: Map<string, { card: CardView; key: string }>
  } = {
    site: { articles: new WeakMap() },
    cards: new Map(),
  }
  const toRootRelative = (file: string) => path.relative(config.root, file).split(path.sep).join('/')
  // Sources are listed relative to the content folder with forward slashes (fast-glob's way).
  const contentFolder = toRootRelative(config.contentDir)
  const contentPrefix = contentFolder ? `${contentFolder}/` : ''

  let lastRun: LastRun | undefined
  const dayOf = (now: number) => toZonedIso(now, config.site.timezone).slice(0, 10)
  const fingerprint = contentFingerprint(config)
  const sourceIndex = options.sourceIndexFile
    ? loadSourceIndex(options.sourceIndexFile, fingerprint)
    : undefined
  // The markdown processor (unified, micromark…) is loaded only when an article needs converting:
  // a warm build finds everything in the cache and never pays for loading it.
  let localContextPromise: Promise<ProcessSourceContext> | undefined
  const localContext = () => {
    localContextPromise ??= import('../markdown/create-processor.js').then(({ createProcessor }) => {
      const base = createArticleSchema(config.site.timezone)
      const schema = (config.schema ? config.schema(base) : base) as ArticleSchema
      return { processor: createProcessor(config.markdown), schema, timeZone: config.site.timezone }
    })
    return localContextPromise
  }

  /**
   * With the watcher's list of changes, only changed sources need reading; an added file
   * (or anything unclear) falls back to listing the content folder again.
   */
  function knownChanges(
    changes: SourceChanges,
    previous: string[],
  ): { paths: string[]; reread: string[] } | undefined {
    const inContent = (file: string) => file.startsWith(config.contentDir + path.sep) && file.endsWith('.md')
    const listed = new Set(previous)
    const reread: string[] = []
    for (const file of changes.changed) {
      if (!inContent(file)) continue
      const sourcePath = toRootRelative(file)
      if (!listed.has(sourcePath)) return undefined
      reread.push(sourcePath)
    }
    const removed = new Set([...changes.removed].filter(inContent).map(toRootRelative))
    return { paths: previous.filter((p) => !removed.has(p)), reread }
  }

  /**
   * Checks every source; reads only those whose size or mtime changed, and processes only
   * those whose text changed, from the cache or afresh. Returns the paths, those read, and
   * those whose text changed (with their previous entry).
   */
  async function updateSources(run: SiteBuildRun, share?: (sourcePath: string) => boolean) {
    const known = sourceList && run.changes ? knownChanges(run.changes, sourceList) : undefined
    const listed =
      known?.paths ??
      (await findSources(config.contentDir, config.contentIgnore)).map((p) => contentPrefix + p)
    const paths = share ? listed.filter(share) : listed
    const seen = new Set(paths)
    sourceList = paths
    for (const source of sources.keys()) if (!seen.has(source)) sources.delete(source)
    let done = 0
    const progress = (count: number) => {
      done += count
      run.onProgress?.(done, paths.length)
    }
    const checkedAt = Date.now()
    const toRead: { sourcePath: string; file?: Stats }[] = []
    for (const sourcePath of known?.reread ?? paths) {
      // A file gone since it was listed is read anyway, so that its error is the read's.
      const file = statSync(path.join(config.root, sourcePath), { throwIfNoEntry: false })
      if (file && isUnchanged(sources.get(sourcePath), file)) {
        progress(1)
        continue
      }
      const indexed = sourceIndex?.get(sourcePath)
      if (file && isUnchanged(indexed, file)) {
        sources.set(sourcePath, { ...indexed, slim: true })
        progress(1)
        continue
      }
      toRead.push({ sourcePath, file })
    }
    // Sources whose text changed, with what they were (undefined for new ones).
    const replaced = new Map<string, SourceEntry | undefined>()
    const processor = createSourceProcessor(config, localContext)
    try {
      // In groups, so that the text of a huge archive's sources is never all in memory at once.
      for (let start = 0; start < toRead.length; start += READ_GROUP) {
        const misses: Miss[] = []
        await mapConcurrent(toRead.slice(start, start + READ_GROUP), 32, async ({ sourcePath, file }) => {
          const raw = await readFile(path.join(config.root, sourcePath), 'utf8')
          const read = { ...sizeOf(file), checkedAt }
          const rawHash = hashText(raw)
          const entry = sources.get(sourcePath)
          if (entry?.rawHash === rawHash) {
            sources.set(sourcePath, { ...entry, ...read })
            return progress(1)
          }
          replaced.set(sourcePath, entry)
          const cacheKey = hashText(`${fingerprint}\0${sourcePath}\0${rawHash}`)
          const cached = await cache.get(cacheKey)
          if (cached) {
            sources.set(sourcePath, remember({ rawHash, cacheKey, ...cached, ...read }))
            return progress(1)
          }
          misses.push({ sourcePath, raw, cacheKey, rawHash, read })
        })
        await processor.process(misses, async (source, result) => {
          const miss = source as Miss
          const stored = await cache.set(miss.cacheKey, result)
          const entry = { rawHash: miss.rawHash, cacheKey: miss.cacheKey, ...result, ...miss.read }
          sources.set(miss.sourcePath, stored ? remember(entry) : entry)
          progress(1)
        })
      }
    } finally {
      await processor.close()
    }
    return { paths, read: toRead.map((r) => r.sourcePath), replaced }
  }

  /** Tells the source index what this run read and which sources are gone; only articles whose body is in the cache. */
  async function updateSourceIndex(index: SourceIndex, paths: readonly string[], read: readonly string[]) {
    const changed = new Map<string, IndexedSource>()
    for (const sourcePath of read) {
      const entry = sources.get(sourcePath)
      if (!entry?.slim) continue
      const { slim, ...indexed } = entry
      changed.set(sourcePath, indexed)
    }
    const listed = new Set(paths)
    const removed = [...index.paths()].filter((sourcePath) => !listed.has(sourcePath))
    await index.update(changed, removed)
  }

  /**
   * Keeps a processed source without its body once the cache holds it: the body is most of
   * an article's memory (a 100,000-article archive would not fit otherwise).
   */
  const remember = (entry: SourceEntry): SourceEntry =>
    entry.record ? { ...entry, slim: true, record: { ...entry.record, html: '' } } : entry

  /**
   * An article's body: in memory when no cache could keep it, else read back from the cache,
   * or made again from the source when its cache entry is gone.
   */
  const bodyOf = async (article: SiteArticle): Promise<string> => {
    const entry = sources.get(article.sourcePath)
    if (!entry?.slim) return article.record.html
    const html = (await cache.get(entry.cacheKey))?.record?.html
    if (html !== undefined) return html
    const raw = await readFile(path.join(config.root, article.sourcePath), 'utf8')
    const made =
      hashText(raw) === entry.rawHash
        ? await processSource(article.sourcePath, raw, await localContext(), entry.rawHash)
        : undefined
    if (!made?.record) throw new Error(`${article.sourcePath} changed during the build; build again.`)
    await cache.set(entry.cacheKey, made)
    return made.record.html
  }

  return {
    config,
    async processShard(shard, options = {}) {
      const inShare = (sourcePath: string) => shardOf(sourcePath, shard.count) === shard.index
      const { paths } = await updateSources(options, inShare)
      const entries = paths.map((p) => sources.get(p) as SourceEntry)
      return entries.map(({ cacheKey, record, diagnostics }) => ({
        key: cacheKey,
        value: { record, diagnostics },
      }))
    },
    async run(run = {}) {
      const now = run.now ?? Date.now()
      const { paths: sourcePaths, read, replaced } = await updateSources(run)
      const entries = sourcePaths.map((p) => sources.get(p) as SourceEntry)
      const diagnostics: Diagnostic[] = entries.flatMap((e) => e.diagnostics)
      const records = entries.flatMap((e) => (e.record ? [e.record] : []))

      const inputs = await loadInputs(run.changes)
      const edits = lastRun && bodyEdits(lastRun, replaced, inputs, now, sourcePaths.length)
      if (lastRun && edits) return rerenderBodies(lastRun, edits, diagnostics, now)
      lastRun = undefined
      const sourceDiagnostics = diagnostics.length
      const authorsKey = JSON.stringify([...inputs.authors])
      if (authorsKey !== memo.authorsKey) {
        // Articles and cards carry author entities: new entities, new articles and cards.
        memo.authorsKey = authorsKey
        memo.site = { articles: new WeakMap() }
        memo.cards.clear()
      }
      append(diagnostics, inputs.diagnostics, checkAuthorRefs(records, inputs.authors))
      const model = createSiteModel(records, {
        authors: inputs.authors,
        memo: memo.site,
        lang: config.site.lang,
        contentPrefix,
        drafts: config.drafts,
        future: config.future,
        now,
        relatedCount: config.relatedCount,
      })
      // After the site model, which makes the slugs the index keeps too.
      if (sourceIndex) await updateSourceIndex(sourceIndex, sourcePaths, read)
      const registry = new PathRegistry()
      const routed = routeSite(model, config.permalinks, registry)
      const pages = createPages(routed, registry, {
        site: config.site,
        theme: config.theme,
        strings: config.strings,
        feeds: config.feeds,
        pageSize: config.pageSize,
        structuredData,
        now,
        cardMemo: memo.cards,
        bodyOf,
      })
      const { renderer, assets } = inputs
      const urlFor = createUrlFor(config.site.basePath)
      append(diagnostics, registry.diagnostics)

      const moved = updatePermalinkHistory(parsePermalinkHistory(inputs.permalinkHistory), routed.articles)
      const schedule = computeSchedule([...model.articles, ...model.upcoming], now, config.site.timezone)
      const failed = (): SiteBuildResult => ({
        files: [],
        changed: new Set(),
        diagnostics,
        articles: routed.articles.length,
        pages: pages.length,
        schedule,
        permalinks: { history: moved.history, added: moved.added },
      })
      if (hasErrors(diagnostics)) return failed()

      const files: BuiltFile[] = []
      // With `emit`, each file goes out as soon as it is made and only its key is kept.
      const keep = async (file: BuiltFile) => {
        if (run.emit) {
          await run.emit(file)
          files.push({ path: file.path, key: file.key, group: file.group })
        } else {
          files.push(file)
        }
      }
      const assetKey = hashText(assets.map((a) => a.outputPath).join(','))
      const pageKeys = pages.map((page) =>
        hashText(`${page.key}|${renderer.templateKey(page.layout)}|${assetKey}`),
      )
      const onDisk = pages.map(
        (page, i) =>
          previousKeys.get(page.outputPath) === pageKeys[i] ||
          (run.isCurrent?.(page.outputPath, pageKeys[i] as string) ?? false),
      )
      for (const [i, page] of pages.entries()) {
        const key = pageKeys[i] as string
        if (onDisk[i]) {
          await keep({ path: page.outputPath, key })
          continue
        }
        try {
          await keep({
            path: page.outputPath,
            key,
            contents: renderer.render(page.layout, await page.context()),
          })
        } catch (error) {
          diagnostics.push(renderFailure(page, error))
        }
      }
      const urlOf = (sitePath: string) => new URL(urlFor(sitePath), `${config.site.url}/`).href
      const redirects = moved.redirects.flatMap((r) => {
        const outputPath = registry.claim(
          r.from,
          `${r.source} (an earlier URL, from ${PERMALINK_HISTORY_FILE})`,
          undefined,
          { quiet: true },
        )
        return outputPath ? [{ ...r, outputPath }] : []
      })
      for (const redirect of redirects) {
        const contents = generateRedirectPage(urlOf(redirect.to), config.site.lang)
        await keep({ path: redirect.outputPath, key: hashText(contents), contents })
      }
      if (redirects.length > 0) {
        const contents = generateRedirectsFile(
          redirects.map((r) => ({ from: urlFor(r.from), to: urlFor(r.to) })),
        )
        await keep({ path: '_redirects', key: hashText(contents), contents })
      }
      const generated = await generateSiteOutputs(routed, {
        config,
        pages,
        termPaths: createTermPaths(routed),
        now,
        // A streaming build runs once: what it generated need not stay in memory for a next run.
        memo: run.emit ? new Map() : outputMemo,
        reuse: run.reuseGenerated,
        bodyOf,
      })
      for (const file of generated) if (registry.claim(`/${file.path}`, 'generated outputs')) await keep(file)
      for (const asset of assets)
        await keep({ path: asset.outputPath, key: asset.outputPath, contents: asset.contents })
      for (const file of inputs.publicFiles) {
        if (registry.claim(`/${file.path}`, toRootRelative(file.from))) await keep(file)
      }
      const reported = new Set(diagnostics)
      append(
        diagnostics,
        registry.diagnostics.filter((d) => !reported.has(d)),
      )
      if (hasErrors(diagnostics)) return failed()

      append(
        diagnostics,
        options.qualityChecks === false
          ? []
          : checkQuality(routed, {
              outputPaths: new Set(files.map((f) => f.path)),
              basePath: config.site.basePath,
              siteUrl: config.site.url,
            }),
        await checkEjectedPartials({ root: config.root, theme: config.theme }),
      )
      const changed = new Set(files.filter((f) => previousKeys.get(f.path) !== f.key).map((f) => f.path))
      previousKeys.clear()
      for (const file of files) previousKeys.set(file.path, file.key)
      const result: SiteBuildResult = {
        files,
        changed,
        diagnostics,
        articles: routed.articles.length,
        pages: pages.length,
        schedule,
        permalinks: { history: moved.history, added: moved.added },
      }
      // The preview edits one article at a time: keep what a body-only edit needs to skip the rest.
      // Not with quality checks, whose warnings read bodies' links and images across the site.
      if (options.qualityChecks === false)
        lastRun = {
          routed,
          articles: new Map(routed.articles.map((a) => [a.sourcePath, a])),
          pages: new Map(pages.map((page) => [page.outputPath, page])),
          inputs,
          assetKey,
          day: dayOf(now),
          sourceCount: sourcePaths.length,
          siteDiagnostics: diagnostics.slice(sourceDiagnostics),
          result: { ...result, files: files.map(({ path, key, group }) => ({ path, key, group })) },
        }
      return result
    },
  }

  /**
   * The articles a run must update when, since the last run, only article bodies changed:
   * same sources, inputs, day and schedule, and every changed article shows the same card,
   * front matter and excerpt (what other pages, listings and sitemaps show of it).
   */
  function bodyEdits(
    last: LastRun,
    replaced: ReadonlyMap<string, SourceEntry | undefined>,
    inputs: SiteInputs,
    now: number,
    sourceCount: number,
  ): { article: RoutedArticle; record: ArticleRecord }[] | undefined {
    const { next } = last.result.schedule
    if (inputs !== last.inputs || sourceCount !== last.sourceCount) return undefined
    if (dayOf(now) !== last.day || (next && now >= Date.parse(next))) return undefined
    const edits: { article: RoutedArticle; record: ArticleRecord }[] = []
    for (const [sourcePath, before] of replaced) {
      const after = sources.get(sourcePath)
      if (!before?.record || !after?.record || hasErrors(after.diagnostics)) return undefined
      if (sharedPart(before.record) !== sharedPart(after.record)) return undefined
      const article = last.articles.get(sourcePath)
      if (article) edits.push({ article, record: after.record })
    }
    return edits
  }

  /** Renders again only the pages and feeds that show the edited bodies; the rest is the last run's. */
  async function rerenderBodies(
    last: LastRun,
    edits: { article: RoutedArticle; record: ArticleRecord }[],
    diagnostics: Diagnostic[],
    now: number,
  ): Promise<SiteBuildResult> {
    const made = new Map<string, BuiltFile>()
    append(diagnostics, last.siteDiagnostics)
    for (const { article, record } of edits) {
      // Its card and listings are unchanged: the routed article takes the new body in place.
      const { path: sitePath, outputPath } = article
      Object.assign(
        article,
        toSiteArticle(record, { lang: config.site.lang, contentPrefix, authors: last.inputs.authors }),
        { path: sitePath, outputPath },
      )
      const page = last.pages.get(outputPath)
      if (!page) continue
      page.key = withSourceHash(page.key, article.sourceHash)
      const key = hashText(`${page.key}|${last.inputs.renderer.templateKey(page.layout)}|${last.assetKey}`)
      try {
        made.set(outputPath, {
          path: outputPath,
          key,
          contents: last.inputs.renderer.render(page.layout, await page.context()),
        })
      } catch (error) {
        lastRun = undefined
        return {
          ...last.result,
          files: [],
          changed: new Set(),
          diagnostics: [...diagnostics, renderFailure(page, error)],
        }
      }
    }
    const feeds = await generateSiteOutputs(last.routed, {
      config,
      pages: [],
      termPaths: createTermPaths(last.routed),
      now,
      memo: outputMemo,
      bodyOf,
      only: new Set(edits.map((e) => e.article.id)),
    })
    for (const file of feeds) made.set(file.path, file)
    const changed = new Set<string>()
    for (const file of made.values()) {
      if (previousKeys.get(file.path) !== file.key) changed.add(file.path)
      previousKeys.set(file.path, file.key)
    }
    last.result.files = last.result.files.map((f) => {
      const file = made.get(f.path)
      return file ? { path: file.path, key: file.key, group: file.group } : f
    })
    return {
      ...last.result,
      files: last.result.files.map((f) => made.get(f.path) ?? f),
      changed,
      diagnostics,
    }
  }

  function renderFailure(page: Page, error: unknown): Diagnostic {
    return {
      file: error instanceof TemplateRenderError ? error.file : config.theme.name,
      message: `Rendering ${page.path} failed: ${(error as Error).message}`,
      hint: 'Check the template and the helpers it calls.',
      ruleId: 'template-render',
      severity: 'error',
    }
  }
}

/** What the last run of a preview builder made, for a body-only edit to start from. */
interface LastRun {
  routed: RoutedSite
  /** Routed articles by source path: the objects the pages' contexts read. */
  articles: Map<string, RoutedArticle>
  pages: Map<string, Page>
  inputs: SiteInputs
  assetKey: string
  day: string
  sourceCount: number
  /** Diagnostics not of one source (authors, templates, routes). */
  siteDiagnostics: Diagnostic[]
  /** The run's result, files without their contents. */
  result: SiteBuildResult
}

/** What pages other than its own show of an article: a body-only edit leaves it unchanged. */
const sharedPart = (record: ArticleRecord): string =>
  JSON.stringify([record.data, record.positions, record.excerpt, readingTimeOf(record.wordCount)])
