import { VFile } from 'vfile'
import { RULES, type RuleId } from '../errors/catalogue.js'
import type { Diagnostic, Position } from '../errors/diagnostic.js'
import type { MarkdownProcessor } from '../markdown/create-processor.js'
import type { LiveEntry } from '../markdown/rehype-live-entries.js'
import type { ArticleHeading } from '../markdown/remark-article-text.js'
import type { BodyImage, BodyLink } from '../markdown/remark-link-list.js'
import { hashText } from '../util/hash.js'
import type { ArticleFrontMatter, ArticleSchema } from './article-schema.js'
import { normalizeSource, parseFrontMatter } from './front-matter.js'
import { findHeadingOrder } from './heading-order.js'
import { checkInlineMarkers, checkNesting, checkSourceSize } from './source-limits.js'
import { validateFrontMatter } from './validate-front-matter.js'

/**
 * One article as the content stage makes it from one file. Plain data: it crosses
 * worker threads and is stored in the build cache.
 */
export interface ArticleRecord {
  /** Path relative to the site root, with forward slashes. */
  sourcePath: string
  /** Hash of the source text: the record is a pure function of it and the processor options. */
  sourceHash: string
  /** Validated front matter; unknown keys included. */
  data: ArticleFrontMatter
  /** Where each top-level front matter key is written, for later stages' messages. */
  positions: Record<string, Position>
  /** The body as (sanitized) HTML. */
  html: string
  /** `summary`, else the first paragraph as text. */
  excerpt: string
  wordCount: number
  /** Headings of the body, for templates; kept with the body in the cache, not in memory. */
  headings: ArticleHeading[]
  /**
   * Links of the body with their positions, for the link check. In memory, a record keeps
   * only those that lead into the site (see `SourceStoreOptions.siteHost`).
   */
  links: BodyLink[]
  /** Images of the body with alt text and positions, for the image stage and quality checks. */
  images: BodyImage[]
  /** Quality findings that need the body alone (`heading-order`), made while it is at hand. */
  findings: Diagnostic[]
  /** Entries of a live blog (`liveblog: true`), newest first; empty otherwise. */
  liveEntries: LiveEntry[]
}

/** What an article's pages need of its body beyond the record kept in memory: read from the cache. */
export type ArticleBody = Pick<ArticleRecord, 'html' | 'headings'>

/** The body of a page that shows none (a retraction's, a news sitemap's entries). */
export const NO_BODY: ArticleBody = { html: '', headings: [] }

/** What the content stage needs besides the text. */
export interface ProcessSourceContext {
  schema: ArticleSchema
  processor: MarkdownProcessor
  /** The site's time zone, for live-blog entry times. */
  timeZone: string
}

/**
 * Turns one markdown source into an article record, or diagnostics saying what is wrong.
 * Never throws for bad input: a file that breaks the parser is reported, not fatal to the build.
 * `sourceHash` is `hashText(rawText)`, for callers that have it already (the build hashes every
 * source to find it in the cache); it is computed when absent. `frontMatter` is what
 * `checkFrontMatter` read of the same text, for callers that checked it: it is not read again.
 */
export async function processSource(
  sourcePath: string,
  rawText: string,
  context: ProcessSourceContext,
  sourceHash?: string,
  frontMatter?: ReadFrontMatter,
): Promise<{ record?: ArticleRecord; diagnostics: Diagnostic[] }> {
  try {
    return await convertSource(sourcePath, rawText, context, sourceHash, frontMatter)
  } catch (error) {
    return { diagnostics: [failedToProcess(sourcePath, error)] }
  }
}

/** A schema extension's refinement, or a bug, threw outside the markdown step. */
const failedToProcess = (sourcePath: string, error: unknown): Diagnostic => ({
  file: sourcePath,
  message: `The file could not be processed: ${(error as Error)?.message ?? String(error)}`,
  hint: 'Check the site’s schema extension and plugins against this file.',
  ruleId: 'content-failed',
  severity: 'error',
})

/**
 * The problems of a source's front matter alone (see `readFrontMatter`), as `processSource`
 * would report them: cheap, to be checked for every source before any body is converted.
 * Without problems, what was read, for `processSource` to take instead of reading it again
 * (none for a source too large to convert: that is the conversion's own error).
 */
export function checkFrontMatter(
  sourcePath: string,
  rawText: string,
  schema: ArticleSchema,
): FrontMatterCheck {
  if (checkSourceSize(sourcePath, rawText)) return { diagnostics: [] }
  try {
    const read = readFrontMatter(sourcePath, rawText, schema)
    return 'diagnostics' in read ? read : { diagnostics: [], frontMatter: read }
  } catch (error) {
    return { diagnostics: [failedToProcess(sourcePath, error)] }
  }
}

/** What checking a source's front matter found: its problems, else what was read (see `checkFrontMatter`). */
export interface FrontMatterCheck {
  diagnostics: Diagnostic[]
  frontMatter?: ReadFrontMatter
}

/** A source's front matter, read and validated; its body still markdown. Plain data: it crosses worker threads. */
export interface ReadFrontMatter {
  data: ArticleFrontMatter
  positions: Record<string, Position>
  body: string
}

