/** A file-system event the queue cares about, named as chokidar names them. */
export type FileEvent = 'add' | 'change' | 'unlink'

/** The files that changed since the last run, as absolute paths. A path is in at most one of the sets. */
export interface ChangeBatch {
  /** Files added or modified. */
  changed: ReadonlySet<string>
  /** Files deleted. */
  removed: ReadonlySet<string>
}

/** Options for {@link createWatchQueue}. */
export interface WatchQueueOptions {
  /** Quiet time after the last event before a run starts. */
  debounceMs: number
  /** Rebuilds for one batch. Runs never overlap. */
  run: (batch: ChangeBatch) => Promise<void>
  /** Called when `run` throws or rejects; the queue keeps going. Defaults to `console.error`. */
  onError?: (error: unknown, batch: ChangeBatch) => void
}

/** Debounces file events into batches and runs them one at a time. */
export interface WatchQueue {
  /** Records one event. Ignored after {@link WatchQueue.close}. */
  enqueue(event: FileEvent, path: string): void
  /** Resolves once nothing is waiting, debouncing or running. */
  idle(): Promise<void>
  /** Whether nothing is waiting, debouncing or running now. */
  isIdle(): boolean
  /** Drops queued events and resolves once the active run, if any, has finished. */
  close(): Promise<void>
}

/** Narrows a chokidar event name to one the queue accepts (directory events are left out). */
export function isFileEvent(event: string): event is FileEvent {
  return event === 'add' || event === 'change' || event === 'unlink'
}

interface MutableBatch {
  changed: Set<string>
  removed: Set<string>
}

const emptyBatch = (): MutableBatch => ({ changed: new Set(), removed: new Set() })

const isEmpty = (batch: MutableBatch): boolean => batch.changed.size === 0 && batch.removed.size === 0

/**
 * Adds one event to a batch. The latest event for a path wins, so an atomic save
 * (unlink then add) reads as a change and a deleted temp file reads as removed.
 */
function addToBatch(batch: MutableBatch, event: FileEvent, path: string): void {
  if (event === 'unlink') {
    batch.changed.delete(path)
    batch.removed.add(path)
  } else {
    batch.removed.delete(path)
    batch.changed.add(path)
  }
}

/**
 * Creates a queue with one active run at most: events that arrive during a run
 * collect in a pending batch that becomes exactly one follow-up run.
 */
export function createWatchQueue(options: WatchQueueOptions): WatchQueue {
  const { debounceMs, run } = options
  const onError = options.onError ?? ((error: unknown) => console.error(error))

  let pending = emptyBatch()
  let timer: ReturnType<typeof setTimeout> | undefined
  let active: Promise<void> | undefined
  let closed = false
  let idleWaiters: Array<() => void> = []

  const isIdle = () => timer === undefined && active === undefined && isEmpty(pending)

  const settleIdleWaiters = () => {
    if (!isIdle()) return
    const waiters = idleWaiters
    idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  const reportError = (error: unknown, batch: ChangeBatch) => {
    try {
      onError(error, batch)
    } catch {
      // An error reporter that throws must not take the queue down with it.
    }
  }

  const startRun = () => {
    if (active || closed || isEmpty(pending)) return
    const batch = pending
    pending = emptyBatch()
    active = Promise.resolve()
      .then(() => run(batch))
      .catch((error: unknown) => reportError(error, batch))
      .finally(() => {
        active = undefined
        // If the debounce already elapsed during the run, the pending batch is due now;
        // otherwise the running timer will start it.
        if (timer === undefined) startRun()
        settleIdleWaiters()
      })
  }

  const restartDebounce = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      startRun()
      settleIdleWaiters()
    }, debounceMs)
  }

  return {
    enqueue(event, path) {
      if (closed) return
      addToBatch(pending, event, path)
      restartDebounce()
    },
    isIdle,
    idle() {
      if (isIdle()) return Promise.resolve()
      return new Promise((resolve) => idleWaiters.push(resolve))
    },
    async close() {
      closed = true
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      pending = emptyBatch()
      await active
      settleIdleWaiters()
    },
  }
}
