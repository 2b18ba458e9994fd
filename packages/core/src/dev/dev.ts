import { EventEmitter } from 'node:events'
import type { Stats } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { watch } from 'chokidar'
import { createArticleCache } from '../cache/article-cache.js'
import { loadConfig } from '../config/load-config.js'
import { type BuildOverrides, type ResolvedConfig, resolveConfig } from '../config/resolve-config.js'
import { checkSiteFolders } from '../config/site-folders.js'
import type { WartaConfig } from '../config/types.js'
import { WartaBuildError } from '../errors/build-error.js'
import { type Diagnostic, formatDiagnostic, hasErrors } from '../errors/diagnostic.js'
import { cacheDirOf, imageCacheDirOf } from '../pipeline/build.js'
import { createSiteBuilder, type SiteBuilder } from '../pipeline/create-site-builder.js'
import type { SiteBuildResult } from '../pipeline/run-types.js'
import { createStructuredData } from '../pipeline/structured-data.js'
import { mapConcurrent } from '../util/map-concurrent.js'
import { openPreviewOutput, type PreviewOutput, streamInto } from '../write/preview-output.js'
import type { OutputFile } from '../write/write-output.js'
import { createPreviewServer, type PreviewServer } from './preview-server.js'
import { differsOnlyInStylesheetLinks } from './stylesheet-change.js'
import { watchErrorMessage } from './watch-error.js'
import { type ChangeBatch, createWatchQueue, isFileEvent } from './watch-queue.js'

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

