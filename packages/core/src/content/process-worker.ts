import { isMainThread } from 'node:worker_threads'
import { loadConfig } from '../config/load-config.js'
import { resolveConfig } from '../config/resolve-config.js'
import type { WartaConfig } from '../config/types.js'
import { createProcessor } from '../markdown/create-processor.js'
import { type ArticleSchema, createArticleSchema } from './article-schema.js'
import { type ProcessSourceContext, processSource } from './process-source.js'
import type { PendingSource } from './process-sources.js'

/** What a worker needs to build the same processor and schema as the main thread. */
export interface WorkerSetup {
  /** The site's config file, when plugins or a schema extension must be loaded from it. */
  configFile?: string
  timezone: string
  html: 'sanitize' | 'trusted'
  gfm: boolean | 'news'
  embeds: readonly string[]
}

/** A batch of sources for one worker task: batching keeps messaging cheap. */
export interface WorkerTask {
  setup: WorkerSetup
  sources: PendingSource[]
}

let context: Promise<ProcessSourceContext> | undefined

// process.exit() in a worker thread ends the thread without an error, and tinypool then waits
// for the task's answer forever: a plugin that calls it would hang the build. Here it throws
// instead, and becomes an error of the file being converted. Node itself ends a worker with
// process.exit() after an uncaught exception, once it has set `_exiting`: that call goes through.
if (!isMainThread) {
  const exit = process.exit.bind(process)
  process.exit = ((code?: number | string) => {
    if ((process as { _exiting?: boolean })._exiting) return exit(code)
    throw new Error(`process.exit(${code ?? ''}) was called in a worker thread`)
  }) as typeof process.exit
}

async function createContext(setup: WorkerSetup): Promise<ProcessSourceContext> {
  if (setup.configFile) {
    const { config } = await loadConfig(setup.configFile)
    const resolved = resolveConfig(config as WartaConfig)
    const base = createArticleSchema(resolved.site.timezone)
    return {
      processor: createProcessor(resolved.markdown),
      timeZone: resolved.site.timezone,
      schema: (resolved.schema ? resolved.schema(base) : base) as ArticleSchema,
    }
  }
  return {
    processor: createProcessor({
      html: setup.html,
      gfm: setup.gfm,
      embeds: setup.embeds,
      remarkPlugins: [],
      rehypePlugins: [],
    }),
    timeZone: setup.timezone,
    schema: createArticleSchema(setup.timezone),
  }
}

/** Worker entry: processes a batch of sources with a processor built once per worker. */
export default async function processBatch(task: WorkerTask) {
  context ??= createContext(task.setup)
  const ready = await context
  const results = []
  for (const source of task.sources)
    results.push(await processSource(source.sourcePath, source.raw, ready, source.rawHash))
  return results
}
