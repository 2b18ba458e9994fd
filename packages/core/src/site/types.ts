import type { ArticleRecord } from '../content/process-source.js'
import type { LiveEntry } from '../markdown/rehype-live-entries.js'
import type { NewsDate } from '../util/news-date.js'

/** A category, tag or author as a named thing with a URL-safe slug. */
export interface Term {
  name: string
  slug: string
}

/** An author of an article: a name, or an entity from the site's `authors/` folder. */
export interface ArticleAuthor extends Term {
  /** The author's own page elsewhere. */
  url?: string
  /** Set when the author is an entity from `authors/`. */
  id?: string
  role?: string
  bio?: string
  photo?: string
  links?: { label: string; url: string }[]
}

/** A dated entry of an article's updates or corrections log. */
export interface LogEntry {
  date: NewsDate
  note: string
}

/** A lead image, as front matter gives it. */
export interface ArticleImage {
  src: string
  alt?: string
  caption?: string
  /** Who took the photo. */
  credit?: string
  /** Where crops keep their centre, as fractions of width and height: `[x, y]`. */
  focus?: [number, number]
  /** The size front matter states; the image stage reads the real one from the file. */
  width?: number
  height?: number
}

/** A live blog's entry, with its author as the byline's are (an author file's entity, or a name). */
export interface SiteLiveEntry extends Omit<LiveEntry, 'author'> {
  author?: ArticleAuthor
}

/**
 * Where an article stands: `published`; `retracted` (its page keeps the headline and the
 * editor's note, nothing lists it); `removed` (a "410 Gone" stub, gone from every output).
 */
export type ArticleStatus = 'published' | 'retracted' | 'removed'

/** Who may read an article: everyone, or readers past a metered or subscribers' paywall. */
export type ArticleAccess = 'free' | 'metered' | 'subscribers'

/** An article in the site model: front matter normalised, body rendered. */
export interface SiteArticle {
  /** Stable identity: front matter `id`, else the source path below the content folder without `.md`. */
  id: string
  sourcePath: string
  sourceHash: string
  title: string
  slug: string
  published: NewsDate
  /** The latest of the publication date, `updated`, and the dates of updates and corrections. */
  modified: NewsDate
  updated?: NewsDate
  /** When the article may first appear (its embargo): `publishAt`, else `date`. */
  publishAt: NewsDate
  /** When the article disappears from every output. */
  expireAt?: NewsDate
  updates: LogEntry[]
  corrections: LogEntry[]
  liveblog: boolean
  /** A live blog's entries, newest first. */
  liveEntries: SiteLiveEntry[]
  /** When a live blog's coverage ended (`liveblog: ended` or `{ end }`); absent while it is live. */
  coverageEnd?: NewsDate
  /** As written, or as `content.expire` makes it once `expireAt` has passed. */
  status: ArticleStatus
  /** The dated editor's note of a retraction or removal. */
  editorNote?: LogEntry
  access: ArticleAccess
  authors: ArticleAuthor[]
  category?: Term
  tags: Term[]
  summary?: string
  excerpt: string
  image?: ArticleImage
  dateline?: string
  source?: { name: string; url?: string }
  /** Language of the article (the site's unless front matter says otherwise). */
  lang: string
  canonical?: string
  draft: boolean
  wordCount: number
  /** Minutes, at least 1. */
  readingTime: number
  /** Every front matter key, including ones Warta does not know, for templates. */
  data: Record<string, unknown>
  record: ArticleRecord
}

/** Articles grouped under one term. */
export interface Collection<A = SiteArticle> {
  kind: 'category' | 'tag' | 'author'
  term: Term
  /** Newest first. */
  articles: A[]
}

/** The whole site as data: what every later stage reads. */
export interface SiteModel<A = SiteArticle> {
  /** Published articles, newest first (ties broken by id, so order is stable). */
  articles: A[]
  /** Retracted articles: a page each, in the sitemap, in no listing or feed. */
  retracted: A[]
  /** Removed articles (taken down, or expired with `content.expire: 'remove'`): a "410 Gone" stub each, nothing else. */
  removed: A[]
  /** Articles held back by an embargo or a future date, for the publishing schedule. */
  upcoming: SiteArticle[]
  categories: Collection<A>[]
  tags: Collection<A>[]
  authors: Collection<A>[]
  /** Related articles by article id. */
  related: Map<string, A[]>
}
