import type { PluggableList } from 'unified'
import type { z } from 'zod'
import type { ImageOptions } from './image-options.js'
import type { Theme } from './theme.js'

/** A link in the navigation or the footer. */
export interface NavLink {
  label: string
  url: string
}

/** Who publishes the site: used in structured data and the Google News sitemap. */
export interface PublisherOptions {
  /** Publisher name. Default: the site title. */
  name?: string
  /** Publisher logo, an absolute or site-relative URL; with its size in pixels. */
  logo?: { src: string; width?: number; height?: number }
}

/** The site itself: what readers see and search engines index. */
export interface SiteOptions {
  /** Name of the site, shown in the masthead and titles. */
  title: string
  /** Absolute URL the site is served from, e.g. `https://kaltim.example`. Required. */
  url: string
  /** Short description for the home page's meta tags and feeds. */
  description?: string
  /** BCP 47 language tag, e.g. `id-ID`. Picks the theme's language strings. Default `en`. */
  lang?: string
  /** IANA time zone of the newsroom, e.g. `Asia/Makassar`. Dates without an offset are read in it. Default `UTC`. */
  timezone?: string
  /** Path the site is served under, e.g. `/news/`. Default `/`. */
  basePath?: string
  publisher?: PublisherOptions
  /** Logo shown in the masthead (site-relative or absolute URL). Default: the site title as text. */
  logo?: string
  /**
   * The site's share image, a path under `public/` (e.g. `/images/share.png`): what shares of
   * the home page, sections, tags and authors show, cropped to 1200 × 630. Default: a card
   * generated from the site's name on the theme's colours.
   */
  image?: string
  /** Sections listed in the masthead navigation, by category name. Default: every category, by article count. */
  nav?: string[]
  /** Links in the footer. */
  footerLinks?: NavLink[]
  /** Overrides of the theme's language strings, by key. */
  strings?: Record<string, string>
  /** CSS custom properties to set, e.g. `{ '--accent': '#b00020' }`. */
  colors?: Record<string, string>
  /** Copyright holder for the footer. Default: the publisher name. */
  copyright?: string
}

/**
 * One edition of a site in several languages (see `WartaConfig.languages`). Every field but
 * `label` falls back to the site's (`site.*`).
 */
export interface EditionOptions {
  /**
   * BCP 47 tag of the edition's language, e.g. `en` or `en-GB`. Default: the edition's key
   * (the first edition's: `site.lang`, which it must equal when set).
   */
  lang?: string
  /** The edition's name in its own language, for the language switch, e.g. `English`. Required. */
  label: string
  /** The edition's name, shown in its masthead and titles. Default `site.title`. */
  title?: string
  /** The edition's description for its home page and feeds. Default `site.description`. */
  description?: string
  /** The edition's masthead sections, by category name. Default `site.nav`, else its six largest categories. */
  nav?: string[]
  /** The edition's footer links. Default `site.footerLinks`. */
  footerLinks?: NavLink[]
  /** Overrides of the theme's strings for the edition's language. Default `site.strings` for the first edition, none for the others. */
  strings?: Record<string, string>
}

/** Where content is and which of it to use. */
export interface ContentOptions {
  /** Folder of markdown articles, relative to `root`. Default `content`. */
  dir?: string
  /** Extra glob patterns (relative to `dir`) to skip. Default: none. */
  ignore?: string[]
  /** Include articles with `draft: true`. Default `false`. */
  drafts?: boolean
  /** Include articles dated after the build's clock. Default `false`. */
  future?: boolean
  /**
   * What an article past its `expireAt` becomes. `'remove'` (default): a "410 Gone" stub, out
   * of every listing, feed and sitemap, as a legal takedown (`status: removed`) is: expiry is
   * for what may no longer be published (licensed wire copy, court-limited reports). `'retract'`:
   * a retraction notice (`status: retracted`) that keeps the headline and stays in the sitemap.
   */
  expire?: 'remove' | 'retract'
}

/** How markdown becomes HTML. */
export interface MarkdownOptions {
  /**
   * `'sanitize'` (default) keeps the raw HTML a news body needs (figures, details, video and
   * audio, tables with colspan/rowspan, abbr, sub/sup, kbd, iframes from `embeds`) and removes
   * the rest — unknown elements, styles, event handlers, script URLs — saying what it removed,
   * with its place, in a warning (`html-removed`). `'trusted'` keeps raw HTML as written, for
   * sites whose writers are all trusted, but GFM's tag filter shows `<script>`, `<style>`,
   * `<title>`, `<textarea>`, `<xmp>`, `<noembed>`, `<noframes>` and `<plaintext>` as text, with
   * a warning (`html-escaped`; sanitized sites: only those never closed, which would take the
   * rest of the article). Either way iframes load only from `embeds`, social-post embeds become
   * static cards, and HTML comments are never published.
   */
  html?: 'sanitize' | 'trusted'
  /**
   * Which GitHub-flavoured markdown to parse. `true` (default): all of GFM — tables,
   * strikethrough (`~one~` or `~~two~~` tildes), autolink literals (bare `https://…`, `www.…`
   * and e-mail addresses become links), footnotes and task lists, as on GitHub. `'news'`: the
   * lean preset, tables and `~~two~~` strikethrough only; it drops autolink literals,
   * footnotes, task lists and single-tilde strikethrough (a few tenths of a millisecond per
   * article less; see `pnpm bench --markdown`). `false`: CommonMark only.
   */
  gfm?: boolean | 'news'
  /**
   * Where an `<iframe>` in a body may load from: hosts, each optionally followed by a path
   * prefix, without a scheme (only https loads), e.g. `'embed.example.com/player/'`. An iframe
   * from anywhere else is removed with a warning (`embed-removed`). Default `DEFAULT_EMBEDS`:
   * YouTube (no-cookie player; `youtube.com/embed` links are played through it), Vimeo, Google
   * Maps, Datawrapper and Flourish. Extend it with `[...DEFAULT_EMBEDS, 'host/path/']`; `[]`
   * allows none.
   */
  embeds?: readonly string[]
  /** remark plugins, run after GFM and before remark-rehype. */
  remarkPlugins?: PluggableList
  /** rehype plugins, run after Warta's own steps and before stringify. */
  rehypePlugins?: PluggableList
}

