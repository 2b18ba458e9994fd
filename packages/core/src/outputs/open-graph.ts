import type { ResolvedSite } from '../config/resolve-config.js'
import { absoluteUrl } from '../routes/absolute-url.js'
import type { ArticleView, PageMeta } from '../routes/views.js'

/** Open Graph values of an article page. */
export interface ArticleOpenGraph {
  article: NonNullable<PageMeta['article']>
  image?: NonNullable<PageMeta['image']>
}

/**
 * The `article:*` Open Graph values and the share image of an article page. `authors` are
 * absolute URLs of the authors' pages (Open Graph's `article:author` is a profile URL).
 */
export function articleOpenGraph(site: ResolvedSite, article: ArticleView): ArticleOpenGraph {
  const image = article.image
  return {
    article: {
      publishedTime: article.published.iso,
      modifiedTime: article.modified.iso,
      ...(article.category ? { section: article.category.name } : {}),
      tags: article.tags.map((t) => t.name),
      authors: article.authors.map((a) => absoluteUrl(site, a.url)),
    },
    ...(image
      ? {
          image: {
            url: absoluteUrl(site, image.src),
            ...(image.width ? { width: image.width } : {}),
            ...(image.height ? { height: image.height } : {}),
            ...(image.alt ? { alt: image.alt } : {}),
          },
        }
      : {}),
  }
}