/** Whether a value is a date as Warta's schema makes it (see `NewsDate`). */
const isNewsDate = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { time?: unknown }).time === 'number'

/**
 * The fields every later stage relies on: a schema extension may tighten them, not drop them
 * or change their type (the site model places articles by `date` and names them by `title`).
 */
function checkRequiredFields(
  sourcePath: string,
  data: Record<string, unknown>,
  positions: Record<string, Position>,
): Diagnostic[] {
  const broken = [
    ...(typeof data.title === 'string' && data.title !== '' ? [] : [['title', 'text']]),
    ...(isNewsDate(data.date) ? [] : [['date', 'a date']]),
  ]
  return broken.map(([field, kind]) => ({
    file: sourcePath,
    place: positions[field as string] ?? { line: 1, column: 1 },
    message: `The site’s schema extension lets "${field}" through as ${data[field as string] === undefined ? 'missing' : typeof data[field as string]}; Warta needs it as ${kind}.`,
    hint: `In the config's \`schema\`, extend the base schema without making "${field}" optional or redefining its type (e.g. \`(base) => base.extend({ kicker: z.string() })\`).`,
    ruleId: 'schema-extension',
    severity: 'error',
  }))
}

/**
 * The first part of the content stage, cheap enough to run on every source before any body
 * is converted: front matter parsed and validated against the schema.
 */
function readFrontMatter(
  sourcePath: string,
  rawText: string,
  schema: ArticleSchema,
): ReadFrontMatter | { diagnostics: Diagnostic[] } {
  const frontMatter = parseFrontMatter(sourcePath, normalizeSource(rawText))
  if ('diagnostics' in frontMatter) return { diagnostics: frontMatter.diagnostics }
  const validated = validateFrontMatter(sourcePath, frontMatter, schema)
  if ('diagnostics' in validated) return { diagnostics: validated.diagnostics }
  const positions: Record<string, Position> = {}
  for (const key of Object.keys(frontMatter.data)) positions[key] = frontMatter.locate([key], 'value')
  const broken = checkRequiredFields(sourcePath, validated.data, positions)
  if (broken.length > 0) return { diagnostics: broken }
  return { data: validated.data, positions, body: frontMatter.body }
}

async function convertSource(
  sourcePath: string,
  rawText: string,
  context: ProcessSourceContext,
  sourceHash: string | undefined,
  checked: ReadFrontMatter | undefined,
): Promise<{ record?: ArticleRecord; diagnostics: Diagnostic[] }> {
  const tooLarge = checked ? undefined : checkSourceSize(sourcePath, rawText)
  if (tooLarge) return { diagnostics: [tooLarge] }
  const frontMatter = checked ?? readFrontMatter(sourcePath, rawText, context.schema)
  if ('diagnostics' in frontMatter) return frontMatter
  const { data, positions } = frontMatter
  const tooDeep =
    checkNesting(sourcePath, frontMatter.body) ?? checkInlineMarkers(sourcePath, frontMatter.body)
  if (tooDeep) return { diagnostics: [tooDeep] }

  const file = new VFile({ path: sourcePath, value: frontMatter.body })
  if (data.liveblog) file.data.liveblog = { date: data.date, timeZone: context.timeZone }
  let html: string
  try {
    html = String(await context.processor.process(file))
  } catch (error) {
    const overflow = error instanceof RangeError
    return {
      diagnostics: [
        {
          file: sourcePath,
          message: overflow
            ? 'The markdown is nested too deeply to convert.'
            : `The markdown could not be converted: ${(error as Error).message}`,
          hint: overflow
            ? 'Reduce the nesting of lists, quotes and HTML elements in the body.'
            : 'Check the body near any unusual syntax, or the site’s markdown plugins.',
          ruleId: 'markdown-failed',
          severity: 'error',
        },
      ],
    }
  }
  const diagnostics: Diagnostic[] = file.messages.map((message) => {
    const place = message.line ? { line: message.line, column: message.column ?? 1 } : undefined
    const severity = message.fatal ? 'error' : 'warning'
    if (message.source === 'warta' && message.ruleId && Object.hasOwn(RULES, message.ruleId))
      return {
        file: sourcePath,
        place,
        message: message.reason,
        hint: message.note,
        ruleId: message.ruleId as RuleId,
        severity,
      }
    return {
      file: sourcePath,
      place,
      // A plugin's own rule ids are not Warta's: they stay in the message, beside its source.
      message: message.ruleId
        ? `${message.reason} (${[message.source, message.ruleId].filter(Boolean).join(':')})`
        : message.reason,
      ruleId: 'markdown',
      severity,
    }
  })
  const headings = file.data.headings ?? []
  return {
    record: {
      sourcePath,
      sourceHash: sourceHash ?? hashText(rawText),
      data,
      positions,
      html,
      excerpt: data.summary ?? file.data.text?.firstParagraph ?? '',
      wordCount: file.data.text?.wordCount ?? 0,
      headings,
      links: file.data.links ?? [],
      images: file.data.images ?? [],
      findings: findHeadingOrder(sourcePath, headings),
      liveEntries: file.data.liveEntries ?? [],
    },
    diagnostics,
  }
}
