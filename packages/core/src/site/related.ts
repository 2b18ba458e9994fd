import { compareText } from './compare-text.js'
import type { SiteArticle } from './types.js'

/** How many neighbours in time each shared term contributes as candidates; bounds the work on huge archives. */
const CANDIDATES_PER_TERM = 24

/**
 * Related articles: those sharing most tags (2 points each) and the category (1 point),
 * then the closest in time. Candidates come from each shared term's neighbours in time,
 * so the cost stays linear in the number of articles.
 */
export function findRelated(
  articles: readonly SiteArticle[],
  termLists: ReadonlyMap<string, SiteArticle[]>,
  count: number,
): Map<string, SiteArticle[]> {
  const related = new Map<string, SiteArticle[]>()
  if (count <= 0) return related
  const indexInList = new Map<string, Map<string, number>>()
  for (const [key, list] of termLists) indexInList.set(key, new Map(list.map((a, i) => [a.id, i])))
  for (const article of articles) {
    const scores = new Map<SiteArticle, number>()
    const keys = [
      ...article.tags.map((t) => `tag:${t.slug}`),
      ...(article.category ? [`category:${article.category.slug}`] : []),
    ]
    for (const key of keys) {
      const list = termLists.get(key) ?? []
      const at = indexInList.get(key)?.get(article.id) ?? 0
      const points = key.startsWith('tag:') ? 2 : 1
      const from = Math.max(0, at - CANDIDATES_PER_TERM / 2)
      for (const other of list.slice(from, from + CANDIDATES_PER_TERM + 1)) {
        if (other !== article) scores.set(other, (scores.get(other) ?? 0) + points)
      }
    }
    const ranked = [...scores].sort(
      ([a, sa], [b, sb]) =>
        sb - sa ||
        Math.abs(a.published.time - article.published.time) -
          Math.abs(b.published.time - article.published.time) ||
        compareText(a.id, b.id),
    )
    related.set(
      article.id,
      ranked.slice(0, count).map(([other]) => other),
    )
  }
  return related
}
