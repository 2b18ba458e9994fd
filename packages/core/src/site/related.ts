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
  // Articles by number, so that scores live in a typed array instead of a map per article:
  // this runs for every article of every build that changes the set of articles.
  const numberOf = new Map<SiteArticle, number>()
  const byNumber: SiteArticle[] = []
  const numbered = (article: SiteArticle) => {
    let n = numberOf.get(article)
    if (n === undefined) {
      n = byNumber.push(article) - 1
      numberOf.set(article, n)
    }
    return n
  }
  for (const article of articles) numbered(article)
  // Where each article stands in each of its terms' lists, found in one pass over the lists.
  const places = new Map<number, { list: number[]; at: number; points: number }[]>()
  for (const [key, list] of termLists) {
    const points = key.startsWith('tag:') ? 2 : 1
    const numbers = list.map(numbered)
    for (const [at, n] of numbers.entries()) {
      const own = places.get(n) ?? []
      if (own.length === 0) places.set(n, own)
      own.push({ list: numbers, at, points })
    }
  }
  const scores = new Int32Array(byNumber.length)
  const touched: number[] = []
  const top: number[] = []
  for (const article of articles) {
    const self = numberOf.get(article) as number
    touched.length = 0
    for (const { list, at, points } of places.get(self) ?? []) {
      const from = Math.max(0, at - CANDIDATES_PER_TERM / 2)
      const to = Math.min(list.length, from + CANDIDATES_PER_TERM + 1)
      for (let i = from; i < to; i++) {
        const other = list[i] as number
        if (other === self) continue
        if (scores[other] === 0) touched.push(other)
        scores[other] = (scores[other] as number) + points
      }
    }
    const time = article.published.time
    // Most points, then closest in time, then by id; among equals, the first met (a stable sort's order).
    const before = (a: number, b: number) => {
      const x = byNumber[a] as SiteArticle
      const y = byNumber[b] as SiteArticle
      return (
        (scores[b] as number) - (scores[a] as number) ||
        Math.abs(x.published.time - time) - Math.abs(y.published.time - time) ||
        compareText(x.id, y.id)
      )
    }
    // The best `count` of the candidates, kept in order as they come.
    top.length = 0
    for (const candidate of touched) {
      if (top.length === count && before(candidate, top[count - 1] as number) >= 0) continue
      let i = top.length === count ? count - 1 : top.length
      while (i > 0 && before(candidate, top[i - 1] as number) < 0) {
        top[i] = top[i - 1] as number
        i--
      }
      top[i] = candidate
    }
    related.set(
      article.id,
      top.map((n) => byNumber[n] as SiteArticle),
    )
    for (const n of touched) scores[n] = 0
  }
  return related
}
