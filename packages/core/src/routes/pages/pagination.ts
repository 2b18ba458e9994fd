import type { PageNumbering } from '../../config/types.js'
import type { PaginationItem, PaginationView } from '../views.js'

/** One page of a listing: its path, which of the listing's articles it shows, and its links. */
export interface ListingPage {
  path: string
  /** The page's number as its title gives it; 0 for an `oldest-first` listing's first page. */
  number: number
  /** Indexes into the listing's articles (newest first): from, up to but not including to. */
  from: number
  to: number
  pagination: PaginationView
}

/** Where a listing is and how it is split. */
export interface ListingLayout {
  /** The listing's own path: its first page. */
  path: string
  count: number
  size: number
  numbering: PageNumbering
  /** The word in the URLs of pages past the first (`/kategori/x/halaman/2/`). */
  pageWord: string
  urlFor: (path: string) => string
}

/**
 * Splits a listing (newest first) into pages. `newest-first`: page n holds the n-th `size`
 * newest articles. `oldest-first`: the first page holds the newest `size`, and the rest fill
 * archive pages numbered from the oldest, so that a full archive page, its links included,
 * keeps its bytes as articles are published.
 */
export function paginateListing(layout: ListingLayout): ListingPage[] {
  return layout.numbering === 'newest-first' ? newestFirst(layout) : oldestFirst(layout)
}

const numberedPath = (layout: ListingLayout, n: number) => `${layout.path}${layout.pageWord}/${n}/`

function newestFirst(layout: ListingLayout): ListingPage[] {
  const { count, size, urlFor } = layout
  const total = Math.max(1, Math.ceil(count / size))
  const pathOf = (n: number) => (n === 1 ? layout.path : numberedPath(layout, n))
  return Array.from({ length: total }, (_, i) => {
    const n = i + 1
    return {
      path: pathOf(n),
      number: n,
      from: i * size,
      to: Math.min(count, n * size),
      pagination: {
        numbering: 'newest-first',
        first: n === 1,
        current: n,
        total,
        prev: n > 1 ? urlFor(pathOf(n - 1)) : undefined,
        next: n < total ? urlFor(pathOf(n + 1)) : undefined,
        pages: Array.from({ length: total }, (_, j) => ({
          number: j + 1,
          url: urlFor(pathOf(j + 1)),
          current: j + 1 === n,
        })),
      },
    }
  })
}

function oldestFirst(layout: ListingLayout): ListingPage[] {
  const { count, size, urlFor } = layout
  const rest = Math.max(0, count - size)
  const archivePages = Math.ceil(rest / size)
  // Page 0 is the listing's first page; k ≥ 1 is the archive page `…/halaman/k/`.
  const pathOf = (k: number) => (k === 0 ? layout.path : numberedPath(layout, k))
  const newerOf = (k: number) => (k === archivePages ? 0 : k + 1)
  const bar = (current: number): PaginationItem[] => {
    const wanted =
      current === 0 ? [0, archivePages, archivePages - 1, 1] : [0, current + 1, current, current - 1, 1]
    const shown = wanted.filter((k, i) => k >= 0 && k <= archivePages && wanted.indexOf(k) === i)
    const items: PaginationItem[] = []
    shown.forEach((k, i) => {
      // Newest first: a gap unless k is the next older page of the one shown before it.
      const before = shown[i - 1]
      if (before !== undefined && newerOf(k) !== before) items.push({ gap: true })
      items.push({ number: k, url: urlFor(pathOf(k)), current: k === current })
    })
    return items
  }
  return Array.from({ length: archivePages + 1 }, (_, k) => ({
    path: pathOf(k),
    number: k,
    // Archive page k holds the (k-1)·size-th to k·size-th oldest articles of those past the first page.
    from: k === 0 ? 0 : count - Math.min(k * size, rest),
    to: k === 0 ? Math.min(count, size) : count - (k - 1) * size,
    pagination: {
      numbering: 'oldest-first',
      first: k === 0,
      current: k,
      prev: k === 0 ? undefined : urlFor(pathOf(newerOf(k))),
      next:
        k === 0
          ? archivePages > 0
            ? urlFor(pathOf(archivePages))
            : undefined
          : k > 1
            ? urlFor(pathOf(k - 1))
            : undefined,
      pages: archivePages > 0 ? bar(k) : [],
    },
  }))
}
