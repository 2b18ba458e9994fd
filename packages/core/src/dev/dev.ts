import { EventEmitter } from 'node:events'
import type { BuildOverrides } from '../config/resolve-config.js'
import type { WartaConfig } from '../config/types.js'
import { WartaBuildError } from '../errors/build-error.js'
import { type Diagnostic, hasErrors } from '../errors/diagnostic.js'
import type { SiteBuildResult } from '../pipeline/run-types.js'
import { boundHeapGrowth } from '../util/heap-growth.js'
import { openPreviewOutput, type PreviewOutput, streamInto } from '../write/preview-output.js'
import { applyResult } from './apply-result.js'
import { applySearchIndex } from './apply-search-index.js'
import { createClockRebuild } from './clock-rebuild.js'
import { createPreviewErrors } from './preview-errors.js'
import { createPreviewServer, type PreviewServer } from './preview-server.js'
import { createPreviewSite } from './preview-site.js'
import { type ChangeBatch, createWatchQueue } from './watch-queue.js'
import { watchSite } from './watch-site.js'

/** Options of the preview. */
export interface DevOptions extends BuildOverrides {
  /** Port to listen on. Default `4321`; `0` picks a free port. */
  port?: number
  /** Interface to listen on. Default `127.0.0.1`: the preview is not shared unless you say so. */
  host?: string
  /** Quiet time after the last file event before rebuilding, in ms. Default `30`. */
  debounceMs?: number
  /** The clock for future articles. Default: now, read at each rebuild. */
  now?: () => number
}

/** What one rebuild did. */
export interface RebuildEvent {
  /** Output files written (relative to the preview folder). */
  written: string[]
  removed: string[]
  durationMs: number
  articles: number
}

/** A failed rebuild: the last good site keeps being served. */
export interface RebuildErrorEvent {
  diagnostics: Diagnostic[]
  /** The diagnostics as `path:line:column: …` lines. */
  text: string
}

/**
 * The preview's events: `rebuild` when a rebuild's pages are written; with search on, `search`
 * after it, when its search index is (`durationMs`: the index's time); `error` for a failed one.
 */
export type DevEvents = { rebuild: [RebuildEvent]; search: [RebuildEvent]; error: [RebuildErrorEvent] }

/** The running preview: a server over the preview folder, rebuilt on every change. */
export interface DevServer extends EventEmitter<DevEvents> {
  /** Where the preview is served, e.g. `http://127.0.0.1:4321/`. */
  url: string
  /** The folder the preview is written to (`.warta/preview` under the site root by default). */
  outDir: string
  /** Resolves when no change is waiting or being built. */
  idle(): Promise<void>
  /** Stops watching and serving. */
  close(): Promise<void>
}

/**
 * Builds the site into a preview folder, serves it on 127.0.0.1 and rebuilds on every
 * change to content, layouts, partials, public files, the theme or the config file —
 * re-rendering only the pages whose inputs changed. A broken file never stops the preview:
 * the last good site stays up and the browser shows the error until it is fixed.
 */
export async function dev(config: WartaConfig, options: DevOptions = {}): Promise<DevServer> {
  // Background image work can finish before the watch queue exists (during the first build).
  let imagesWaiting = false
  let imagesReady = (_publicDir: string) => {
    imagesWaiting = true
  }
  const site = createPreviewSite(config, options, (publicDir) => imagesReady(publicDir))
  let served = new Set<string>()
  const searchTarget = () => ({ output, served, searchPath: site.resolved.search.path, server })
  const emitter = new EventEmitter<DevEvents>()
  let server: PreviewServer | undefined
  let output: PreviewOutput | undefined

  const errors = createPreviewErrors(emitter, () => server)
  const showErrors = errors.show
  const showFailure = (error: unknown) =>
    errors.showOne({
      file: site.configName ?? '(build)',
      message: (error as Error).message,
      ruleId: 'build',
      severity: 'error',
    })

  const clock = createClockRebuild(
    () => options.now?.() ?? Date.now(),
    () => queue.enqueue('change', site.resolved.contentDir),
  )

  const rebuild = async (batch?: ChangeBatch): Promise<void> => {
    const started = performance.now()
    // The first build runs before the watcher exists; later ones come with their changes.
    if (batch) watcher.startRun()
    const configChanged = batch !== undefined && site.needsReload(batch)
    if (configChanged) {
      const failure = await site.reload()
      if (failure) return showErrors([failure])
      await watcher.update()
    }
    // The first build writes its pages into the empty folder as it makes them, as a build does,
    // instead of holding a whole archive's pages in memory; later runs write what changed.
    const stream = served.size === 0 && output ? streamInto(output) : undefined
    let result: SiteBuildResult
    try {
      result = await site.builder.run({
        now: options.now?.(),
        changes: configChanged ? undefined : batch,
        emit: stream?.add,
      })
      await stream?.flush()
    } catch (error) {
      if (error instanceof WartaBuildError) return showErrors(error.diagnostics)
      throw error
    }
    if (hasErrors(result.diagnostics) && batch && (await watcher.changedSinceRun(batch.changed))) return
    if (hasErrors(result.diagnostics)) return showErrors(result.diagnostics)
    const target = { outDir: site.resolved.outDir, output, served, server, streamed: stream !== undefined }
    const applied = await applyResult(result, target)
    if ('diagnostics' in applied) return showErrors(applied.diagnostics)
    served = applied.served
    clock.schedule(result.schedule.next)
    const { written, removed } = applied
    const durationMs = Math.round(performance.now() - started)
    emitter.emit('rebuild', { written, removed, durationMs, articles: result.articles })
    // The search index follows the pages, which are in the browser meanwhile.
    const index = await result.searchIndex
    const search = index && (await applySearchIndex(index, result.articles, searchTarget()))
    if (search && 'event' in search) emitter.emit('search', search.event)
    else if (search) showErrors(search.diagnostics)
  }

  output = await openPreviewOutput(site.resolved.outDir, site.resolved.root)
  // Serving starts before the first build, so that a failed first build reaches the browser
  // as an overlay on the not-found page, like any later error.
  server = await createPreviewServer({
    root: site.resolved.outDir,
    host: options.host,
    port: options.port ?? 4321,
    basePath: site.resolved.site.basePath,
  })
  // Only the first build, which makes every page, bounds the heap's growth as a build does: bounded, later edits were slower.
  await rebuild().catch(showFailure).finally(boundHeapGrowth())

  const queue = createWatchQueue({ debounceMs: options.debounceMs ?? 30, run: rebuild, onError: showFailure })
  imagesReady = (publicDir) => queue.enqueue('change', publicDir)
  if (imagesWaiting) imagesReady(site.resolved.publicDir)
  const watcher = watchSite({
    paths: site.watchedPaths,
    notSources: site.notSources,
    onEvent: (event, file) => queue.enqueue(event, file),
    onError: (message) =>
      errors.showOne({ file: '(watcher)', message, ruleId: 'watch', severity: 'error' }, message),
  })
  await watcher.ready
  errors.started()

  return Object.assign(emitter, {
    url: server.url,
    outDir: site.resolved.outDir,
    async idle() {
      await queue.idle()
      // Pictures made in the background queue a rebuild when they are done: wait for both.
      for (;;) {
        await watcher.settled()
        await site.builder.settled()
        if (!watcher.busy && queue.isIdle()) return
        await queue.idle()
      }
    },
    async close() {
      clock.stop()
      await watcher.close()
      await queue.close()
      await site.builder.dispose()
      await server?.close()
    },
  })
}
