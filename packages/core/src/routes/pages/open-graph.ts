import type { ResolvedSite } from '../../config/resolve-config.js'
import { absoluteUrl } from '../absolute-url.js'
import { createUrlFor } from '../to-views.js'
import type { ArticleView, PageMeta } from '../views.js'

/** Open Graph values of an article page. */
export interface ArticleOpenGraph {
  article: NonNullable<PageMeta['article']>
  image?: NonNullable<PageMeta['image']>
}

/**
 * The `article:*` Open Graph values and the share image of an article page. `authors` are
 * absolute URLs of the authors' pages: Open Graph's `article:author` is an array of profile
 * URLs (https://ogp.me/#type_article). The image's `src` is read as the page shows it: a site
 * path under the base path, or a URL.
 */
export function articleOpenGraph(site: ResolvedSite, article: ArticleView): ArticleOpenGraph {
  const image = article.image
  const urlFor = createUrlFor(site.basePath)
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
            url: new URL(urlFor(image.src), `${site.url}/`).href,
            ...(image.width ? { width: image.width } : {}),
            ...(image.height ? { height: image.height } : {}),
            ...(image.alt ? { alt: image.alt } : {}),
          },
        }
      : {}),
  }
}
