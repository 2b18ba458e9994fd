import type { NewsDate } from '../content/news-date.js'
import type { ArticleRecord } from '../content/process-source.js'
import type { ArticleHeading } from '../markdown/remark-article-text.js'

/** A category, tag or author as a named thing with a URL-safe slug. */
export interface Term {
  name: string
  slug: string
}

/** An author of an article. */
export interface ArticleAuthor extends Term {
  url?: string
}

/** A lead image. */
export interface ArticleImage {
  src: string
  alt?: string
  caption?: string
  width?: number
  height?: number
}

/** An article in the site model: front matter normalised, body rendered. */
export interface SiteArticle {
  /** Stable identity: front matter `id`, else the source path below the content folder without `.md`. */
  id: string
  sourcePath: string
  sourceHash: string
  title: string
  slug: string
  published: NewsDate
  /** `updated` when given, else the publication date. */
  modified: NewsDate
  updated?: NewsDate
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
  html: string
  wordCount: number
  /** Minutes, at least 1. */
  readingTime: number
  headings: ArticleHeading[]
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
  categories: Collection<A>[]
  tags: Collection<A>[]
  authors: Collection<A>[]
  /** Related articles by article id. */
  related: Map<string, A[]>
}
