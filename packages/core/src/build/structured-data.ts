import type { ResolvedConfig } from '../config/resolve-config.js'
import {
  articleJsonLd,
  breadcrumbJsonLd,
  organizationJsonLd,
  serializeJsonLd,
  websiteJsonLd,
} from '../outputs/json-ld.js'
import type { StructuredData } from '../routes/create-pages.js'

/** The JSON-LD each kind of page carries: NewsArticle and breadcrumbs, breadcrumbs, WebSite and Organization. */
export function createStructuredData(config: ResolvedConfig): StructuredData {
  const site = config.site
  return {
    article: (article, crumbs) => [
      serializeJsonLd(articleJsonLd(site, article)),
      serializeJsonLd(breadcrumbJsonLd(site, crumbs)),
    ],
    listing: (crumbs) => [serializeJsonLd(breadcrumbJsonLd(site, crumbs))],
    home: () => [serializeJsonLd(websiteJsonLd(site)), serializeJsonLd(organizationJsonLd(site))],
  }
}
