import type { ResolvedConfig } from '../config/resolve-config.js'
import {
  articleJsonLd,
  breadcrumbJsonLd,
  liveBlogJsonLd,
  organizationJsonLd,
  profilePageJsonLd,
  retractedArticleJsonLd,
  serializeJsonLd,
  websiteJsonLd,
} from '../outputs/json-ld.js'
import type { StructuredData, StructuredDataExtras } from '../routes/pages/page.js'

/** The logo structured data names: the image stage's (configured with its real size, or generated). */
const logoOf = (extras: StructuredDataExtras | undefined) =>
  extras?.logo && { src: extras.logo.url, width: extras.logo.width, height: extras.logo.height }

/** The JSON-LD each kind of page carries: NewsArticle (or LiveBlogPosting) and breadcrumbs; breadcrumbs; ProfilePage and breadcrumbs on author pages; WebSite and Organization. */
export function createStructuredData(config: Pick<ResolvedConfig, 'site'>): StructuredData {
  const site = config.site
  return {
    article: (article, crumbs, extras) => {
      const main =
        article.status === 'retracted'
          ? retractedArticleJsonLd(site, article)
          : articleJsonLd(site, article, { logo: logoOf(extras) })
      const live = article.status === 'published' && article.liveEntries.length > 0
      return [
        serializeJsonLd(live ? liveBlogJsonLd(site, article, main) : main),
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
