import type { ArticleRecord } from '../content/process-source.js'
import type { AuthorEntity } from '../content/read-authors.js'
import { compareText } from '../util/compare-text.js'
import type { NewsDate } from '../util/news-date.js'
import { findRelated } from './related.js'
import { createSlugger } from './slug.js'
import type { ArticleAuthor, Collection, SiteArticle, SiteLiveEntry, SiteModel, Term } from './types.js'

/** What decides which articles are in the site. */
export interface SiteModelOptions {
  /** The site's language, for articles that do not set their own. */
  lang: string
  /** Source path prefix of the content folder relative to the root, e.g. `content/`. */
  contentPrefix: string
  drafts: boolean
  future: boolean
  /** The build's clock, in ms since the epoch: articles dated after it are future articles. */
  now: number
  relatedCount: number
  /**
   * What an article past its `expireAt` becomes: `'remove'` (default) a "410 Gone" stub, as a
   * legal takedown; `'retract'` a retraction notice. Never a silent 404.
   */
  expire?: 'remove' | 'retract'
  /** Author entities from the `authors/` folder, by id. When there are any, front matter names ids. */
  authors?: ReadonlyMap<string, AuthorEntity>
  /**
   * Work kept between runs of one builder: site articles by record (valid while the author
   * entities are unchanged) and the last related-articles result with its fingerprint.
   */
  memo?: SiteModelMemo
  /** Makes slugs of titles, terms and author ids; a builder passes its own, which remembers them. Default: a fresh one. */
  slug?: (text: string) => string
}

/** See `SiteModelOptions.memo`. */
export interface SiteModelMemo {
  articles: WeakMap<ArticleRecord, SiteArticle>
  related?: { key: string; value: Map<string, SiteArticle[]> }
}

const WORDS_PER_MINUTE = 200

/** Minutes to read an article of `wordCount` words, at least one. */
export const readingTimeOf = (wordCount: number): number =>
  Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE))

function articleId(record: ArticleRecord, contentPrefix: string): string {
  const id = record.data.id
  if (typeof id === 'string' && id.trim()) return id.trim()
  const relative = record.sourcePath.startsWith(contentPrefix)
    ? record.sourcePath.slice(contentPrefix.length)
    : record.sourcePath
  return relative.replace(/\.md$/i, '')
}

/** Terms by slug, in order; of spellings sharing a slug, the first written is the one shown. */
function uniqueTerms(names: readonly string[], toSlug: (text: string) => string): Term[] {
  const bySlug = new Map<string, Term>()
  for (const name of names) {
    const t = { name, slug: toSlug(name) }
    if (!bySlug.has(t.slug)) bySlug.set(t.slug, t)
  }
  return [...bySlug.values()]
}

/** Normalises one record's front matter into a site article. */
export function toSiteArticle(
  record: ArticleRecord,
  options: Pick<SiteModelOptions, 'lang' | 'contentPrefix' | 'authors' | 'slug'>,
): SiteArticle {
  const toSlug = options.slug ?? createSlugger().slug
  const data = record.data
  const people = [...(data.author ? [data.author] : []), ...(data.authors ?? [])]
  // One entry per person: a name in both `author` and `authors` would list the article twice on their page.
  const bySlug = new Map<string, ArticleAuthor>()
  for (const person of people) {
    const author = toAuthor(person, options.authors, toSlug)
    if (!bySlug.has(author.slug)) bySlug.set(author.slug, author)
  }
  const authors = [...bySlug.values()]
  const liveEntries = record.liveEntries.map(
    ({ author, ...entry }): SiteLiveEntry => ({
      ...entry,
      // Records cached before entries had text have none.
      text: entry.text ?? '',
      ...(author ? { author: toAuthor({ name: author, ref: author }, options.authors, toSlug) } : {}),
    }),
  )
  const status = data.status ?? 'published'
  const liveblog = data.liveblog
  return {
    id: articleId(record, options.contentPrefix),
    sourcePath: record.sourcePath,
    sourceHash: record.sourceHash,
    title: data.title,
    slug: data.slug ?? toSlug(data.title),
    published: data.date,
    updated: data.updated,
    // A live blog is as new as its newest entry; a retraction as its editor's note.
    modified: latest([
      data.date,
      data.updated,
      ...(data.updates ?? []).map((u) => u.date),
      ...(data.corrections ?? []).map((c) => c.date),
      liveEntries[0]?.time,
      status === 'published' ? undefined : data.editorNote?.date,
    ]),
    publishAt: data.publishAt ?? data.date,
    expireAt: data.expireAt,
    updates: [...(data.updates ?? [])].sort((a, b) => b.date.time - a.date.time),
    corrections: [...(data.corrections ?? [])].sort((a, b) => b.date.time - a.date.time),
    liveblog: Boolean(liveblog),
    liveEntries,
    ...(liveblog === 'ended' || typeof liveblog === 'object'
      ? { coverageEnd: typeof liveblog === 'object' ? liveblog.end : (liveEntries[0]?.time ?? data.date) }
      : {}),
    status,
    ...(data.editorNote ? { editorNote: data.editorNote } : {}),
    access: data.access ?? 'free',
    authors,
    category: data.category ? { name: data.category, slug: toSlug(data.category) } : undefined,
    tags: uniqueTerms(data.tags ?? [], toSlug),
    summary: data.summary,
    excerpt: record.excerpt,
    image: data.image,
    dateline: data.dateline,
    source: data.source,
    lang: data.lang ?? options.lang,
    canonical: data.canonical,
    draft: data.draft ?? false,
    wordCount: record.wordCount,
    readingTime: readingTimeOf(record.wordCount),
    data: data as Record<string, unknown>,
    record,
  }
}

