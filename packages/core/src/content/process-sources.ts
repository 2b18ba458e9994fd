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

/**
 * Processes sources in a pool of worker threads (one processor per worker) when there are
 * enough of them, else on this thread. Results come back in input order either way, and
 * are identical whichever way they were made.
 */
export async function processSources(
  sources: readonly PendingSource[],
  config: ResolvedConfig,
  localContext: () => Promise<ProcessSourceContext>,
  onDone: (count: number) => void = () => {},
): Promise<ProcessedSource[]> {
  const threads = Math.min(workerCount(), Math.ceil(sources.length / BATCH_SIZE))
  const setup = workerSetup(config)
  if (!setup || threads < 2 || sources.length < MIN_SOURCES_FOR_WORKERS) {
    const results: ProcessedSource[] = []
    for (const source of sources) {
      results.push(await processSource(source.sourcePath, source.raw, await localContext(), source.rawHash))
      onDone(1)
    }
    return results
  }
  const pool = new Tinypool({
    filename: new URL('./process-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    isolateWorkers: false,
  })
  // A task fails when its worker dies (a plugin exits or runs out of memory) or its result
  // cannot cross back; the batch's sources are then retried one by one, so only the source
  // that breaks a worker fails, and it fails as that file's error, never as the build's.
  const runBatch = async (batch: PendingSource[]): Promise<ProcessedSource[]> => {
    try {
      // Only what the worker needs crosses the thread boundary, not whatever else the caller keeps.
      const sources = batch.map(({ sourcePath, raw, rawHash }) => ({ sourcePath, raw, rawHash }))
      const task: WorkerTask = { setup, sources }
      return (await pool.run(task)) as ProcessedSource[]
    } catch (error) {
      const [only] = batch
      if (batch.length === 1 && only) return [workerFailure(only.sourcePath, error)]
      return (await Promise.all(batch.map((source) => runBatch([source])))).flat()
    }
  }
  try {
    const batches: PendingSource[][] = []
    for (let i = 0; i < sources.length; i += BATCH_SIZE) batches.push(sources.slice(i, i + BATCH_SIZE))
    const results = await Promise.all(
      batches.map(async (batch) => {
        const done = await runBatch(batch)
        onDone(batch.length)
        return done
      }),
    )
    return results.flat()
  } finally {
    await pool.destroy()
  }
}
