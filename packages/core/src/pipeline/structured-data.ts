import type { ResolvedConfig } from '../config/resolve-config.js'
import {
  articleJsonLd,
  breadcrumbJsonLd,
  type JsonLd,
  organizationJsonLd,
  profilePageJsonLd,
  serializeJsonLd,
  websiteJsonLd,
} from '../outputs/json-ld.js'
import { absoluteUrl } from '../routes/absolute-url.js'
import type { StructuredData, StructuredDataExtras } from '../routes/pages/page.js'
import type { ArticleView } from '../routes/views.js'

/** The logo structured data names: the image stage's (configured with its real size, or generated). */
const logoOf = (extras: StructuredDataExtras | undefined) =>
  extras?.logo && { src: extras.logo.url, width: extras.logo.width, height: extras.logo.height }

/** A live blog is a `LiveBlogPosting` whose entries are `BlogPosting` updates, newest first. */
function liveBlogJsonLd(config: ResolvedConfig, article: ArticleView, base: JsonLd): JsonLd {
  const url = absoluteUrl(config.site, article.url)
  const oldest = article.liveEntries.at(-1)?.time.iso ?? article.published.iso
  return {
    ...base,
    '@type': 'LiveBlogPosting',
    coverageStartTime: oldest,
    liveBlogUpdate: article.liveEntries.map((entry) => ({
      '@type': 'BlogPosting',
      headline: entry.headline,
      datePublished: entry.time.iso,
      url: `${url}#${entry.id}`,
    })),
  }
}

/** The JSON-LD each kind of page carries: NewsArticle (or LiveBlogPosting) and breadcrumbs; breadcrumbs; ProfilePage and breadcrumbs on author pages; WebSite and Organization. */
export function createStructuredData(config: ResolvedConfig): StructuredData {
  const site = config.site
  return {
    article: (article, crumbs, extras) => {
      const main = articleJsonLd(site, article, { logo: logoOf(extras) })
      return [
        serializeJsonLd(article.liveEntries.length > 0 ? liveBlogJsonLd(config, article, main) : main),
        serializeJsonLd(breadcrumbJsonLd(site, crumbs)),
      ]
    },
    listing: (crumbs) => [serializeJsonLd(breadcrumbJsonLd(site, crumbs))],
    author: (author, crumbs) => [
      serializeJsonLd(profilePageJsonLd(site, author)),
      serializeJsonLd(breadcrumbJsonLd(site, crumbs)),
    ],
    home: (extras) => [
      serializeJsonLd(websiteJsonLd(site)),
      serializeJsonLd(organizationJsonLd(site, { logo: logoOf(extras) })),
    ],
  }
}
