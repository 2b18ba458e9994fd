import type { ResolvedSite } from '../../config/resolve-config.js'
import { absoluteUrl } from '../absolute-url.js'
import type { ArticleView, PageMeta, SharedImage } from '../views.js'

/** Open Graph values of an article page. */
export interface ArticleOpenGraph {
  article: NonNullable<PageMeta['article']>
  image?: NonNullable<PageMeta['image']>
}

/**
 * The `article:*` Open Graph values and the share image of an article page. `authors` are
 * absolute URLs of the authors' pages: Open Graph's `article:author` is an array of profile
 * URLs (https://ogp.me/#type_article). The share image is the image stage's (the lead
 * image's 1200 × 630 crop, or a generated card), never a `src` as written.
 */
export function articleOpenGraph(
  site: ResolvedSite,
  article: ArticleView,
  share: SharedImage | undefined,
): ArticleOpenGraph {
  return {
    article: {
      publishedTime: article.published.iso,
      modifiedTime: article.modified.iso,
      ...(article.category ? { section: article.category.name } : {}),
      tags: article.tags.map((t) => t.name),
      authors: article.authors.map((a) => absoluteUrl(site, a.url)),
    },
    ...(share ? { image: share } : {}),
  }
}
