import type { PageNumbering } from '../config/types.js'
import type { ArticleHeading } from '../markdown/remark-article-text.js'
import type { ArticleAccess, LogEntry } from '../site/types.js'
import type { NewsDate } from '../util/news-date.js'

/** A link to a term (category, tag, author) as templates see it. */
export interface TermView {
  name: string
  slug: string
  /** Site path including the base path, e.g. `/kategori/pemerintahan/`. */
  url: string
}

/** An author as templates see it. */
export interface AuthorView extends TermView {
  /** The author's own page elsewhere, from front matter. */
  homepage?: string
}

/** An author with the profile from `authors/<id>.yml`: on article pages (byline, author box) and their own page. */
export interface AuthorProfileView extends AuthorView {
  /** Job title, e.g. `Redaktur Pelaksana`. */
  role?: string
  /** The bio as sanitized HTML (markdown allowed): inserted unescaped, like an article body. */
  bioHtml?: string
  /** The bio's first paragraph as plain text, for descriptions and structured data. */
  bioText?: string
  /** The portrait's URL: the image stage's file under the base path, as given for http(s) URLs. */
  photo?: string
  /** The portrait as a square responsive picture (absent for remote photos). */
  portrait?: ImageView
  /** Profiles elsewhere (own site, social accounts), linked with `rel="me"`. */
  links: { label: string; url: string }[]
  /** The author has a profile beyond a name (role, bio or photo): themes show an author box. */
  hasProfile: boolean
}

/** An image as a share preview, a feed or structured data shows it: an absolute URL with its size (unknown only for remote images without a stated size). */
export interface SharedImage {
  url: string
  width?: number
  height?: number
  alt?: string
}

/**
 * A picture as templates show it: its real size, its files in modern formats and the
 * fallback, what shows while it loads, and its crops for shares and structured data.
 */
export interface ImageView {
  /** As front matter or the body gives it. */
  src: string
  alt?: string
  caption?: string
  /** Who took the photo. */
  credit?: string
  /** URL (under the base path) for `<img src>`: the fallback format at a middle width, or the file itself. */
  url: string
  /** The picture's size in pixels, for `width` and `height` (what keeps the page from jumping); absent for remote images without a stated size. */
  width?: number
  height?: number
  /** `srcset` of the fallback format (JPEG or PNG); absent for files served as they are (SVG, GIF). */
  srcset?: string
  /** `<source>` elements, modern formats first: `{ type: 'image/avif', srcset }`. */
  sources: { type: string; srcset: string }[]
  /** Inline CSS shown while the file loads (`background:#7a6b55`), when the site wants placeholders. */
  placeholder?: string
  /** One file for feeds and the like: absolute URL, size, media type (unknown for some remote images). */
  file?: SharedImage & { type?: string }
  /** The 1200 × 630 crop for Open Graph and X (lead images). */
  share?: SharedImage
  /** 16:9, 4:3 and 1:1 crops at least 1200 px wide where the photo allows, for structured data (lead images). */
  crops: SharedImage[]
}

/** An article as a card in a listing: only what listings show. */
export interface CardView {
  id: string
  title: string
  url: string
  excerpt: string
  published: NewsDate
  modified: NewsDate
  category?: TermView
  authors: AuthorView[]
  image?: ImageView
  readingTime: number
  /** A live blog still live (`liveblog: true`, not `ended`): cards and the page carry a "live" badge. */
  live: boolean
}

/** A live blog's entry as templates and structured data see it. */
export interface LiveEntryView {
  /** The entry heading's id: its anchor on the page. */
  id: string
  headline: string
  time: NewsDate
  /** The entry's own author (`{author=…}` on its heading); else the article's authors wrote it. */
  author?: AuthorProfileView
  /** The entry's first image, its URL under the base path. */
  image?: { src: string; alt?: string }
  /** The entry's text without its heading. */
  text: string
}

/** An article as its own page sees it. */
export interface ArticleView extends CardView {
  /** The authors with their profiles. */
  authors: AuthorProfileView[]
  summary?: string
  updated?: NewsDate
  tags: TermView[]
  dateline?: string
  source?: { name: string; url?: string }
  lang: string
  canonical?: string
  /** Sanitized body HTML: the one value templates insert unescaped. */
  html: string
  wordCount: number
  headings: ArticleHeading[]
  /** Every front matter key, including ones Warta does not know. */
  data: Record<string, unknown>
  /** Dated updates and corrections, newest first. */
  updates: LogEntry[]
  corrections: LogEntry[]
  /** A live blog's entries, newest first (empty for other articles). */
  liveEntries: LiveEntryView[]
  /** When a live blog's coverage ended; absent while it is live and on other articles. */
  coverageEnd?: NewsDate
  /**
   * The latest update (of `updated`, updates, corrections, live entries, an editor's note)
   * when there is one after publication: the byline's "Updated".
   */
  lastUpdate?: NewsDate
  /** `published`, or `retracted` (the page shows the editor's note instead of the body). */
  status: 'published' | 'retracted'
  /** The dated editor's note of a retraction. */
  editorNote?: LogEntry
  /** `free`, or `metered`/`subscribers`: the body is the paywalled section (see `PAYWALL_SELECTOR`). */
  access: ArticleAccess
  /** Held back by an embargo or a future date: shown only in previews (`--future`). */
  embargoed: boolean
}

