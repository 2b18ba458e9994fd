import { type Stats, statSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { watch } from 'chokidar'
import { watchErrorMessage } from './watch-error.js'
import { type FileEvent, isFileEvent } from './watch-queue.js'

/**
 * chokidar reports at most one `change` of a file in this many ms and drops the others
 * (its own throttle, leading edge only).
 */
const CHOKIDAR_CHANGE_THROTTLE_MS = 50

/** What to watch and whom to tell. */
export interface WatchSiteOptions {
  /** The folders to watch, asked again by `update()` (after a config change). */
  paths: () => string[]
  /** Folders inside them that are not sources: the output folders, `.warta/`. */
  notSources: () => string[]
  /** A file was added, changed or removed (an absolute path). */
  onEvent: (event: FileEvent, file: string) => void
  /** The watcher failed (a limit of the system): the message says what to do. */
  onError: (message: string) => void
}

/** The site's files, watched. */
export interface SiteWatcher {
  /** Resolves once the first scan is done and changes are reported. */
  ready: Promise<void>
  /** Watches `paths()` again. */
  update(): Promise<void>
  /** Whether second looks at changed files (see `recheck`) are pending. */
  readonly busy: boolean
  /** Waits for the pending second looks. */
  settled(): Promise<void>
  /** Starts counting the files changed since now (a rebuild begins). */
  startRun(): void
  /**
   * Whether any of these files changed again since `startRun()`, second looks included: a build
   * that read a file mid-save fails for nothing, and the next build, already queued, decides.
   */
  changedSinceRun(files: Iterable<string>): Promise<boolean>
  close(): Promise<void>
}

/** Watches the site's folders with chokidar, leaving out what is not a source. */
export function watchSite(options: WatchSiteOptions): SiteWatcher {
  let watched = new Set(options.paths())
  const isIgnored = (file: string) =>
    options.notSources().some((dir) => file === dir || file.startsWith(dir + path.sep)) ||
    [...watched].some(
      (base) =>
        file.startsWith(base + path.sep) && file.slice(base.length).includes(`${path.sep}node_modules`),
    ) ||
    // Dotfiles, editor backups and temporary files; never a watched folder itself, whatever its
    // name (a site in `.site/` or `news.tmp/`).
    (!watched.has(file) && /^\.|~$|\.tmp$/.test(path.basename(file)))
  const watcher = watch([...watched], { ignoreInitial: true, ignored: isIgnored })
  const rechecks = new Set<Promise<void>>()
  let closing = false
  let changedSince = new Set<string>()
  const report = (event: FileEvent, file: string) => {
    changedSince.add(file)
    options.onEvent(event, file)
  }
  // A save that lands within chokidar's throttle window after a reported change is never
  // reported, and the rebuild may already have read the file by then: the save would be
  // lost until the next one. So each changed file is looked at again once the window has
  // passed, and reported if it changed since chokidar saw it.
  const recheck = (file: string, seen: Stats | undefined) => {
    const done: Promise<void> = delay(CHOKIDAR_CHANGE_THROTTLE_MS + 10)
      .then(() => stat(file))
      .then(
        (now) => {
          if (!closing && (now.mtimeMs !== seen?.mtimeMs || now.size !== seen?.size)) report('change', file)
        },
        () => undefined, // Gone: its own unlink event says so.
      )
      .finally(() => rechecks.delete(done))
    rechecks.add(done)
  }
  // Size and mtime of each file as last reported changed. A save within chokidar's throttle
  // window of the one before (an edit right after the last, a save in two writes) would wait
  // for the second look; the file's raw event says at once that it was written to again.
  const lastChange = new Map<string, { size: number; mtimeMs: number }>()
  const reportChange = (file: string, stats: Stats | undefined) => {
    if (stats) lastChange.set(file, { size: stats.size, mtimeMs: stats.mtimeMs })
    report('change', file)
  }
  watcher.on('all', (event, file, stats) => {
    if (!isFileEvent(event)) return
    const absolute = path.resolve(file)
    if (event === 'unlink') lastChange.delete(absolute)
    if (event !== 'change') return report(event, absolute)
    reportChange(absolute, stats)
    recheck(absolute, stats)
  })
  watcher.on('raw', (_event, name, details) => {
    const watchedPath = (details as { watchedPath?: string } | undefined)?.watchedPath
    if (closing || typeof name !== 'string' || !watchedPath) return
    // A file's own watcher names the file; its folder's, the entry in it.
    const file = path.resolve(
      path.basename(watchedPath) === name ? watchedPath : path.join(watchedPath, name),
    )
    const seen = lastChange.get(file)
    if (!seen) return
    const now = statSync(file, { throwIfNoEntry: false })
    if (now && (now.size !== seen.size || now.mtimeMs !== seen.mtimeMs)) {
      reportChange(file, now)
      recheck(file, now)
    }
  })
  watcher.on('error', (error) => options.onError(watchErrorMessage(error)))
  return {
    ready: new Promise<void>((ready) => watcher.once('ready', () => ready())),
    async update() {
      const next = new Set(options.paths())
      watcher.unwatch([...watched].filter((p) => !next.has(p)))
      watcher.add([...next].filter((p) => !watched.has(p)))
      watched = next
    },
    get busy() {
      return rechecks.size > 0
    },
    async settled() {
      await Promise.all(rechecks)
    },
    startRun() {
      changedSince = new Set()
    },
    async changedSinceRun(files) {
      await Promise.all(rechecks)
      return [...files].some((file) => changedSince.has(file))
    },
    async close() {
      closing = true
      await watcher.close()
      await Promise.all(rechecks)
    },
  }
}
