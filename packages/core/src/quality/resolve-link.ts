import type { QualitySite } from './quality-site.js'

/** Where a link leads, as far as the site is concerned. */
export type LinkTarget =
  /** Nothing to check: a fragment, an e-mail address, another host. */
  | { kind: 'elsewhere' }
  /** A path below the base path, decoded, without the leading `/`: `''`, `x/`, `x`, `feed/rss.xml`. */
  | { kind: 'site'; sitePath: string }
  /** This host, but outside the base path: `pathname` as the browser would request it, decoded. */
  | { kind: 'outside'; pathname: string }
  /** Not a URL a browser could follow. */
  | { kind: 'malformed' }

const SCHEME = /^([a-z][a-z0-9+.-]*):/i

/**
 * Resolves a URL as a browser would on the page at `pageUrl`: `/x/` from the host's root,
 * `x/` and `../x/` from the page, `https://…` as it is. A link is internal when it
 * ends up on the site's host (with http or https) below its base path.
 */
export function resolveLink(
  url: string,
  pageUrl: string,
  site: Pick<QualitySite, 'host' | 'basePath'>,
): LinkTarget {
  const value = url.trim()
  if (value === '' || value.startsWith('#')) return { kind: 'elsewhere' }
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase()
  if (scheme && scheme !== 'http' && scheme !== 'https') return { kind: 'elsewhere' }
  let resolved: URL
  try {
    resolved = new URL(value, pageUrl)
  } catch {
    return { kind: 'malformed' }
  }
  if (resolved.host !== site.host) return { kind: 'elsewhere' }
  let pathname: string
  try {
    pathname = decodeURIComponent(resolved.pathname).normalize('NFC')
  } catch {
    return { kind: 'malformed' }
  }
  if (pathname.startsWith(site.basePath))
    return { kind: 'site', sitePath: pathname.slice(site.basePath.length) }
  // `/news` for a base path of `/news/` is the site's home page, served by redirect.
  if (`${pathname}/` === site.basePath) return { kind: 'site', sitePath: '' }
  return { kind: 'outside', pathname }
}

/**
 * Whether the link check reads a link on a site at `host`: any link that may lead to it (a
 * relative one, one to its host, or a malformed one), not another host's, an e-mail address
 * or a fragment. Where the page is does not matter: it never changes a link's host.
 */
export const leadsToHost = (url: string, host: string): boolean =>
  resolveLink(url, `http://${host}/`, { host, basePath: '/' }).kind !== 'elsewhere'

/**
 * A file extension as the last name of a path has one: letters, or letters and digits
 * (`jpg`, `mp4`, `html`). A run of digits alone is no extension: `v6.15.1` is a page.
 */
const EXTENSION = /\.[a-z0-9]*[a-z][a-z0-9]*$/i

/**
 * The output files a site path may be served from, as static hosts look them up:
 * `x/` → `x/index.html`; `x` → `x`, `x.html` or `x/index.html`; a name with an
 * extension (`photo.jpg`, `feed.xml`) as itself, or as a folder (`report.pdf/index.html`),
 * which every static host serves for it. `release/v6.15.1` has no extension (see `EXTENSION`).
 */
export function outputCandidates(sitePath: string): string[] {
  if (sitePath === '' || sitePath.endsWith('/')) return [`${sitePath}index.html`]
  if (EXTENSION.test(sitePath.slice(sitePath.lastIndexOf('/') + 1)))
    return [sitePath, `${sitePath}/index.html`]
  return [sitePath, `${sitePath}.html`, `${sitePath}/index.html`]
}

/** The output file a site path is served from, if the build writes one. */
export function findOutput(sitePath: string, outputPaths: ReadonlySet<string>): string | undefined {
  return outputCandidates(sitePath).find((candidate) => outputPaths.has(candidate))
}