/** A numbered page of a listing. */
export interface PaginationView {
  /** How the listing's pages past the first are numbered (`pageNumbering`). */
  numbering: PageNumbering
  /** Whether this is the listing's first page, with its newest articles. */
  first: boolean
  /**
   * This page's number, as in its URL: from 1 on the first page (`newest-first`); from the
   * oldest archive page, 1, with 0 for the first page (`oldest-first`).
   */
  current: number
  /**
   * How many pages the listing has (`newest-first`). Absent with `oldest-first`, whose archive
   * pages name no count, so that a full one keeps its bytes as the listing grows.
   */
  total?: number
  /** The next newer page. */
  prev?: string
  /** The next older page. */
  next?: string
  /**
   * The page bar, newest first. `newest-first`: every page. `oldest-first`: the first page
   * (number 0), the next newer archive page, this one, the next older, and page 1, with a gap
   * where pages are left out.
   */
  pages: PaginationItem[]
}

/** A link of a page bar, or (`oldest-first`) a gap where pages are left out. */
export type PaginationItem = { number: number; url: string; current: boolean } | { gap: true }

/** A feed a page links to with `<link rel="alternate">`. */
export interface FeedLink {
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json'
  title: string
  /** Absolute URL. */
  url: string
}

/** Head metadata a theme's head partial writes out. */
export interface PageMeta {
  /** The document title, e.g. `Headline – Site`. */
  title: string
  description: string
  /** Absolute canonical URL. */
  canonical: string
  /** `article` on article pages, `website` elsewhere. */
  ogType: 'article' | 'website'
  /** Absolute URL of the share image, with its size and text alternative where known. */
  image?: { url: string; width?: number; height?: number; alt?: string }
  /** Ask search engines not to index (404, previews of future articles). */
  noindex: boolean
  feeds: FeedLink[]
  /** `<link rel="alternate" hreflang>` targets for translations. */
  alternates: { lang: string; url: string }[]
  /** Open Graph `article:*` values on article pages. */
  article?: {
    publishedTime: string
    modifiedTime: string
    section?: string
    tags: string[]
    authors: string[]
  }
  /** JSON-LD script bodies, already serialised and safe to place in `<script type="application/ld+json">`. */
  jsonLd: string[]
}

/** Another edition's version of a page, for a language switch. */
export interface LanguageLink {
  /** The edition's language tag, for `hreflang` and `lang`. */
  lang: string
  /** The edition's name in its language (`languages.<key>.label`). */
  label: string
  /** Site path including the base path: this page's translation, else the edition's home page. */
  url: string
  /** Whether `url` is this page's translation (else the edition's home page). */
  translated: boolean
}

/** How a page of a site with editions links to the other editions. */
export interface EditionLinks {
  /** `hreflang` alternates: every version of the page including itself, then `x-default`; empty when it has none. */
  alternates: PageMeta['alternates']
  /** The other editions, in config order. */
  languages: LanguageLink[]
}

/** A step in the breadcrumb trail. */
export interface Crumb {
  name: string
  url: string
}

/** What every page's template receives. Only `article.html` is inserted unescaped. */
export interface PageContext {
  site: {
    title: string
    description: string
    lang: string
    /** Absolute site URL with base path, no trailing slash. */
    url: string
    basePath: string
    logo?: string
    nav: TermView[]
    /** The site's own feeds (a section page or article adds its section's in `page.meta.feeds`). */
    feeds: FeedLink[]
    footerLinks: { label: string; url: string }[]
    colors: { name: string; value: string }[]
    copyright: string
    year: number
    /** The build clock's day in the site's zone, for a masthead date; only for themes that ask (`Theme.usesBuildDate`). */
    today?: NewsDate
    /** Site search, when it is on: the search page a search field sends its query to (as `q`), and the index's folder. */
    search?: { url: string; index: string }
  }
  page: {
    /** `gone`: the stub of a removed article, rendered with the `404` layout and answered with status 410. */
    kind: 'home' | 'article' | 'category' | 'tag' | 'author' | 'archive' | 'search' | '404' | 'gone'
    /** Site path including the base path. */
    url: string
    meta: PageMeta
    breadcrumbs: Crumb[]
    /**
     * On a site with editions (`languages`): the other editions, each with this page's
     * version there, else its home page, for a language switch. Absent otherwise.
     */
    languages?: LanguageLink[]
  }
  /** Theme options from the theme's constructor. */
  theme: Record<string, unknown>
  /** On article pages. */
  article?: ArticleView
  related?: CardView[]
  /** On listing pages. */
  listing?: {
    kind: 'category' | 'tag' | 'author' | 'archive'
    /** What kind of list this is, in the site's language (`Rubrik`, `Topik`, `Penulis`); none on the archive. */
    label?: string
    /** On an author's pages: who they are. */
    author?: AuthorProfileView
    name: string
    url: string
    articles: CardView[]
    pagination: PaginationView
  }
  /** On the stub of a removed article: the editor's note, when there is one (the headline is not shown). */
  gone?: { note?: LogEntry }
  /**
   * On the home page: each story once (see `FrontPagePlan`). The 404 page lists the latest
   * stories here too.
   */
  home?: { top?: CardView; latest: CardView[]; sections: { section: TermView; articles: CardView[] }[] }
}