/** URL patterns. Listing patterns default to words from the theme's language strings. */
export interface PermalinkOptions {
  /** Article URL pattern with `:year`, `:month`, `:day`, `:slug`, `:category`, `:id`. Default `/:year/:month/:day/:slug/`. */
  article?: string
  /** Category listing, default `/<routes.category>/:slug/` (e.g. `/kategori/:slug/` in Indonesian). */
  category?: string
  /** Tag listing, default `/<routes.tag>/:slug/`. */
  tag?: string
  /** Author listing, default `/<routes.author>/:slug/`. */
  author?: string
}

/** Feed outputs. */
export interface FeedOptions {
  /** Write feeds at all. Default `true`. */
  enabled?: boolean
  /** Newest N articles per feed. Default `20`. */
  limit?: number
  /** `'full'` puts the article body in feeds; `'summary'` only the excerpt. Default `'full'`. */
  content?: 'full' | 'summary'
  /** Also write a feed per tag. Default `false`. */
  tags?: boolean
  /** Also write a feed per category. Default `true`. */
  categories?: boolean
  /** Also write a feed per author. Default `true`. */
  authors?: boolean
}

/** Sitemap outputs. */
export interface SitemapOptions {
  /** Write `sitemap.xml`, `news-sitemap.xml` and `robots.txt`. Default `true`. */
  enabled?: boolean
  /** URLs per child sitemap before splitting. Default `50000`, the protocol's limit. */
  maxUrls?: number
}

/** Schema extension: receives Warta's article schema and returns the site's. */
export type SchemaExtension = (base: z.ZodObject) => z.ZodObject

/** Everything a site can set. Only `site.title`, `site.url` and `theme` are required. */
/** See `WartaConfig.pageNumbering`. */
export type PageNumbering = 'oldest-first' | 'newest-first'

export interface WartaConfig {
  /**
   * The site folder: content, layouts, partials and public live under it. A relative path is
   * read from the working folder (`process.cwd()`), as Vite reads its `root`; in a config
   * file, from the file's folder. Default: the working folder (for a config file, its folder).
   * Use `import.meta.dirname` for "the folder of this script". A folder that does not exist
   * is an error.
   */
  root?: string
  site: SiteOptions
  theme: Theme
  content?: ContentOptions
  /** Output folder, relative to `root`. Default `dist`. */
  outDir?: string
  markdown?: MarkdownOptions
  permalinks?: PermalinkOptions
  /** Articles per listing page. Default `12`. */
  pageSize?: number
  /**
   * How a listing's pages past the first are numbered. `'oldest-first'` (default): the first
   * page holds the newest articles and `…/page/1/` the oldest, so a full archive page never
   * changes and publishing an article rewrites only the first page of each listing it is in and
   * its newest archive page. `'newest-first'`: page 2 follows page 1, and every page shifts when
   * an article is published.
   */
  pageNumbering?: PageNumbering
  /** How many related articles an article page shows. Default `4`. */
  relatedCount?: number
  feeds?: FeedOptions
  sitemap?: SitemapOptions
  /**
   * Site search: a Pagefind index of every article at `pagefind/` under the base path, and the
   * theme's search page (`/cari/` in Indonesian, from the language string `route.search`), for
   * themes that have one (`Theme.search`). `false` builds neither. Default `true`.
   */
  search?: boolean
  /** Extend or tighten the front matter schema. */
  schema?: SchemaExtension
  /** Responsive images, formats, share images and placeholders (see `ImageOptions`). */
  images?: ImageOptions
  /**
   * Editions in several languages, by key (a URL-safe word such as `en`): the first is the
   * default edition, served at the base path, each other under `<basePath><key>/`, each with
   * its own home page, listings, feeds and sitemaps in its language. An article belongs to the
   * edition its front matter `lang` names (a key, or a tag whose language is an edition's),
   * else to the one of its first folder (`content/en/…`), else to the first; `translationKey`
   * links it to its translations (`hreflang` alternates, the language switch). Default: none,
   * one site in `site.lang`.
   */
  languages?: Record<string, EditionOptions>
}
