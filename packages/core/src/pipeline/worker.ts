import { isMainThread } from 'node:worker_threads'
import type { WorkerTask } from '../content/process-worker.js'
import type { RenderTask } from '../render/render-worker.js'

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
export default async function runJob(job: WorkerJob): Promise<unknown> {
  if (job.kind === 'markdown') return (await import('../content/process-worker.js')).processBatch(job.task)
  return (await import('../render/render-worker.js')).renderBatch(job.task)
}