/** A byline as an author: the entity of the author file it names, else the name (and URL) as given. */
function toAuthor(
  person: { name: string; url?: string; ref?: string },
  entities: ReadonlyMap<string, AuthorEntity> | undefined,
  toSlug: (text: string) => string,
): ArticleAuthor {
  // Only a byline written as a name can be an author file's id; `{ name, url }` is a person as given.
  const entity = person.ref === undefined ? undefined : entities?.get(person.ref)
  return entity
    ? {
        name: entity.name,
        slug: toSlug(entity.id),
        id: entity.id,
        role: entity.role,
        bio: entity.bio,
        photo: entity.photo,
        links: entity.links,
        url: person.url,
      }
    : { name: person.name, ...(person.url ? { url: person.url } : {}), slug: toSlug(person.name) }
}

function latest(dates: (NewsDate | undefined)[]): NewsDate {
  return dates.reduce<NewsDate | undefined>(
    (a, b) => (b && (!a || b.time > a.time) ? b : a),
    undefined,
  ) as NewsDate
}

/** Whether an article is in the site at `now`: not a draft, past its embargo, not expired (switches aside). */
export function isVisible(
  article: SiteArticle,
  options: Pick<SiteModelOptions, 'drafts' | 'future' | 'now'>,
): boolean {
  if (article.expireAt && article.expireAt.time <= options.now) return false
  return isReleased(article, options)
}

/** Not a draft and past its embargo (switches aside): out, whether published, expired, retracted or removed. */
function isReleased(article: SiteArticle, options: Pick<SiteModelOptions, 'drafts' | 'future' | 'now'>) {
  if (article.draft && !options.drafts) return false
  return options.future || (article.publishAt.time <= options.now && article.published.time <= options.now)
}

/** The article as its status stands at `now`: past `expireAt`, retracted or removed as `expire` says. */
function withStatusAt(article: SiteArticle, options: Pick<SiteModelOptions, 'expire' | 'now'>): SiteArticle {
  const expireAt = article.expireAt
  if (!expireAt || expireAt.time > options.now || article.status === 'removed') return article
  const status = options.expire === 'retract' ? 'retracted' : 'removed'
  if (article.status === status) return article
  const editorNote = article.editorNote ?? { date: expireAt, note: '' }
  return { ...article, status, editorNote, modified: latest([article.modified, editorNote.date]) }
}

/** Newest first; the id breaks ties so that order never depends on file system order. */
export const byNewest = (a: SiteArticle, b: SiteArticle): number =>
  b.published.time - a.published.time || compareText(a.id, b.id)

function collect(
  kind: Collection['kind'],
  articles: readonly SiteArticle[],
  termsOf: (a: SiteArticle) => Term[],
): Collection[] {
  const groups = new Map<string, Collection>()
  for (const article of articles) {
    for (const t of termsOf(article)) {
      let group = groups.get(t.slug)
      if (!group) {
        group = { kind, term: t, articles: [] }
        groups.set(t.slug, group)
      }
      group.articles.push(article)
    }
  }
  return [...groups.values()].sort((a, b) => compareText(a.term.slug, b.term.slug))
}

/** Related articles depend only on ids, dates and terms: a body or title edit reuses the last result. */
function memoizedRelated(
  articles: SiteArticle[],
  termLists: Map<string, SiteArticle[]>,
  count: number,
  memo: SiteModelMemo | undefined,
): Map<string, SiteArticle[]> {
  const key = `${count}|${articles.map((a) => `${a.id}@${a.published.time}:${a.category?.slug ?? ''}:${a.tags.map((t) => t.slug).join('+')}`).join('|')}`
  if (memo?.related?.key === key) return memo.related.value
  const value = findRelated(articles, termLists, count)
  if (memo) memo.related = { key, value }
  return value
}

/** Builds the site model: which articles are published, in what order, grouped how, related to what. */
export function createSiteModel(records: readonly ArticleRecord[], options: SiteModelOptions): SiteModel {
  const memo = options.memo
  const slug = options.slug ?? createSlugger().slug
  const all = records.map((record) => {
    let article = memo?.articles.get(record)
    if (!article) {
      article = toSiteArticle(record, { ...options, slug })
      memo?.articles.set(record, article)
    }
    return article
  })
  const released = all
    .filter((a) => isReleased(a, options))
    .map((a) => withStatusAt(a, options))
    .sort(byNewest)
  const articles = released.filter((a) => a.status === 'published')
  const upcoming = all
    .filter((a) => !a.draft && !isVisible(a, options) && (!a.expireAt || a.expireAt.time > options.now))
    .sort(byNewest)
  const categories = collect('category', articles, (a) => (a.category ? [a.category] : []))
  const tags = collect('tag', articles, (a) => a.tags)
  const authors = collect('author', articles, (a) => a.authors)
  const termLists = new Map<string, SiteArticle[]>([
    ...categories.map((c) => [`category:${c.term.slug}`, c.articles] as const),
    ...tags.map((c) => [`tag:${c.term.slug}`, c.articles] as const),
  ])
  return {
    articles,
    retracted: released.filter((a) => a.status === 'retracted'),
    removed: released.filter((a) => a.status === 'removed'),
    upcoming,
    categories,
    tags,
    authors,
    related: memoizedRelated(articles, termLists, options.relatedCount, memo),
  }
}
