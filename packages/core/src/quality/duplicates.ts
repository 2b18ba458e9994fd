import type { Diagnostic } from '../errors/diagnostic.js'
import type { RoutedArticle } from '../routes/route-site.js'
import { compareText } from '../util/compare-text.js'
import { placeOfKey, type QualitySite } from './quality-site.js'

/** Oldest first, then by path, so that the first of a group is the original. */
const byAge = (a: RoutedArticle, b: RoutedArticle) =>
  a.published.time - b.published.time || compareText(a.sourcePath, b.sourcePath)

/** Groups articles by a key; only groups of two or more, each oldest first, in the order of their originals. */
function groupsOf(articles: readonly RoutedArticle[], keyOf: (a: RoutedArticle) => string) {
  const groups = new Map<string, RoutedArticle[]>()
  for (const article of [...articles].sort(byAge)) {
    const key = keyOf(article)
    const group = groups.get(key)
    if (group) group.push(article)
    else groups.set(key, [article])
  }
  return [...groups].filter(([, group]) => group.length > 1)
}

/** Titles that differ only in case, spacing or Unicode form read as the same. */
const titleKey = (article: RoutedArticle) =>
  article.title.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase()

/**
 * `duplicate-title`: two articles with the same headline, which readers and search engines
 * cannot tell apart. Reported on each later article, naming the first.
 */
export function checkDuplicateTitles(articles: readonly RoutedArticle[]): Diagnostic[] {
  return groupsOf(articles, titleKey).flatMap(([, [first, ...later]]) =>
    later.map(
      (article): Diagnostic => ({
        file: article.sourcePath,
        place: placeOfKey(article, 'title'),
        message: `The title “${article.title}” is also the title of ${first?.sourcePath}.`,
        hint: `Give one of the two a distinct headline, e.g. with what is new in ${article.sourcePath}.`,
        ruleId: 'duplicate-title',
        severity: 'warning',
      }),
    ),
  )
}

/** The canonical URL a page declares, as the pages stage writes it, without a fragment. */
function canonicalOf(article: RoutedArticle, site: QualitySite): string {
  const own = site.pageUrl(article)
  if (!article.canonical) return own
  try {
    const url = new URL(article.canonical, `${site.origin}${site.basePath}`)
    url.hash = ''
    return url.href
  } catch {
    return article.canonical
  }
}

/**
 * `duplicate-canonical`: two articles that declare the same canonical URL, so search
 * engines index at most one of them. An article pointing its canonical at another article
 * of the site (a deliberate copy) is not reported: only groups where no article is the
 * page its canonical names, typically front matter copied with its `canonical` line.
 */
export function checkDuplicateCanonicals(
  articles: readonly RoutedArticle[],
  site: QualitySite,
): Diagnostic[] {
  const own = new Set(articles.map((article) => site.pageUrl(article)))
  return groupsOf(articles, (article) => canonicalOf(article, site))
    .filter(([canonical]) => !own.has(canonical))
    .flatMap(([canonical, [first, ...later]]) =>
      later.map(
        (article): Diagnostic => ({
          file: article.sourcePath,
          place: placeOfKey(article, 'canonical'),
          message: `The canonical URL ${canonical} is also that of ${first?.sourcePath}.`,
          hint: `Search engines index only one page per canonical URL: correct \`canonical\` in one of the two, or remove it where the article first appeared here.`,
          ruleId: 'duplicate-canonical',
          severity: 'warning',
        }),
      ),
    )
}
