import {
  generateRedirectPage,
  generateRedirectsFile,
  PERMALINK_HISTORY_FILE,
  type Redirect,
} from '../routes/permalink-history.js'
import type { PathRegistry } from '../routes/route-site.js'
import { createUrlFor } from '../routes/to-views.js'
import { hashText } from '../util/hash.js'
import type { BuiltFile } from './built-files.js'

/**
 * A redirect page at each old URL an article has had (unless a page of this build took the URL
 * over) and, when there are any, a `_redirects` file for the hosts that read one.
 */
export function redirectFiles(
  redirects: readonly Redirect[],
  registry: PathRegistry,
  site: { url: string; basePath: string; lang: string },
): BuiltFile[] {
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
  if (claimed.length > 0) {
    const contents = generateRedirectsFile(claimed.map((r) => ({ from: urlFor(r.from), to: urlFor(r.to) })))
    files.push({ path: '_redirects', key: hashText(contents), contents })
  }
  return files
}
