import type { ResolvedImages } from '../config/image-options.js'
import type { CardColors } from '../config/theme.js'
import { type Diagnostic, sortDiagnostics } from '../errors/diagnostic.js'
import type { RoutedSite } from '../routes/route-site.js'
import type { SiteImages } from '../routes/site-images.js'
import { mapConcurrent } from '../util/map-concurrent.js'
import { collectImageRefs, type ImageRef } from './collect-image-refs.js'
import type { EncodeResult } from './encode-image.js'
import { encoderVersion } from './encoder-version.js'
import { openImageCache } from './image-cache.js'
import { pictureDiagnostic } from './image-diagnostics.js'
import { createImageWorkers, type ImageWorkers } from './image-pool.js'
import type { ImageStore } from './image-store.js'
import type { ImageTask, ImageTaskResult } from './image-worker.js'
import { inspectImage } from './inspect-image.js'
import { type PlannedCards, planCards } from './plan-cards.js'
import { type PlanOptions, planImage } from './plan-variants.js'
import { planWork, type SourceUses, type SourceWork } from './plan-work.js'
import { resolveImageSource, type SourceFolders } from './resolve-image-source.js'
import { assembleSiteImages, type ImageFile, imageFiles } from './site-images-of.js'

/** The site as the image stage needs it. */
export interface ImageSite {
  title: string
  description: string
  /** Absolute, with the base path, no trailing slash. */
  url: string
  basePath: string
  /** `site.image`, `site.logo`, `site.publisher.logo.src`. */
  image?: string
  logo?: string
  publisherLogo?: string
  /** The config file relative to the site root, for messages about the pictures it names. */
  configFile: string
  /** The generated cards' colours. */
  colors: CardColors
}

/** Options of the image stage: the few it depends on. */
export interface ImageStageOptions {
  folders: SourceFolders
  images: ResolvedImages
  site: ImageSite
  /** The folder of the persistent cache; a temporary one when absent (`--no-cache`). */
  cacheDir?: string
  /** Worker threads for encoding; 0 encodes on this thread. */
  workers: number
  /** `sizes` of body pictures, from the theme. */
  bodySizes: string
  /** Whether the output file on disk was made from this key (the output manifest). */
  isCurrent?: (outputPath: string, key: string) => boolean
  /**
   * The preview: files still to make are made in the background and the pictures served as
   * their source files meanwhile; called when background work has finished.
   */
  onBackgroundDone?: () => void
}

/** What the stage made: the pictures as later stages read them, their files, its problems. */
export interface ImageStageResult {
  images: SiteImages
  files: ImageFile[]
  diagnostics: Diagnostic[]
  /** Files refused as unsafe (SVGs that could run script), relative to the site root: not published, not even from public/. */
  refused: Set<string>
}

/** Finds and reads every named picture's file: by file, the uses made of it; the problems, at their references. */
async function readSources(refs: readonly ImageRef[], options: ImageStageOptions, store: ImageStore) {
  const cache = store.cache as NonNullable<ImageStore['cache']>
  const diagnostics: Diagnostic[] = []
  const refused = new Set<string>()
  const found = new Map<string, { absolute: string; size: number; mtimeMs: number; refs: ImageRef[] }>()
  for (const ref of refs) {
    const resolved = resolveImageSource(ref, options.folders)
    if ('outside' in resolved) diagnostics.push(pictureDiagnostic(ref, 'outside', ''))
    else if ('missing' in resolved)
      diagnostics.push(pictureDiagnostic(ref, 'missing', resolved.missing.join(', ')))
    else {
      const entry = found.get(resolved.file)
      if (entry) entry.refs.push(ref)
      else
        found.set(resolved.file, {
          absolute: resolved.absolute,
          size: resolved.stats.size,
          mtimeMs: resolved.stats.mtimeMs,
          refs: [ref],
        })
    }
  }
  const planOptions: PlanOptions = { images: options.images, encoder: encoderVersion() }
  const sources = new Map<string, SourceUses>()
  await mapConcurrent([...found], 8, async ([file, entry]) => {
    const known = cache.source(file, entry.size, entry.mtimeMs)
    const info = known ?? (await inspectImage(entry.absolute, file, options.images.maxPixels))
    if ('failure' in info) {
      for (const ref of entry.refs) diagnostics.push(pictureDiagnostic(ref, info.failure, info.message))
      if (info.failure === 'svg-unsafe') refused.add(file)
      return
    }
    if (!known) cache.rememberSource(info, entry.size, entry.mtimeMs)
    const failed = store.failed.get(info.hash)
    if (failed) {
      for (const ref of entry.refs) diagnostics.push(pictureDiagnostic(ref, failed.kind, failed.message))
      return
    }
    const uses = entry.refs.map((ref) => ({ ref, plan: planImage(info, ref.use, planOptions, ref.focus) }))
    sources.set(file, { absolute: entry.absolute, info, uses })
  })
  return { sources, diagnostics, planOptions, refused }
}