/** The running preview: a server over the preview folder, rebuilt on every change. */
export interface DevServer extends EventEmitter<{ rebuild: [RebuildEvent]; error: [RebuildErrorEvent] }> {
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
 * chokidar reports at most one `change` of a file in this many ms and drops the others
 * (its own throttle, leading edge only).
 */
const CHOKIDAR_CHANGE_THROTTLE_MS = 50

/**
 * True when a rebuild changed stylesheets and nothing else: pages differ from what is on
 * disk only in their (content-hashed) stylesheet links, so open pages can swap stylesheets
 * instead of reloading.
 */
async function onlyStylesheetsChanged(
  outDir: string,
  written: readonly OutputFile[],
  removed: readonly string[],
): Promise<boolean> {
  if (!written.some((f) => f.path.endsWith('.css'))) return false
  const isCss = (p: string) => p.endsWith('.css')
  if (!removed.every(isCss) || !written.every((f) => isCss(f.path) || f.path.endsWith('.html'))) return false
  const pages = written.filter((f) => f.path.endsWith('.html'))
  const unchanged = await mapConcurrent(pages, 32, async (page) => {
    const before = await readFile(path.join(outDir, page.path), 'utf8').catch(() => undefined)
    return before !== undefined && differsOnlyInStylesheetLinks(before, String(page.contents))
  })
  return unchanged.every(Boolean)
}

/**
 * Builds the site into a preview folder, serves it on 127.0.0.1 and rebuilds on every
 * change to content, layouts, partials, public files, the theme or the config file —
 * re-rendering only the pages whose inputs changed. A broken file never stops the preview:
 * the last good site stays up and the browser shows the error until it is fixed.
 */
export async function dev(config: WartaConfig, options: DevOptions = {}): Promise<DevServer> {
  const resolve = (c: WartaConfig) =>
    resolveConfig(c, {
      ...options,
      outDir: options.outDir ?? path.join(c.root ?? process.cwd(), '.warta', 'preview'),
    })
  let resolved = resolve(config)
  checkSiteFolders(resolved, config.root)
  // What `warta build` writes, inside the site folder by default: not a source.
  const buildOutDirOf = (c: WartaConfig) => path.resolve(c.root ?? process.cwd(), c.outDir ?? 'dist')
  let buildOutDir = buildOutDirOf(config)
  const createBuilder = (r: ResolvedConfig) =>
    createSiteBuilder(r, {
      cache: createArticleCache(path.join(cacheDirOf(r.root), 'articles')),
      mode: 'preview',
      structuredData: createStructuredData(r),
      imageCacheDir: imageCacheDirOf(r.root),
      // Pictures made in the background since: a run that shows them.
      onImagesReady: () => imagesReady(r.publicDir),
    })
  // Background image work can finish before the watch queue exists (during the first build).
  let imagesReady = (_publicDir: string) => {
    imagesWaiting = true
  }
  let imagesWaiting = false
  let builder: SiteBuilder = createBuilder(resolved)
  let served = new Set<string>()
  const emitter = new EventEmitter<{ rebuild: [RebuildEvent]; error: [RebuildErrorEvent] }>()
  let server: PreviewServer | undefined
  let output: PreviewOutput | undefined

  // EventEmitter throws on an `error` nobody listens to, and nobody can listen before dev()
  // resolves: an error of the first build is emitted just after, so that a listener attached
  // at once hears it.
  let returned = false
  let firstBuildError: RebuildErrorEvent | undefined
  const emitError = (event: RebuildErrorEvent): void => {
    if (!returned) firstBuildError = event
    else if (emitter.listenerCount('error') > 0) emitter.emit('error', event)
  }

  const showErrors = (diagnostics: Diagnostic[]): void => {
    const text = diagnostics.map(formatDiagnostic).join('\n')
    const errors = diagnostics.filter((d) => d.severity === 'error')
    server?.sendError({
      message: `${errors.length} error${errors.length === 1 ? '' : 's'} in ${[...new Set(errors.map((d) => d.file))].join(', ')}`,
      text,
    })
    emitError({ diagnostics, text })
  }

  /** A build that threw rather than reporting diagnostics. */
  const showFailure = (error: unknown): void => {
    const diagnostic: Diagnostic = {
      file: resolved.configFile ? path.relative(resolved.root, resolved.configFile) : '(build)',
      message: (error as Error).message,
      ruleId: 'build',
      severity: 'error',
    }
    server?.sendError({ message: diagnostic.message, text: formatDiagnostic(diagnostic) })
    emitError({ diagnostics: [diagnostic], text: formatDiagnostic(diagnostic) })
  }

  // Embargoes lift and articles expire without any file changing: rebuild when the schedule says.
  let clockTimer: NodeJS.Timeout | undefined
  const scheduleClockRebuild = (next: string | null) => {
    clearTimeout(clockTimer)
    if (!next) return
    const delay = Date.parse(next) - (options.now?.() ?? Date.now())
    // setTimeout holds at most about 24.8 days; a later change is rescheduled by the rebuilds before it.
    clockTimer = setTimeout(
      () => queue.enqueue('change', resolved.contentDir),
      Math.min(Math.max(delay, 0) + 1000, 2 ** 31 - 1),
    )
    clockTimer.unref()
  }

  /** Shows a result: writes what changed (unless the run wrote its files as it made them). */
  const apply = async (result: SiteBuildResult, started: number, streamed: boolean): Promise<void> => {
    if (hasErrors(result.diagnostics)) return showErrors(result.diagnostics)
    const current = new Set(result.files.map((f) => f.path))
    const written = result.files.filter((f) => result.changed.has(f.path))
    const removed = [...served].filter((p) => !current.has(p))
    const cssOnly = await onlyStylesheetsChanged(resolved.outDir, written, removed)
    try {
      await output?.update(streamed ? [] : written, removed)
    } catch (error) {
      if (error instanceof WartaBuildError) return showErrors(error.diagnostics)
      throw error
    }
    served = current
    scheduleClockRebuild(result.schedule.next)
    const paths = written.map((f) => f.path)
    if (paths.length > 0 || removed.length > 0) {
      server?.reload({ files: [...paths, ...removed], cssOnly })
    } else {
      server?.clearError()
    }
    emitter.emit('rebuild', {
      written: paths,
      removed,
      durationMs: Math.round(performance.now() - started),
      articles: result.articles,
    })
  }

  // While the config file does not load, the site is built with the last good config; any
  // rebuild then tries the file again, so that its error is not hidden by a successful build.
  let configFailed = false
  /** Looks at changed files again after chokidar's throttle window (see `recheck`). */
  const rechecks = new Set<Promise<void>>()
  let closing = false
  /** Files with file events since the current rebuild started. */
  let changedDuringRun = new Set<string>()
  // A build that read a file mid-save (truncated, half written) fails for nothing. When a
  // file it was built for changed again meanwhile, the next build, already queued, decides
  // whether there is an error to show.
  const superseded = async (batch: ChangeBatch): Promise<boolean> => {
    await Promise.all(rechecks)
    return [...batch.changed].some((file) => changedDuringRun.has(file))
  }

  const rebuild = async (batch?: ChangeBatch): Promise<void> => {
    const started = performance.now()
    changedDuringRun = new Set()
    const configFile = options.configFile
    const configChanged =
      batch &&
      configFile &&
      (configFailed ||
        [...batch.changed, ...batch.removed].some(
          (f) => f === configFile || f.startsWith(path.join(resolved.theme.dir, 'i18n') + path.sep),
        ))
    if (configChanged) {
      try {
        const loaded = (await loadConfig(configFile)).config
        resolved = resolve(loaded)
        buildOutDir = buildOutDirOf(loaded)
        await builder.dispose()
        builder = createBuilder(resolved)
        configFailed = false
        await updateWatched()
      } catch (error) {
        configFailed = true
        const diagnostic: Diagnostic = {
          file: path.relative(resolved.root, configFile),
          message: (error as Error).message,
          ruleId: 'config',
          severity: 'error',
        }
        return showErrors([diagnostic])
      }
    }
    // The first build writes its pages into the empty folder as it makes them, as a build does,
    // instead of holding a whole archive's pages in memory; later runs write what changed.
    const stream = served.size === 0 && output ? streamInto(output) : undefined
    let result: SiteBuildResult
    try {
      result = await builder.run({
        now: options.now?.(),
        changes: configChanged ? undefined : batch,
        emit: stream?.add,
      })
      await stream?.flush()
    } catch (error) {
      if (error instanceof WartaBuildError) return showErrors(error.diagnostics)
      throw error
    }
    if (hasErrors(result.diagnostics) && batch && (await superseded(batch))) return
    await apply(result, started, stream !== undefined)
  }

  output = await openPreviewOutput(resolved.outDir, resolved.root)
  // Serving starts before the first build, so that a failed first build reaches the browser
  // as an overlay on the not-found page, like any later error.
  server = await createPreviewServer({
    root: resolved.outDir,
    host: options.host,
    port: options.port ?? 4321,
    basePath: resolved.site.basePath,
  })
  await rebuild().catch(showFailure)

  const queue = createWatchQueue({ debounceMs: options.debounceMs ?? 30, run: rebuild, onError: showFailure })
  imagesReady = (publicDir) => queue.enqueue('change', publicDir)
  if (imagesWaiting) imagesReady(resolved.publicDir)
  // The site folder as a whole (content, layouts, partials, public, config), plus the theme.
  // Watching folders that do not exist yet loses events in chokidar, so none are named.
  const watchedPaths = () => [
    resolved.root,
    ...(resolved.theme.dir.startsWith(resolved.root + path.sep) ? [] : [resolved.theme.dir]),
  ]
  const isIgnored = (file: string) =>
    [resolved.outDir, buildOutDir].some((dir) => file === dir || file.startsWith(dir + path.sep)) ||
    file.startsWith(path.join(resolved.root, '.warta')) ||
    [...watched].some(
      (base) =>
        file.startsWith(base + path.sep) && file.slice(base.length).includes(`${path.sep}node_modules`),
    ) ||
    // Dotfiles, editor backups and temporary files; never a watched folder itself, whatever its
    // name (a site in `.site/` or `news.tmp/`).
    (!watched.has(file) && /^\.|~$|\.tmp$/.test(path.basename(file)))
  let watched = new Set(watchedPaths())
  const watcher = watch([...watched], { ignoreInitial: true, ignored: isIgnored })
  async function updateWatched() {
    const next = new Set(watchedPaths())
    watcher.unwatch([...watched].filter((p) => !next.has(p)))
    watcher.add([...next].filter((p) => !watched.has(p)))
    watched = next
  }
  // A save that lands within chokidar's throttle window after a reported change is never
  // reported, and the rebuild may already have read the file by then: the save would be
  // lost until the next one. So each changed file is looked at again once the window has
  // passed, and queued if it changed since chokidar saw it.
  const recheck = (file: string, seen: Stats | undefined) => {
    const done: Promise<void> = delay(CHOKIDAR_CHANGE_THROTTLE_MS + 10)
      .then(() => stat(file))
      .then(
        (now) => {
          if (!closing && (now.mtimeMs !== seen?.mtimeMs || now.size !== seen?.size)) {
            changedDuringRun.add(file)
            queue.enqueue('change', file)
          }
        },
        () => undefined, // Gone: its own unlink event says so.
      )
      .finally(() => rechecks.delete(done))
    rechecks.add(done)
  }
  watcher.on('all', (event, file, stats) => {
    if (!isFileEvent(event)) return
    const absolute = path.resolve(file)
    changedDuringRun.add(absolute)
    queue.enqueue(event, absolute)
    if (event === 'change') recheck(absolute, stats)
  })
  watcher.on('error', (error) => {
    const message = watchErrorMessage(error)
    server?.sendError({ message, text: message })
    emitError({
      diagnostics: [{ file: '(watcher)', message, ruleId: 'watch', severity: 'error' }],
      text: message,
    })
  })
  await new Promise<void>((ready) => watcher.once('ready', () => ready()))
  returned = true
  if (firstBuildError) {
    const event = firstBuildError
    setImmediate(() => emitError(event))
  }

  return Object.assign(emitter, {
    url: server.url,
    outDir: resolved.outDir,
    async idle() {
      await queue.idle()
      // Pictures made in the background queue a rebuild when they are done: wait for both.
      for (;;) {
        await Promise.all(rechecks)
        await builder.settled()
        if (rechecks.size === 0 && queue.isIdle()) return
        await queue.idle()
      }
    },
    async close() {
      clearTimeout(clockTimer)
      closing = true
      await watcher.close()
      await Promise.all(rechecks)
      await queue.close()
      await builder.dispose()
      await server?.close()
    },
  })
}
