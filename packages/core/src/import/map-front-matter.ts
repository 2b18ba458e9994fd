import type { Diagnostic, Position } from '../errors/diagnostic.js'
import { convertDate } from './convert-date.js'
import type { FoundPost, Generator } from './generators.js'

/** A post's front matter in Warta's terms, with what the import could not carry over. */
export interface MappedFrontMatter {
  data: Record<string, unknown>
  /** Earlier URLs of the post (aliases, redirect_from), for the permalink history. */
  aliases: string[]
  /** The source key each mapped field came from, to place later messages. */
  origins: Record<string, string>
  diagnostics: Diagnostic[]
}

/** Fields the other generators use for Warta's, first found wins; each is removed once read. */
const SYNONYMS = {
  date: ['date', 'pubDate', 'publishDate', 'published_at', 'created'],
  updated: ['updated', 'lastmod', 'updatedDate', 'last_modified_at', 'modified'],
  summary: ['summary', 'description', 'excerpt', 'subtitle'],
  image: ['image', 'heroImage', 'featured_image', 'featuredImage', 'cover', 'thumbnail', 'images'],
  publishAt: ['publishAt'],
  expireAt: ['expireAt', 'expiryDate', 'expirationDate', 'unpublishDate'],
} as const

/** Fields that say how the old generator rendered the page, meaningless to Warta. */
const IGNORED = [
  'layout',
  'type',
  'weight',
  'menu',
  'eleventyNavigation',
  'eleventyExcludeFromCollections',
  'sitemap',
  'markup',
  'outputs',
  'permalink',
  'url',
  'aliases',
  'redirect_from',
  'published',
  'categories',
  'category',
  'tags',
  'author',
  'authors',
  'draft',
  'slug',
]

/** Eleventy collection names that are not topics. */
const COLLECTIONS = new Set(['post', 'posts', 'blog', 'all'])

const list = (value: unknown): string[] =>
  Array.isArray(value)
    ? value
        .filter((v) => typeof v === 'string' || typeof v === 'number')
        .map((v) => String(v).trim())
        .filter(Boolean)
    : typeof value === 'string'
      ? value.split(/[\s,]+/).filter(Boolean)
      : []

/** "A and B", "A & B", "A, B and C": the people named. */
const people = (value: string) =>
  value
    .split(/\s*(?:,|&|\band\b|\bdan\b)\s*/i)
    .map((name) => name.trim())
    .filter(Boolean)

/** What the mapping steps share: the source, the result so far, and how to report. */
interface Mapping {
  source: Record<string, unknown>
  data: Record<string, unknown>
  /** The first of a field's synonyms that is set (marked used); the others pass through as they are. */
  first(field: string, keys: readonly string[]): { key: string; value: unknown } | undefined
  report(key: string, message: string, hint: string, severity?: 'error' | 'warning'): void
  used: Set<string>
}

const unreadable = (key: string, value: unknown) =>
  `${key} ${JSON.stringify(String(value))} is not a date Warta can read; it was left out.`

function mapDates({ source, data, first, report, used }: Mapping, post: FoundPost): void {
  const date = first('date', SYNONYMS.date)
  const dateValue = date ? convertDate(date.value) : post.fileDate
  if (dateValue) data.date = dateValue
  else if (date)
    report(
      date.key,
      `The date ${JSON.stringify(String(date.value))} is not a date Warta can read.`,
      'Write it as YYYY-MM-DD (or YYYY-MM-DDTHH:MM with an offset) in the source.',
      'error',
    )
  else
    report(
      'title',
      'The post has no date.',
      'Give it a `date:` in the source: Warta’s articles are dated.',
      'error',
    )
  // Hugo's publishDate, when the post also has a date, is when it may appear: Warta's embargo.
  if (date?.key === 'date' && source.publishDate !== undefined) {
    const at = convertDate(source.publishDate)
    used.add('publishDate')
    if (at && at !== dateValue) data.publishAt = at
    else if (!at)
      report(
        'publishDate',
        unreadable('publishDate', source.publishDate),
        'Write it as YYYY-MM-DD, or remove it.',
      )
  }
  for (const field of ['updated', 'publishAt', 'expireAt'] as const) {
    const found = first(field, SYNONYMS[field])
    if (!found) continue
    const value = convertDate(found.value)
    if (value) data[field] = value
    else report(found.key, unreadable(found.key, found.value), 'Write it as YYYY-MM-DD, or remove it.')
  }
}