/** Runs tasks; a worker that died fails its task as a damaged picture would, never the build. */
async function runTask(workers: ImageWorkers, task: ImageTask): Promise<ImageTaskResult> {
  try {
    return await workers.run(task)
  } catch (error) {
    const message = `its worker thread stopped: ${(error as Error)?.message ?? String(error)}`
    return 'encode' in task
      ? { made: [], failure: { kind: 'corrupt', message } }
      : { missing: [], failure: { message } }
  }
}

/**
 * The image stage: finds the file of every picture the site names (lead images, body images,
 * author photos, the site's share image and logos), reads each file's header, plans its
 * responsive set and share crops, makes what is neither on disk nor in the cache on worker
 * threads, and generates the share cards and logo the site lacks. Pure planning is in
 * `plan-*.ts`; libvips runs in `encode-image.ts`, on the workers.
 */
export async function runImageStage(
  site: RoutedSite,
  store: ImageStore,
  options: ImageStageOptions,
): Promise<ImageStageResult> {
  store.cache ??= await openImageCache(options.cacheDir)
  const { cache } = store
  // Each answer costs a stat of the output file, and planning and listing files both ask.
  const current = new Map<string, boolean>()
  const isCurrent = options.isCurrent
    ? (outputPath: string, key: string) => {
        let answer = current.get(outputPath)
        if (answer === undefined) {
          answer = options.isCurrent?.(outputPath, key) ?? false
          current.set(outputPath, answer)
        }
        return answer
      }
    : undefined
  const refs = collectImageRefs(site, {
    image: options.site.image,
    logo: options.site.logo,
    publisherLogo: options.site.publisherLogo,
    configFile: options.site.configFile,
  })
  const { sources, diagnostics, planOptions, refused } = await readSources(refs, options, store)
  const inFlight = new Set(store.pending.keys())
  const work = [...sources.values()]
    .map((source) => planWork(source, { images: options.images, cache, inFlight, isCurrent }))
    .filter((w) => w.tasks.length > 0)
  const cards = planCards(site, sources, {
    images: options.images,
    site: options.site,
    encoder: planOptions.encoder,
    filesDir: cache.filesDir,
    needed: (spec) =>
      !inFlight.has(spec.key) &&
      !isCurrent?.(spec.path, spec.key) &&
      !cache.has({ key: spec.key, format: 'png' }),
  })
  const background = options.onBackgroundDone !== undefined
  const pendingFiles = new Set<string>()
  if (background) startInBackground(store, options, work, cards, pendingFiles)
  else diagnostics.push(...(await runNow(store, options, work, cards, sources)))
  for (const [file, source] of sources) if (inFlightSource(source, store)) pendingFiles.add(file)
  const ready = (key: string) => !store.pending.has(key)
  const images = assembleSiteImages(site, sources, cards, {
    cache,
    site: options.site,
    images: options.images,
    bodySizes: options.bodySizes,
    pendingFiles,
  })
  await cache.save()
  const files = imageFiles(sources, cards, { cache, pendingFiles, ready, isCurrent })
  // Files are read in parallel: the report's order must not depend on which finished first.
  return { images, files, diagnostics: sortDiagnostics(diagnostics), refused }
}

