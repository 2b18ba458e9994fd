import type { Diagnostic, Position } from '../errors/diagnostic.js'
import type { RoutedArticle } from '../routes/route-site.js'
import type { QualitySite } from './quality-site.js'
import { findOutput, outputCandidates, resolveLink } from './resolve-link.js'

/** One URL an article's page refers to, with where it is written. */
interface Reference {
  /** As written. */
  url: string
  place?: Position
  /** The URL relative URLs resolve against. */
  base: string
}

const placeOf = (item: { line?: number; column?: number }): Position | undefined =>
  item.line ? { line: item.line, column: item.column ?? 1 } : undefined

function referencesOf(article: RoutedArticle, site: QualitySite): Reference[] {
  const base = site.pageUrl(article)
  return article.record.links.map((link) => ({ url: link.url, place: placeOf(link), base }))
}

const orList = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? '')

/**
 * `broken-link`: links of an article (body links and reference definitions) that lead into
 * the site but to no file the build writes. Pictures are the image stage's: it reports a
 * missing one (`image-missing`).
 * Links to other hosts, e-mail addresses and fragments are not checked, nor are fragments'
 * targets. A root-relative link outside the base path (`/x/` on a site at `/news/`) may be
 * another site on the same host, so it is reported only when the site has a page at
 * `/news/x/`, the likely meaning.
 */
export function checkBrokenLinks(article: RoutedArticle, site: QualitySite): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const report = (reference: Reference, message: string, hint: string) =>
    diagnostics.push({
      file: article.sourcePath,
      place: reference.place,
      message,
      hint,
      ruleId: 'broken-link',
      severity: 'warning',
    })
  for (const reference of referencesOf(article, site)) {
    const target = resolveLink(reference.url, reference.base, site)
    const named = `The link ${reference.url}`
    if (target.kind === 'malformed') {
      report(
        reference,
        `${named} is not a valid URL.`,
        'Check it for a stray space, bracket or % sign; write spaces as %20.',
      )
    } else if (target.kind === 'site' && !findOutput(target.sitePath, site.outputPaths)) {
      const suggestion = site.suggest(target.sitePath)
      const tried = orList(outputCandidates(target.sitePath))
      report(
        reference,
        `${named} leads nowhere: the build writes no ${tried}.`,
        suggestion
          ? `Did you mean ${site.basePath}${suggestion}? Check the date and slug in the link.`
          : 'Check the date and slug in the link against the page’s address, or remove the link.',
      )
    } else if (target.kind === 'outside') {
      const intended = target.pathname.replace(/^\/+/, '')
      if (!findOutput(intended, site.outputPaths)) continue
      report(
        reference,
        `${named} leads outside the site, which is at ${site.basePath}; the page is at ${site.basePath}${intended}.`,
        `Links in the body are not given the base path: write ${site.basePath}${intended}, or a relative link.`,
      )
    }
  }
  return diagnostics
}
