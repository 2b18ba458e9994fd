import { availableParallelism } from 'node:os'
import Tinypool from 'tinypool'
import type { ResolvedConfig } from '../config/resolve-config.js'
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
  // A task fails when its worker dies (a plugin exits or runs out of memory) or its result
  // cannot cross back; the batch's sources are then retried one by one, so only the source
  // that breaks a worker fails, and it fails as that file's error, never as the build's.
  const runBatch = async (workers: Tinypool, batch: PendingSource[]): Promise<ProcessedSource[]> => {
    try {
      // Only what the worker needs crosses the thread boundary, not whatever else the caller keeps.
      const sources = batch.map(({ sourcePath, raw, rawHash }) => ({ sourcePath, raw, rawHash }))
      const task: WorkerTask = { setup: setup as WorkerSetup, sources }
      return (await workers.run(task)) as ProcessedSource[]
    } catch (error) {
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
      pool ??= new Tinypool({
        filename: new URL('./process-worker.js', import.meta.url).href,
        minThreads: threads,
        maxThreads: threads,
        isolateWorkers: false,
      })
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
      await pool?.destroy()
      pool = undefined
    },
  }
}
