import type { ResolvedSite } from '../config/resolve-config.js'
import { absoluteUrl } from '../routes/absolute-url.js'
import type { ArticleView } from '../routes/views.js'
import { renderUrlset } from './sitemap-xml.js'
import { stripInvalidXmlChars } from './xml-text.js'

/** Google News reads articles published in the last two days. */
export const NEWS_SITEMAP_WINDOW_MS = 48 * 60 * 60 * 1000
/** Google's limit of `<news:news>` entries per news sitemap. */
export const NEWS_SITEMAP_MAX_URLS = 1000

export interface GenerateNewsSitemapOptions {
  site: ResolvedSite
  /** Any order; only those published in the 48 hours up to `now` are listed. */
  articles: ArticleView[]
  /** The build's clock, in milliseconds since the epoch. */
  now: number
}

/**
 * The news sitemap language: an ISO 639 code (`id-ID` → `id`), except Chinese, where Google
 * wants `zh-cn` (Simplified) or `zh-tw` (Traditional). Undefined when the tag has no usable
 * language subtag.
 */
export function newsLanguage(lang: string): string | undefined {
  const subtags = lang.toLowerCase().split(/[-_]/)
  const language = subtags[0] ?? ''
  if (language === 'zh') {
    const rest = subtags.slice(1)
    if (rest.includes('hant') || rest.some((s) => s === 'tw' || s === 'hk' || s === 'mo')) return 'zh-tw'
    return 'zh-cn'
  }
  return /^[a-z]{2,3}$/.test(language) ? language : undefined
}

/**
 * Writes `news-sitemap.xml` (Google News sitemap): the articles published in the 48 hours
 * before `now`, newest first, at most 1,000. The XSD wants at least one `<url>`, so with no
 * recent article the file lists the home page alone, without a `<news:news>` entry.
 */
export async function generateNewsSitemap(options: GenerateNewsSitemapOptions): Promise<string> {
  const { site, now } = options
  const origin = new URL(`${site.url}/`).origin
  const publication = stripInvalidXmlChars(site.publisher.name)
  const recent = options.articles
    .filter((a) => a.published.time <= now && a.published.time >= now - NEWS_SITEMAP_WINDOW_MS)
    .sort((a, b) => b.published.time - a.published.time || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .slice(0, NEWS_SITEMAP_MAX_URLS)
  const items = recent.map((article) => ({
    url: absoluteUrl(site, article.url),
    lastmod: article.modified.iso,
    news: {
      publication: {
        name: publication,
        language: newsLanguage(article.lang) ?? newsLanguage(site.lang) ?? 'en',
      },
      // W3C format: the full date-time with offset, or the date alone when no time was given.
      publication_date: article.published.hasTime
        ? article.published.iso
        : article.published.iso.slice(0, 10),
      title: stripInvalidXmlChars(article.title),
    },
  }))
  if (items.length === 0) return renderUrlset(origin, [{ url: absoluteUrl(site, site.basePath) }], true)
  return renderUrlset(origin, items, true)
}
