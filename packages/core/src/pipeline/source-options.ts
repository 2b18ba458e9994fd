import path from 'node:path'
import type { ResolvedConfig } from '../config/resolve-config.js'
import { type ArticleSchema, createArticleSchema } from '../content/article-schema.js'
import {
  checkFrontMatter,
  type FrontMatterCheck,
  type ProcessSourceContext,
} from '../content/process-source.js'
import type { Diagnostic } from '../errors/diagnostic.js'

// What the sources stage takes from the config: the schema, the processor on this thread, the
// front matter check, and how sources are named.

/** One warning naming the files of the content folder that are not markdown, so that none is left out silently. */
export function skippedFiles(skipped: ReadonlyMap<string, number>, contentFolder: string): Diagnostic[] {
  if (skipped.size === 0) return []
  const counts = [...skipped].map(([extension, n]) => `${n} ${extension} file${n === 1 ? '' : 's'}`)
  return [
    {
      file: contentFolder,
      message: `Skipped ${counts.join(', ')}: Warta reads .md files only.`,
      hint: 'Rename articles to .md (MDX components are not run), or move the files out of the content folder.',
      ruleId: 'skipped-files',
      severity: 'warning',
    },
  ]
}

/** The site's front matter schema: Warta's, extended by the site's `schema`. */
const schemaOf = (config: ResolvedConfig): ArticleSchema => {
  const base = createArticleSchema(config.site.timezone)
  return (config.schema ? config.schema(base) : base) as ArticleSchema
}

/** The content stage on this thread, loaded only when an article needs converting: a warm build never pays for the markdown processor. */
export function createLocalContext(config: ResolvedConfig): () => Promise<ProcessSourceContext> {
  let context: Promise<ProcessSourceContext> | undefined
  return () => {
    context ??= import('../markdown/create-processor.js').then(({ createProcessor }) => ({
      processor: createProcessor(config.markdown),
      schema: schemaOf(config),
      timeZone: config.site.timezone,
    }))
    return context
  }
}

/** Checks a source's front matter alone, on this thread (see `checkFrontMatter`). */
export function createFrontMatterCheck(config: ResolvedConfig) {
  let schema: ArticleSchema | undefined
  return async (sourcePath: string, raw: string): Promise<FrontMatterCheck> => {
    schema ??= schemaOf(config)
    return checkFrontMatter(sourcePath, raw, schema)
  }
}

/** Source path prefix of the content folder relative to the root, e.g. `content/`. */
export function contentPrefixOf(config: ResolvedConfig): string {
  const folder = toRootRelative(config.root, config.contentDir)
  return folder ? `${folder}/` : ''
}

/** A path relative to the site root with forward slashes, as sources and messages name files. */
export const toRootRelative = (root: string, file: string) =>
  path.relative(root, file).split(path.sep).join('/')
