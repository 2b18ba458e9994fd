import type { Diagnostic, Position } from '../errors/diagnostic.js'
import type { RoutedArticle } from '../routes/route-site.js'
import { placeOfKey, type QualitySite } from './quality-site.js'
import { findOutput, outputCandidates, resolveLink } from './resolve-link.js'

/** One URL an article's page refers to, with where it is written. */
interface Reference {
  /** As written. */
  url: string
  /** As the page links it, when that differs from what is written. */
  linked?: string
  what: 'link' | 'image' | 'lead image'
  place?: Position
  /** The URL relative URLs resolve against. */
  base: string
}

const placeOf = (item: { line?: number; column?: number }): Position | undefined =>
  item.line ? { line: item.line, column: item.column ?? 1 } : undefined

function referencesOf(article: RoutedArticle, site: QualitySite): Reference[] {
  const page = site.pageUrl(article)
  const references: Reference[] = [
    ...(article.record.links ?? []).map((link) => ({
      url: link.url,
      what: 'link' as const,
      place: placeOf(link),
      base: page,
    })),
    ...(article.record.images ?? []).map((image) => ({
      url: image.url,
      what: 'image' as const,
      place: placeOf(image),
      base: page,
    })),
  ]
  const lead = article.image?.src
  if (lead) {
    // Templates put a lead image without a scheme under the base path, as `/images/x.jpg` → `/news/images/x.jpg`.
    references.push({
      url: lead,
      linked: /^[a-z][a-z0-9+.-]*:/i.test(lead) ? lead : lead.replace(/^\/+/, ''),
      what: 'lead image',
      place: placeOfKey(article, 'image'),
      base: site.origin + site.basePath,
    })
  }
  return references
}

const orList = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? '')

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * `broken-link`: links and images of an article (body links, reference definitions, body
 * images and the lead image) that lead into the site but to no file the build writes.
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
    const target = resolveLink(reference.linked ?? reference.url, reference.base, site)
    const named = `The ${reference.what} ${reference.url}`
    if (target.kind === 'malformed') {
      report(
        reference,
        `${named} is not a valid URL.`,
        'Check it for a stray space, bracket or % sign; write spaces as %20.',
      )
    } else if (target.kind === 'site' && !findOutput(target.sitePath, site.outputPaths)) {
      const suggestion = reference.what === 'link' ? site.suggest(target.sitePath) : undefined
      // An image is a file: its folder-of-that-name candidate would only confuse the message.
      const candidates = outputCandidates(target.sitePath)
      const tried = reference.what === 'link' ? orList(candidates) : candidates[0]
      report(
        reference,
        reference.what === 'link'
          ? `${named} leads nowhere: the build writes no ${tried}.`
          : `${named} is not in the site: the build writes no ${tried}.`,
        suggestion
          ? `Did you mean ${site.basePath}${suggestion}? Check the date and slug in the link.`
          : reference.what === 'link'
            ? 'Check the date and slug in the link against the page’s address, or remove the link.'
            : `Put the file in the site’s public/ folder (public/${target.sitePath}), or correct the path.`,
      )
    } else if (target.kind === 'outside') {
      const intended = target.pathname.replace(/^\/+/, '')
      if (reference.what === 'lead image' || !findOutput(intended, site.outputPaths)) continue
      report(
        reference,
        `${named} leads outside the site, which is at ${site.basePath}; the page is at ${site.basePath}${intended}.`,
        `${capitalized(reference.what)}s in the body are not given the base path: write ${site.basePath}${intended}, or a relative link.`,
      )
    }
  }
  return diagnostics
}
