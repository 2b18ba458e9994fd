import type { ResolvedSite } from '../config/resolve-config.js'
import { absoluteUrl } from '../routes/absolute-url.js'

/**
 * Writes `robots.txt`: every crawler may fetch everything, and each sitemap is listed by
 * absolute URL (`sitemapUrls` may be site paths, paths relative to the base path, or URLs).
 * Crawlers read robots.txt only at the host's root, so with a base path other than `/`
 * the file only takes effect if the host serves it there.
 */
export function generateRobots(site: ResolvedSite, sitemapUrls: string[]): string {
  const lines = ['User-agent: *', 'Allow: /', '']
  for (const url of sitemapUrls) lines.push(`Sitemap: ${absoluteUrl(site, url).replace(/[\r\n]/g, '')}`)
  return `${lines.join('\n')}\n`
}
