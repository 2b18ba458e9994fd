import { setMaxListeners } from 'node:events'
import { availableParallelism } from 'node:os'
import Tinypool from 'tinypool'
import type { ResolvedConfig } from '../config/resolve-config.js'
import { WartaBuildError } from '../errors/build-error.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import { type ArticleRecord, type ProcessSourceContext, processSource } from './process-source.js'
import type { WorkerSetup, WorkerTask } from './process-worker.js'

/** A source to process. */
export interface PendingSource {
  sourcePath: string
  raw: string
  /** `hashText(raw)`, when the caller has it already; saves hashing the text again. */
  rawHash?: string
}

/** The result for one source. */
export interface ProcessedSource {
  record?: ArticleRecord
  diagnostics: Diagnostic[]
}

/** Below this many sources, starting workers costs more than it saves. */
const MIN_SOURCES_FOR_WORKERS = 48
const BATCH_SIZE = 16

/** How many worker threads to use: `WARTA_WORKERS` when set, else one per core. */
export function workerCount(): number {
  const configured = Number(process.env.WARTA_WORKERS)
  return Number.isInteger(configured) && configured >= 0 ? configured : availableParallelism()
}

/**
 * Whether workers can rebuild the same processor: plugins and schema extensions are code,
 * which crosses threads only by loading the config file again.
 */
function workerSetup(config: ResolvedConfig): WorkerSetup | undefined {
  const hasCode =
    config.markdown.remarkPlugins.length > 0 ||
    config.markdown.rehypePlugins.length > 0 ||
    config.schema !== undefined
  if (hasCode && !config.configFile) return undefined
  return {
    configFile: hasCode ? config.configFile : undefined,
    timezone: config.site.timezone,
    html: config.markdown.html,
    gfm: config.markdown.gfm,
    embeds: config.markdown.embeds,
  }
}

/** The error of a build whose worker threads could not start: the build's, not any file's. */
const workersFailed = (cause: Error) =>
  new WartaBuildError(
    [
      {
        file: '(worker threads)',
        message: `The worker threads that convert markdown could not start: ${cause.message.split('\n')[0]}`,
        hint: 'Set WARTA_WORKERS=0 to convert on the main thread; if a reinstall of @warta/core does not help, report it with this message.',
        ruleId: 'content-worker',
        severity: 'error',
      },
    ],
    { cause },
  )

function workerFailure(sourcePath: string, error: unknown): ProcessedSource {
  return {
    diagnostics: [
      {
        file: sourcePath,
        message: `Processing this file stopped its worker thread: ${(error as Error)?.message ?? String(error)}`,
        hint: 'Look for what in this file a markdown plugin or the schema cannot handle; other files were processed.',
        ruleId: 'content-worker',
        severity: 'error',
      },
    ],
  }
}

/** Processes sources, on worker threads when there are enough; `close()` ends the workers. */
export interface SourceProcessor {
  /**
   * Processes a group of sources and hands over each result as its batch completes, in no
   * set order; results are identical whichever thread made them.
   */
  process(
    sources: readonly PendingSource[],
    onResult: (source: PendingSource, result: ProcessedSource) => Promise<void> | void,
  ): Promise<void>
  close(): Promise<void>
}

/**
 * Creates a processor of sources: a pool of worker threads (one markdown processor per
 * worker), started the first time a group is big enough to pay for it and kept for later
 * groups, else this thread.
 */
export function createSourceProcessor(
  config: ResolvedConfig,
  localContext: () => Promise<ProcessSourceContext>,
): SourceProcessor {
  const setup = workerSetup(config)
  let pool: Tinypool | undefined
  // A worker that fails outside any task (its module does not load) leaves the tasks queued
  // for ever: tinypool stops starting workers and only emits `error`. That aborts them all.
  let broken: Error | undefined
  const aborter = new AbortController()
  // Every queued task listens to it: thousands, for a big archive.
  setMaxListeners(0, aborter.signal)
  // A task fails when its worker dies (a plugin exits or runs out of memory) or its result
  // cannot cross back; the batch's sources are then retried one by one, so only the source
  // that breaks a worker fails, and it fails as that file's error, never as the build's.
  const runBatch = async (workers: Tinypool, batch: PendingSource[]): Promise<ProcessedSource[]> => {
    try {
      // Only what the worker needs crosses the thread boundary, not whatever else the caller keeps.
      const sources = batch.map(({ sourcePath, raw, rawHash }) => ({ sourcePath, raw, rawHash }))
      const task: WorkerTask = { setup: setup as WorkerSetup, sources }
      return (await workers.run(task, { signal: aborter.signal })) as ProcessedSource[]
    } catch (error) {
      if (broken) throw workersFailed(broken)
      const [only] = batch
      if (batch.length === 1 && only) return [workerFailure(only.sourcePath, error)]
      return (await Promise.all(batch.map((source) => runBatch(workers, [source])))).flat()
    }
  }
  return {
    async process(sources, onResult) {
      const threads = Math.min(workerCount(), Math.ceil(sources.length / BATCH_SIZE))
      if (!pool && (!setup || threads < 2 || sources.length < MIN_SOURCES_FOR_WORKERS)) {
        for (const source of sources)
          await onResult(
            source,
            await processSource(source.sourcePath, source.raw, await localContext(), source.rawHash),
          )
        return
      }
      if (broken) throw workersFailed(broken)
      if (!pool) {
        pool = new Tinypool({
          filename: new URL('./process-worker.js', import.meta.url).href,
          minThreads: threads,
          maxThreads: threads,
          isolateWorkers: false,
          // Not the flags of the process that called build(): `node --input-type=module -e …`
          // gives flags a worker refuses, and none of them is needed to convert markdown.
          execArgv: [],
        })
        pool.on('error', (error: Error) => {
          broken ??= error
          aborter.abort()
        })
      }
      const workers = pool
      const batches: PendingSource[][] = []
      for (let i = 0; i < sources.length; i += BATCH_SIZE) batches.push(sources.slice(i, i + BATCH_SIZE))
      await Promise.all(
        batches.map(async (batch) => {
          const results = await runBatch(workers, batch)
          for (const [i, source] of batch.entries()) await onResult(source, results[i] as ProcessedSource)
        }),
      )
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
