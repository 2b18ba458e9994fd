import { isMainThread } from 'node:worker_threads'
// Loaded as the worker starts, not on its first job: a module that does not load (a broken
// install) then fails the pool once, with one clear error, instead of every job on its own.
import { processBatch, type WorkerTask } from '../content/process-worker.js'
import { type RenderTask, renderBatch } from '../render/render-worker.js'

/** A job for a worker thread of the build's pool: which stage's work, and its input. */
export type WorkerJob = { kind: 'markdown'; task: WorkerTask } | { kind: 'render'; task: RenderTask }

// process.exit() in a worker thread ends the thread without an error, and tinypool then waits
// for the job's answer forever: a plugin or a theme helper that calls it would hang the build.
// Here it throws instead, and becomes an error of the file or page at hand. Node itself ends a
// worker with process.exit() after an uncaught exception, once it has set `_exiting`: that goes through.
if (!isMainThread) {
  const exit = process.exit.bind(process)
  process.exit = ((code?: number | string) => {
    if ((process as { _exiting?: boolean })._exiting) return exit(code)
    throw new Error(`process.exit(${code ?? ''}) was called in a worker thread`)
  }) as typeof process.exit
}

/** Worker entry: runs one job with what the worker built for earlier jobs of the same kind. */
export default function runJob(job: WorkerJob): Promise<unknown> {
  return job.kind === 'markdown' ? processBatch(job.task) : renderBatch(job.task)
}
