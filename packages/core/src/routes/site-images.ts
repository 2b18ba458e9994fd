import type { RoutedArticle } from './route-site.js'
import type { ImageView, SharedImage } from './views.js'

/**
 * What the image stage made of the site's pictures, as the pages, feeds, structured data and
 * quality checks read it. Every URL of a picture comes from here: no later stage makes one
 * from a `src` as written.
 */
export interface SiteImages {
  /** An article's lead image, as cards and its page show it. */
  lead(article: RoutedArticle): ImageView | undefined
  /** What shares of an article's page show: the lead image's crop, else its generated card, else the site's image. */
  articleShare(article: RoutedArticle): SharedImage | undefined
  /** What shares of the home page, sections, tags, authors and the archive show. */
  siteShare?: SharedImage
  /** The publisher's logo for structured data: the configured one with its real size, else a generated one. */
  logo?: SharedImage
  /** An author photo (`photo` in `authors/<id>.yml`), as a square picture. */
  photo(src: string): ImageView | undefined
  /** A body image, by its URL as written. */
  bodyImage?(article: RoutedArticle, url: string): ImageView | undefined
  /** The body's `<img>` elements as responsive pictures with their size. */
  bodyHtml(article: RoutedArticle, html: string): Promise<string>
  /** Fingerprint of everything pages show of an article's pictures (lead, body, share card). */
  articleKey(article: RoutedArticle): string
  /** Fingerprint of the site-wide pictures (share image, logo). */
  siteKey: string
}

/** A site without pictures made: lead images as front matter gives them (for tests and tools that skip the stage). */
export const NO_IMAGES: SiteImages = {
  lead: (article) =>
    article.image && {
      src: article.image.src,
      alt: article.image.alt,
      caption: article.image.caption,
      credit: article.image.credit,
      url: article.image.src,
      width: article.image.width,
      height: article.image.height,
      sources: [],
      crops: [],
    },
  articleShare: () => undefined,
  photo: () => undefined,
  bodyHtml: async (_article, html) => html,
  articleKey: () => '',
  siteKey: '',
}