function mapPeople({ source, data, report }: Mapping): void {
  const authors = [
    ...list(Array.isArray(source.authors) ? source.authors : []),
    ...(typeof source.authors === 'string' ? people(source.authors) : []),
  ]
  const author = source.author as { name?: unknown } | string | unknown[] | undefined
  if (typeof author === 'string') authors.push(...people(author))
  else if (Array.isArray(author)) authors.push(...list(author))
  else if (author && typeof author === 'object' && typeof author.name === 'string') data.author = author
  else if (author !== undefined)
    report(
      'author',
      'The author is neither a name nor a list of names; it was left out.',
      'Write `author: Name` or `authors: [A, B]`.',
    )
  const unique = [...new Set(authors)]
  if (unique.length === 1) data.author = unique[0]
  else if (unique.length > 1) data.authors = unique
}

function mapImage({ data, first, report }: Mapping): void {
  const image = first('image', SYNONYMS.image)
  if (!image) return
  const value = Array.isArray(image.value) ? image.value[0] : image.value
  const src =
    typeof value === 'string'
      ? value
      : (value as { src?: unknown; image?: unknown; path?: unknown } | undefined)
  const url =
    typeof src === 'string' ? src : [src?.src, src?.image, src?.path].find((v) => typeof v === 'string')
  if (typeof url === 'string' && url.trim()) data.image = url.trim()
  else
    report(
      image.key,
      `The ${image.key} field is not an image path; it was left out.`,
      'Give the image as a path, e.g. /images/photo.jpg.',
    )
}

/**
 * Maps the common front matter of Hugo, Jekyll, Eleventy and Astro posts to Warta's:
 * dates (and their formats), authors (a list, or "A and B"), the first category as the
 * section and the rest with the tags as topics, description/excerpt as the summary, the
 * image, drafts (Jekyll's `published: false` too), embargo and expiry, the slug; aliases
 * and `redirect_from` become earlier URLs. Fields the old generator used for rendering
 * (`layout`, `weight`, `menu`…) are dropped; any other field passes through unchanged.
 * Whatever cannot be mapped is a diagnostic at its key.
 */
export function mapFrontMatter(
  file: string,
  source: Record<string, unknown>,
  locate: (key: string) => Position,
  post: FoundPost,
  generator: Generator,
): MappedFrontMatter {
  const diagnostics: Diagnostic[] = []
  const data: Record<string, unknown> = {}
  const used = new Set<string>(IGNORED)
  const origins: Record<string, string> = {}
  const mapping: Mapping = {
    source,
    data,
    used,
    first(field, keys) {
      const key = keys.find((k) => source[k] !== undefined && source[k] !== null && source[k] !== '')
      if (key === undefined) return undefined
      used.add(key)
      origins[field] = key
      return { key, value: source[key] }
    },
    report(key, message, hint, severity = 'warning') {
      const ruleId = severity === 'error' ? 'import-file' : 'import-field'
      diagnostics.push({ file, place: locate(key), message, hint, ruleId, severity })
    },
  }
  if (typeof source.title === 'string' && source.title.trim()) data.title = source.title.trim()
  else if (typeof source.title === 'number') data.title = String(source.title)
  else
    mapping.report(
      'title',
      'The post has no title.',
      'Give it a `title:` in the source and import it again.',
      'error',
    )
  used.add('title')
  mapDates(mapping, post)
  mapPeople(mapping)

  const categories = [...list(source.categories), ...list(source.category)]
  const tags =
    generator === 'eleventy'
      ? list(source.tags).filter((t) => !COLLECTIONS.has(t.toLowerCase()))
      : list(source.tags)
  if (categories[0]) data.category = categories[0]
  const topics = [...new Set([...categories.slice(1), ...tags])]
  if (topics.length > 0) data.tags = topics

  const summary = mapping.first('summary', SYNONYMS.summary)
  if (summary && typeof summary.value === 'string') data.summary = summary.value.trim()
  mapImage(mapping)
  data.slug = typeof source.slug === 'string' && source.slug.trim() ? source.slug.trim() : post.name
  if (source.draft === true || source.published === false || post.draft) data.draft = true
  const aliases = [...list(source.aliases), ...list(source.redirect_from)]
  if (source.permalink === false)
    mapping.report(
      'permalink',
      'The post has `permalink: false`: the old site wrote no page for it.',
      'It is imported as an article; set `draft: true` to keep it out.',
    )
  for (const [key, value] of Object.entries(source)) if (!used.has(key) && !(key in data)) data[key] = value
  return { data, aliases, origins, diagnostics }
}
