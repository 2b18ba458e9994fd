import type { ResolvedSite } from '../config/resolve-config.js'

const SCHEME = /^[a-z][a-z0-9+.-]*:/i
const HTTP = /^https?:\/\//i

/**
 * Makes a URL absolute for use outside the site (feeds, sitemaps, JSON-LD).
 *
 * - `https://…` and `http://…` pass through (normalised by `URL`, so non-ASCII is %-encoded);
 * - `/path` is a site path that already includes the base path: joined to the site's origin;
 * - `//host/path` takes the site's scheme;
 * - anything else without a scheme (`img/a.jpg`) is relative to the base path.
 *
 * Other schemes (`mailto:`, `data:`) are returned unchanged.
 */
export function absoluteUrl(site: Pick<ResolvedSite, 'url'>, pathOrUrl: string): string {
  const value = pathOrUrl.trim()
  if (HTTP.test(value)) return new URL(value).href
  if (SCHEME.test(value)) return value
  const root = `${site.url}/`
  if (value.startsWith('/')) return new URL(value, new URL(root).origin).href
  return new URL(value, root).href
}

/**
 * The absolute URL a file of the output folder is served at: `2025/05/16/slug/index.html` is
 * the page `…/2025/05/16/slug/`, as readers and CDNs ask for it; any other file its own path.
 */
export function outputFileUrl(site: Pick<ResolvedSite, 'url'>, outputPath: string): string {
  const sitePath = outputPath === 'index.html' ? '' : outputPath.replace(/(^|\/)index\.html$/, '$1')
  return new URL(sitePath.split('/').map(encodeURIComponent).join('/'), `${site.url}/`).href
}
