import { setMaxListeners } from 'node:events'
import { availableParallelism } from 'node:os'
import Tinypool from 'tinypool'
import type { WorkerJob } from './worker.js'

/** How many worker threads to use: `WARTA_WORKERS` when set, else one per core. */
export function workerCount(): number {
  const configured = Number(process.env.WARTA_WORKERS)
  return Number.isInteger(configured) && configured >= 0 ? configured : availableParallelism()
}

/**
 * The most a worker's heap may grow, in MiB: a worker converting one article or rendering a
 * batch of pages needs a few dozen; one that grows past this (a runaway plugin or helper) is
 * stopped, and its job fails, not the process.
 */
const WORKER_HEAP_MIB = 1024

/**
 * A worker's young generation, in MiB (V8's default is 48 on 64-bit machines): a batch's
 * short-lived objects die young either way, and each worker's RSS is ~24 MiB less for it
 * (peak RSS of a cold 4,000-article build 380 against 428 MiB, 16,000: 572 against 614) at
 * a cost within the noise of its time. Smaller (16) saves ~25 MiB more but costs ~10 %.
 */
const WORKER_YOUNG_MIB = 24

/**
 * The build's worker threads: one pool for every job that runs off the main thread
 * (markdown, pages), started on the first job and ended by `close()`.
 */
export interface WorkerPool {
  /** How many threads the pool runs (or would run): at least 2 for it to be worth using. */
  readonly threads: number
  /** Runs a job on a worker; rejects when the worker dies, or for every job once the pool is broken. */
  run(job: WorkerJob): Promise<unknown>
  /** Why the workers cannot run any job (their module does not load), once that happened. */
  readonly broken: Error | undefined
  close(): Promise<void>
}

/** Creates the pool; no thread starts before the first job. */
export function createWorkerPool(threads = workerCount()): WorkerPool {
  let pool: Tinypool | undefined
  // A worker that fails outside any job (its module does not load) leaves the jobs queued
  // for ever: tinypool stops starting workers and only emits `error`. That aborts them all.
  let broken: Error | undefined
  const aborter = new AbortController()
  // Every queued job listens to it: thousands, for a big archive.
  setMaxListeners(0, aborter.signal)
  const start = () => {
    const started = new Tinypool({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      isolateWorkers: false,
      // Not the flags of the process that called build(): `node --input-type=module -e …`
      // gives flags a worker refuses, and none of them is needed by a job.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MIB, maxYoungGenerationSizeMb: WORKER_YOUNG_MIB },
    })
    started.on('error', (error: Error) => {
      broken ??= error
      aborter.abort()
    })
    return started
  }
  return {
    threads,
    get broken() {
      return broken
    },
    run(job) {
      if (broken) return Promise.reject(broken)
      pool ??= start()
      return pool.run(job, { signal: aborter.signal })
    },
    async close() {
      // A broken pool's workers end by themselves (tinypool removes each that fails). Its
      // destroy() waits for their exit with events.once on a wrapper that lacks
      // removeListener, and a worker failing meanwhile then throws out of the process.
      if (!broken) await pool?.destroy()
      pool = undefined
    },
  }
}
