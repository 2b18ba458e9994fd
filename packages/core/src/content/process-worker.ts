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

/** A worker's markdown job: processes a batch of sources with a processor built once per worker. */
export async function processBatch(task: WorkerTask) {
  context ??= createContext(task.setup)
  const ready = await context
  const results = []
  for (const source of task.sources)
    results.push(
      await processSource(source.sourcePath, source.raw, ready, source.rawHash, source.frontMatter),
    )
  return results
}
