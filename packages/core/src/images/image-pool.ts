import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Tinypool from 'tinypool'
import type { ImageTask, ImageTaskResult } from './image-worker.js'

/** Runs image tasks: on worker threads, or on this thread when there are none. */
export interface ImageWorkers {
  run(task: ImageTask): Promise<ImageTaskResult>
  /** Ends the threads; tasks still running are let finish first. */
  close(): Promise<void>
}

/** The compiled worker module; absent when Warta runs from its TypeScript sources (its own tests). */
const WORKER = new URL('./image-worker.js', import.meta.url)

/**
 * Creates the image workers of one build: `threads` worker threads, or this thread when
 * `threads` is 0 or there is no compiled worker module. A worker that cannot start fails
 * every task with the reason, which the stage reports; it never leaves a task waiting: a
 * module that throws as it loads rejects its task (tinypool), and a thread that exits
 * (which tinypool would wait on forever) rejects every task of the pool.
 */
export function createImageWorkers(threads: number, worker: URL = WORKER): ImageWorkers {
  const local = () => import('./image-worker.js').then((m) => m.default)
  if (threads < 1 || (worker === WORKER && !existsSync(fileURLToPath(WORKER)))) {
    return { run: async (task) => (await local())(task), close: async () => {} }
  }
  let pool: Tinypool | undefined
  let died: Promise<never> | undefined
  let dead = false
  const start = () => {
    const started = new Tinypool({
      filename: worker.href,
      minThreads: threads,
      maxThreads: threads,
      isolateWorkers: false,
      // None of the parent's: a worker thread refuses V8 flags (`--max-old-space-size`) and
      // must not open a second inspector port or run the parent's `-e` script again.
      execArgv: [],
    })
    died = new Promise<never>((_, reject) => {
      for (const thread of started.threads)
        thread.once('exit', (code) => {
          dead = true
          reject(new Error(`an image worker thread exited (code ${code}) before finishing its work`))
        })
    })
    // Nobody may be waiting when a thread exits: its rejection is handled where tasks race it.
    died.catch(() => undefined)
    return started
  }
  return {
    run(task) {
      pool ??= start()
      return Promise.race([pool.run(task) as Promise<ImageTaskResult>, died as Promise<never>])
    },
    async close() {
      // A pool whose thread died waits for that thread's task forever: it is let go, not awaited.
      if (dead) void pool?.destroy().catch(() => undefined)
      else await pool?.destroy()
      pool = undefined
    },
  }
}