/** Whether some of a source's files are being made in the background. */
const inFlightSource = (source: SourceUses, store: ImageStore) =>
  source.uses.some((u) =>
    [...u.plan.sets.flatMap((s) => s.variants), ...u.plan.crops].some((s) => store.pending.has(s.key)),
  )

/** A build: makes everything now, with a pool of its own closed at the end. */
async function runNow(
  store: ImageStore,
  options: ImageStageOptions,
  work: SourceWork[],
  cards: PlannedCards,
  sources: Map<string, SourceUses>,
): Promise<Diagnostic[]> {
  const taskCount = work.reduce((n, w) => n + w.tasks.length, 0) + cards.toDraw.length
  if (taskCount === 0) return []
  const workers = createImageWorkers(Math.min(options.workers, taskCount))
  const diagnostics: Diagnostic[] = []
  try {
    await Promise.all([
      ...work.map(async ({ source, tasks }) => {
        const results = (await Promise.all(
          tasks.map((encode) => runTask(workers, { encode })),
        )) as EncodeResult[]
        recordPlaceholders(store, source, results)
        const failure = results.find((r) => r.failure)?.failure
        if (!failure) return
        for (const { ref } of source.uses)
          diagnostics.push(pictureDiagnostic(ref, failure.kind, failure.message))
        sources.delete(source.info.file)
      }),
      ...cards.toDraw.map(async (card) => {
        const result = await runTask(workers, { card: card.task })
        if ('missing' in result) diagnostics.push(...cards.problems(card, result))
      }),
    ])
  } finally {
    await workers.close()
  }
  return diagnostics
}

function recordPlaceholders(store: ImageStore, source: SourceUses, results: readonly EncodeResult[]) {
  for (const result of results) {
    if (!result.placeholder) continue
    const which = result.placeholder.blur ? 'blur' : 'color'
    store.cache?.rememberPlaceholder(source.info.hash, which, result.placeholder)
  }
}

/** The preview: starts the work on the store's workers and returns; the pictures are served as their sources meanwhile. */
function startInBackground(
  store: ImageStore,
  options: ImageStageOptions,
  work: SourceWork[],
  cards: PlannedCards,
  pendingFiles: Set<string>,
): void {
  if (work.length === 0 && cards.toDraw.length === 0) return
  store.workers ??= createImageWorkers(options.workers)
  const workers = store.workers
  const settle = (keys: string[], done: Promise<void>) => {
    for (const key of keys) store.pending.set(key, done)
  }
  const finished = async (keys: string[]) => {
    for (const key of keys) store.pending.delete(key)
    store.version++
    if (store.pending.size > 0) return
    store.workers = undefined
    await workers.close()
    options.onBackgroundDone?.()
  }
  for (const { source, tasks } of work) {
    pendingFiles.add(source.info.file)
    const keys = [...tasks.flatMap((t) => t.specs.map((s) => s.key)), `placeholder:${source.info.hash}`]
    const done = Promise.all(tasks.map((encode) => runTask(workers, { encode }))).then(async (results) => {
      recordPlaceholders(store, source, results as EncodeResult[])
      const failure = (results as EncodeResult[]).find((r) => r.failure)?.failure
      if (failure) store.failed.set(source.info.hash, failure)
      await store.cache?.save()
      await finished(keys)
    })
    settle(keys, done)
  }
  for (const card of cards.toDraw) {
    const done = runTask(workers, { card: card.task }).then(() => finished([card.spec.key]))
    settle([card.spec.key], done)
  }
}
