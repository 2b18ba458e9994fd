export {
  FEED_FORMATS,
  type FeedFile,
  type FeedType,
  feedLinks,
  type GenerateFeedsOptions,
  generateFeeds,
} from './feeds.js'
export {
  articleJsonLd,
  breadcrumbJsonLd,
  HEADLINE_ADVICE_LENGTH,
  type JsonLd,
  type LogoImage,
  organizationJsonLd,
  serializeJsonLd,
  websiteJsonLd,
} from './json-ld.js'
export {
  type GenerateNewsSitemapOptions,
  generateNewsSitemap,
  NEWS_SITEMAP_MAX_URLS,
  NEWS_SITEMAP_WINDOW_MS,
  newsLanguage,
} from './news-sitemap.js'
export { type ArticleOpenGraph, articleOpenGraph } from './open-graph.js'
export { generateRobots } from './robots.js'
export {
  type GenerateSitemapsOptions,
  generateSitemaps,
  SITEMAP_CHILD_DIR,
  SITEMAP_MAX_BYTES,
  SITEMAP_MAX_URLS,
  type SitemapEntry,
  type SitemapFile,
} from './sitemaps.js'
export { absoluteUrl, absolutizeHtml } from './url.js'
export { stripInvalidXmlChars } from './xml-text.js'
