import { compareText } from '../util/compare-text.js'
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
  // Where each article stands in each of its terms' lists, found in one pass over the lists.
  const places = new Map<SiteArticle, { list: SiteArticle[]; at: number; points: number }[]>()
  for (const [key, list] of termLists) {
    const points = key.startsWith('tag:') ? 2 : 1
    for (const [at, article] of list.entries()) {
      const own = places.get(article) ?? []
      if (own.length === 0) places.set(article, own)
      own.push({ list, at, points })
    }
  }
  const scores = new Map<SiteArticle, number>()
  for (const article of articles) {
    scores.clear()
    for (const { list, at, points } of places.get(article) ?? []) {
      const from = Math.max(0, at - CANDIDATES_PER_TERM / 2)
      const to = Math.min(list.length, from + CANDIDATES_PER_TERM + 1)
      for (let i = from; i < to; i++) {
        const other = list[i] as SiteArticle
        if (other !== article) scores.set(other, (scores.get(other) ?? 0) + points)
      }
    }
    const time = article.published.time
    const ranked = [...scores.keys()].sort(
      (a, b) =>
        (scores.get(b) as number) - (scores.get(a) as number) ||
        Math.abs(a.published.time - time) - Math.abs(b.published.time - time) ||
        compareText(a.id, b.id),
    )
    related.set(article.id, ranked.slice(0, count))
  }
  return related
}
