import type { ResolvedConfig } from '../config/resolve-config.js'
import { WartaBuildError } from '../errors/build-error.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import {
  type ArticleRecord,
  type ProcessSourceContext,
  processSource,
  type ReadFrontMatter,
} from './process-source.js'
import type { WorkerSetup, WorkerTask } from './process-worker.js'

/** A source to process. */
export interface PendingSource {
  sourcePath: string
  /** Its text; `''` when `frontMatter` (with the body) and `rawHash` stand for it. */
  raw: string
  /** `hashText(raw)`, when the caller has it already; saves hashing the text again. */
  rawHash?: string
  /** What `checkFrontMatter` read of `raw`, when the caller checked it: not read again. */
  frontMatter?: ReadFrontMatter
}

/** The result for one source. */
export interface ProcessedSource {
  record?: ArticleRecord
  diagnostics: Diagnostic[]
}

/** Below this many sources, starting workers costs more than it saves. */
const MIN_SOURCES_FOR_WORKERS = 48
const BATCH_SIZE = 16

/** Worker threads that run markdown batches: the build's pool. */
export interface MarkdownWorkers {
  readonly threads: number
  run(job: { kind: 'markdown'; task: WorkerTask }): Promise<unknown>
  /** Why the workers cannot run any job, once that happened. */
  readonly broken: Error | undefined
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

/** Processes sources, on worker threads when there are enough. */
export interface SourceProcessor {
  /**
   * Processes a group of sources and hands over each result as its batch completes, in no
   * set order; results are identical whichever thread made them.
   */
  process(
    sources: readonly PendingSource[],
    onResult: (source: PendingSource, result: ProcessedSource) => Promise<void> | void,
  ): Promise<void>
}

/**
 * Creates a processor of sources: on the build's worker threads (one markdown processor per
 * worker) when a group is big enough to pay for it, else on this thread.
 */
export function createSourceProcessor(
  config: ResolvedConfig,
  localContext: () => Promise<ProcessSourceContext>,
  workers?: MarkdownWorkers,
): SourceProcessor {
  const setup = workerSetup(config)
  // A job fails when its worker dies (a plugin exits or runs out of memory) or its result
  // cannot cross back; the batch's sources are then retried one by one, so only the source
  // that breaks a worker fails, and it fails as that file's error, never as the build's.
  const runBatch = async (pool: MarkdownWorkers, batch: PendingSource[]): Promise<ProcessedSource[]> => {
    try {
      // Only what the worker needs crosses the thread boundary, not whatever else the caller keeps.
      const sources = batch.map(({ sourcePath, raw, rawHash, frontMatter }) => ({
        sourcePath,
        raw,
        rawHash,
        frontMatter,
      }))
      const task: WorkerTask = { setup: setup as WorkerSetup, sources }
      return (await pool.run({ kind: 'markdown', task })) as ProcessedSource[]
    } catch (error) {
      if (pool.broken) throw workersFailed(pool.broken)
      const [only] = batch
      if (batch.length === 1 && only) return [workerFailure(only.sourcePath, error)]
      return (await Promise.all(batch.map((source) => runBatch(pool, [source])))).flat()
    }
  }
  let used = false
  return {
    async process(sources, onResult) {
      const threads = Math.min(workers?.threads ?? 0, Math.ceil(sources.length / BATCH_SIZE))
      const pool = workers
      if (!pool || (!used && (!setup || threads < 2 || sources.length < MIN_SOURCES_FOR_WORKERS))) {
        for (const source of sources)
          await onResult(
            source,
            await processSource(
              source.sourcePath,
              source.raw,
              await localContext(),
              source.rawHash,
              source.frontMatter,
            ),
          )
        return
      }
      if (pool.broken) throw workersFailed(pool.broken)
      used = true
      const batches: PendingSource[][] = []
      for (let i = 0; i < sources.length; i += BATCH_SIZE) batches.push(sources.slice(i, i + BATCH_SIZE))
      await Promise.all(
        batches.map(async (batch) => {
          const results = await runBatch(pool, batch)
          for (const [i, source] of batch.entries()) await onResult(source, results[i] as ProcessedSource)
        }),
      )
    },
  }
}
