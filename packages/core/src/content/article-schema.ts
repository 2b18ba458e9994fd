import { z } from 'zod'
import { type NewsDate, parseNewsDate } from '../util/news-date.js'

/**
 * A URL a writer may put in front matter: absolute http(s), or site-relative
 * (`/images/x.jpg`, `images/x.jpg`). Anything that could run script is refused.
 */
export function isSafeUrl(value: string): boolean {
  // Control characters, whitespace and backslashes let browsers read a scheme we cannot see.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u0020\u007f\\]/.test(value)) return false
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value)
  if (scheme) return /^https?$/i.test(scheme[1] ?? '') && URL.canParse(value)
  // `&#106;avascript:…` and `javascript&colon;…` read as relative paths here, but become
  // script URLs wherever the value is HTML-decoded once too often (feed readers, templates
  // that use {{{ }}}): no character reference may stand where a scheme could.
  if (/^[^/?]*&(?:#|[a-z][a-z0-9]*;)/i.test(value)) return false
  return !value.startsWith('//')
}

const url = () =>
  z.string().trim().min(1).refine(isSafeUrl, {
    message: 'must be an http(s) URL or a site-relative path such as /images/photo.jpg',
  })

const text = () => z.string().trim().min(1, 'must not be empty')

const newsDate = (timeZone: string) =>
  z.string().transform((value, ctx): NewsDate => {
    const parsed = parseNewsDate(value, timeZone)
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', message: parsed.error })
      return z.NEVER
    }
    return parsed
  })

/**
 * A byline: a name, which names an author file when one has it as its id (`ref` keeps it for
 * that), or `{ name, url }`, always a plain author.
 */
const person = z.union([
  text().transform((name): Byline => ({ name, ref: name })),
  z.object({ name: text(), url: url().optional() }).transform((given): Byline => given),
])

/** A byline as the schema makes it. */
interface Byline {
  name: string
  url?: string
  /** The byline as written, when written as a name: an author file's id, if one has it. */
  ref?: string
}

const image = z.union([
  url().transform((src) => ({ src })),
  z.object({
    src: url(),
    alt: z.string().optional(),
    caption: z.string().optional(),
    /** Who took the photo, shown with the caption. */
    credit: z.string().optional(),
    /** The point crops keep in view, as fractions of the width and height from the top left: `[0.5, 0.3]`. */
    focus: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).optional(),
    width: z.number().int().positive().optional(),
    height: z.number().int().positive().optional(),
  }),
])

const logEntry = (timeZone: string) => z.object({ date: newsDate(timeZone), note: text() })

/**
 * The news article front matter schema. Unknown keys pass through to templates.
 * Dates without an offset are read in `timeZone`.
 */
export function createArticleSchema(timeZone: string) {
  return z.looseObject({
    /** Headline. */
    title: text(),
    /** Publication date: YYYY-MM-DD or a date-time, with an optional offset. */
    date: newsDate(timeZone),
    /** Last substantive update. */
    updated: newsDate(timeZone).optional(),
    /** One author: a name or the id of an author file, or `{ name, url }`. */
    author: person.optional(),
    /** Several authors. */
    authors: z.array(person).optional(),
    /** The section the article belongs to. */
    category: text().optional(),
    tags: z.array(text()).optional(),
    /** One- or two-sentence standfirst; also the meta description. */
    summary: text().optional(),
    /** Lead image. */
    image: image.optional(),
    /** Place the story was filed from, e.g. `SAMARINDA`. */
    dateline: text().optional(),
    /** Where the story first appeared. */
    source: z
      .union([text().transform((name) => ({ name })), z.object({ name: text(), url: url().optional() })])
      .optional(),
    /**
     * Language of this article when it differs from the site's. On a site with editions
     * (`languages`), an edition's key or a tag of its language (`en`, `en-GB`) puts the
     * article in that edition.
     */
    lang: text().optional(),
    /**
     * Links an article and its translations in other editions (Hugo's name for the same
     * thing): articles sharing it are each other's `hreflang` alternates. Unique within an edition.
     */
    translationKey: text().optional(),
    /** URL slug. Default: derived from the title. */
    slug: text().optional(),
    /** Leave out of production builds. */
    draft: z.boolean().optional(),
    /** Canonical URL when the article was first published elsewhere. */
    canonical: url().optional(),
    /** Stable identity for the permalink history. Default: the source path below the content folder. */
    id: text().optional(),
    /** Embargo: the article appears in no output before this moment. Default: `date`. */
    publishAt: newsDate(timeZone).optional(),
    /** The article disappears from every output after this moment. */
    expireAt: newsDate(timeZone).optional(),
    /** Dated updates to the story, shown on the article and driving its modified date. */
    updates: z.array(logEntry(timeZone)).optional(),
    /** Dated corrections, shown as a notice on the article and driving its modified date. */
    corrections: z.array(logEntry(timeZone)).optional(),
    /**
     * A live blog: dated `##` sections of the body become entries, newest first. `ended` (or
     * `{ end: <date> }`) closes the coverage: the live badge goes, and structured data gets
     * its `coverageEndTime` (the given end, else the newest entry's time).
     */
    liveblog: z
      .union([z.boolean(), z.literal('ended'), z.strictObject({ end: newsDate(timeZone) })])
      .optional(),
    /**
     * `published` (default); `retracted`: the headline and the editor's note stay, a notice
     * replaces the body, and the article leaves listings and feeds; `removed` (a legal
     * takedown): the page becomes a "410 Gone" stub and leaves every output.
     */
    status: z.enum(['published', 'retracted', 'removed']).optional(),
    /** The dated editor's note a retraction or removal shows. Needed for `status: retracted`. */
    editorNote: logEntry(timeZone).optional(),
    /**
     * `free` (default); `metered` or `subscribers`: behind a paywall. Structured data then says
     * `isAccessibleForFree: false` with the body's selector, and feeds carry only the summary.
     */
    access: z.enum(['free', 'metered', 'subscribers']).optional(),
  })
}

/** The article schema's type. */
export type ArticleSchema = ReturnType<typeof createArticleSchema>

/** Front matter after validation. */
export type ArticleFrontMatter = z.infer<ArticleSchema>
