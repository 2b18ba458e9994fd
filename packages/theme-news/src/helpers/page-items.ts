/** One entry of a pagination bar: a page link, or a gap (`…`) between page numbers. */
export type PageItem = { number: number; url: string; current: boolean; gap?: false } | { gap: true }

interface Pagination {
  numbering?: 'oldest-first' | 'newest-first'
  current: number
  total?: number
  pages: PageItem[]
}

/**
 * The page links worth showing: first, last, and the current page with its neighbours,
 * with gaps between them, so a 300-page archive gets a short bar. Listings numbered from the
 * oldest come with their bar made (one that stays put as the listing grows).
 */
export function pageItems(pagination: Pagination | undefined, around = 1): PageItem[] {
  if (!pagination || !Array.isArray(pagination.pages)) return []
  if (pagination.numbering === 'oldest-first') return pagination.pages
  const { current, total } = pagination
  const items: PageItem[] = []
  let last = 0
  for (const page of pagination.pages) {
    if (page.gap) continue
    const n = page.number
    if (n !== 1 && n !== total && Math.abs(n - current) > around) continue
    if (n - last > 1) items.push({ gap: true })
    items.push({ number: n, url: page.url, current: page.current })
    last = n
  }
  return items
}
