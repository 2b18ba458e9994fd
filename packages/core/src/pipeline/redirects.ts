import {
  generateHeadersFile,
  generateRedirectPage,
  generateRedirectsFile,
  type HostRule,
  PERMALINK_HISTORY_FILE,
  type Redirect,
} from '../routes/permalink-history.js'
import type { PathRegistry } from '../routes/route-site.js'
import { createUrlFor } from '../routes/to-views.js'
import { compareText } from '../util/compare-text.js'
import { hashText } from '../util/hash.js'
import type { BuiltFile } from './built-files.js'

/**
 * A redirect page at each old URL an article has had (unless a page of this build took the URL
 * over) and, when there are any, a `_redirects` file for the hosts that read one. Removed
 * articles' URLs, old and current (`gone`, site paths), are answered "410 Gone" with their
 * stub instead, and listed in `_headers` as `noindex`; `gone` returns those rules, for the nginx
 * snippet written beside the output.
 */
export function redirectFiles(
  redirects: readonly Redirect[],
  gone: readonly string[],
  registry: PathRegistry,
  site: { url: string; basePath: string; lang: string },
): { files: BuiltFile[]; gone: HostRule[] } {
  const goneTo = new Set(gone)
  const urlFor = createUrlFor(site.basePath)
  const urlOf = (sitePath: string) => new URL(urlFor(sitePath), `${site.url}/`).href
  const claimed = redirects.flatMap((r) => {
    const outputPath = registry.claim(
      r.from,
      `${r.source} (an earlier URL, from ${PERMALINK_HISTORY_FILE})`,
      undefined,
      { quiet: true },
    )
    return outputPath ? [{ ...r, outputPath }] : []
  })
  const files: BuiltFile[] = claimed.map((redirect) => {
    const contents = generateRedirectPage(urlOf(redirect.to), site.lang)
    return { path: redirect.outputPath, key: hashText(contents), contents }
  })
  const rules: HostRule[] = [
    ...gone.map((path): HostRule => ({ from: urlFor(path), to: urlFor(path), status: 410 })),
    ...claimed.map(
      (r): HostRule =>
        goneTo.has(r.to)
          ? { from: urlFor(r.from), to: urlFor(r.to), status: 410 }
          : { from: urlFor(r.from), to: urlFor(r.to), status: 301 },
    ),
  ].sort((a, b) => compareText(a.from, b.from))
  // Claimed, so that a `_redirects` or `_headers` of the site's own in public/ is a named collision.
  const claim = (file: string) => registry.claim(`/${file}`, `Warta's ${file} (moved and removed articles)`)
  if (rules.length > 0 && claim('_redirects')) {
    const contents = generateRedirectsFile(rules)
    files.push({ path: '_redirects', key: hashText(contents), contents })
  }
  const goneFrom = rules.filter((r) => r.status === 410).map((r) => r.from)
  if (goneFrom.length > 0 && claim('_headers')) {
    const contents = generateHeadersFile(goneFrom)
    files.push({ path: '_headers', key: hashText(contents), contents })
  }
  return { files, gone: rules.filter((r) => r.status === 410) }
}
