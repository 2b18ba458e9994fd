import type { ResolvedConfig, ResolvedSite } from '../../config/resolve-config.js'
import type { Strings, Theme } from '../../config/theme.js'
import type { PageNumbering } from '../../config/types.js'
import type { ArticleBody } from '../../content/process-source.js'
import type { RoutedArticle } from '../route-site.js'
import type { SiteImages } from '../site-images.js'
import type {
  ArticleView,
  AuthorProfileView,
  CardView,
  Crumb,
  EditionLinks,
  PageContext,
  SharedImage,
} from '../views.js'

/** One HTML page to render: where it goes, with which layout, from what data. */
export interface Page {
  /** Site path without the base path. */
  path: string
  outputPath: string
  /** Theme layout name: `home`, `article`, `listing`, `search` or `404`. */
  layout: string
  /**
   * Fingerprint of every input of the page's context. Equal keys (with equal templates)
   * mean equal output, which is what lets a rebuild skip the page.
   */
  key: string
  /** Builds the template context; only called for pages that are rendered (article bodies may be read from the cache). */
  context(): Promise<PageContext>
}

/**
 * An article page's key: what the page shows of other articles and of the site, then the
 * article's source hash, kept apart so that a body-only edit can rekey the page alone.
 */
export const withSourceHash = (pageKey: string, sourceHash: string): string =>
  `${pageKey.split('.')[0]}.${sourceHash}`

/** What structured data shows besides the page: the publisher's logo (configured or generated). */
export interface StructuredDataExtras {
  logo?: SharedImage
}

/** Structured data the pages stage asks the outputs stage for: serialised JSON-LD, safe inside `<script>`. */
export interface StructuredData {
  article(article: ArticleView, crumbs: Crumb[], extras?: StructuredDataExtras): string[]
  listing(crumbs: Crumb[]): string[]
  /** An author's pages: their profile and the breadcrumbs. Without it, author pages get `listing`'s. */
  author?(author: AuthorProfileView, crumbs: Crumb[]): string[]
  home(extras?: StructuredDataExtras): string[]
}

/** Cards kept between runs of one builder, by source hash, id and path. */
export type CardMemo = Map<string, { card: CardView; key: string }>

/** Options of the pages stage: the few parts of the config pages depend on. */
export interface PagesOptions {
  site: ResolvedSite
  theme: Pick<Theme, 'options' | 'usesBuildDate' | 'frontPage'>
  strings: Strings
  feeds: ResolvedConfig['feeds']
  pageSize: number
  pageNumbering: PageNumbering
  structuredData: StructuredData
  /** The build's clock (for the footer year, which must not change within a build). */
  now: number
  /** The sanitized body of an article and its headings: kept out of the site model so that huge archives fit in memory. */
  bodyOf: (article: RoutedArticle) => Promise<ArticleBody>
  /** The pictures as the image stage made them. */
  images: SiteImages
  cardMemo?: CardMemo
  /** The search page's site path, when search is on. Default: no search page. */
  searchPath?: string
  /**
   * An edition's links to the other editions, by site path (see `linkEditions`). Default: a
   * site in one language, no links.
   */
  editionLinks?: (sitePath: string) => EditionLinks
  /**
   * The base path of what the editions share (the search index), when `site` is an edition's.
   * Default `site.basePath`.
   */
  sharedBasePath?: string
  /** Make the 404 page: the default edition's only, as the site has one. Default `true`. */
  notFound?: boolean
}
