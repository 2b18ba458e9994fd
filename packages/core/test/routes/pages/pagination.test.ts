import { describe, expect, test } from 'vitest'
import { type ListingLayout, paginateListing } from '../../../src/routes/pages/pagination.js'

const layout = (count: number, numbering: ListingLayout['numbering'] = 'oldest-first'): ListingLayout => ({
  path: '/kategori/ekonomi/',
  count,
  size: 10,
  numbering,
  pageWord: 'halaman',
  urlFor: (path) => path,
})

/** Each page as its path, the articles it shows (as their age: 0 is the oldest) and its whole view. */
const pagesOf = (count: number, numbering?: ListingLayout['numbering']) =>
  new Map(
    paginateListing(layout(count, numbering)).map((p) => {
      const ages = Array.from({ length: p.to - p.from }, (_, i) => count - 1 - (p.from + i))
      return [p.path, { ages, bytes: JSON.stringify({ ages, pagination: p.pagination }) }]
    }),
  )

describe('paginateListing, oldest-first', () => {
  test('every article is shown once: the newest ten first, then archive pages from the oldest', () => {
    const pages = pagesOf(35)
    expect([...pages.keys()]).toEqual([
      '/kategori/ekonomi/',
      '/kategori/ekonomi/halaman/1/',
      '/kategori/ekonomi/halaman/2/',
      '/kategori/ekonomi/halaman/3/',
    ])
    expect(pages.get('/kategori/ekonomi/')?.ages).toEqual([34, 33, 32, 31, 30, 29, 28, 27, 26, 25])
    expect(pages.get('/kategori/ekonomi/halaman/1/')?.ages).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0])
    expect(pages.get('/kategori/ekonomi/halaman/3/')?.ages).toEqual([24, 23, 22, 21, 20])
    const all = [...pages.values()].flatMap((p) => p.ages).sort((a, b) => a - b)
    expect(all).toEqual(Array.from({ length: 35 }, (_, i) => i))
  })

  test('publishing one article changes the first page and the newest archive page, and no full one', () => {
    for (let count = 11; count < 80; count++) {
      const before = pagesOf(count)
      const after = pagesOf(count + 1)
      const changed = [...after]
        .filter(([path, page]) => before.get(path)?.bytes !== page.bytes)
        .map(([p]) => p)
      const archivePages = Math.ceil((count - 10) / 10)
      // When the newest archive page was full, the new article's predecessor opens a new one, and
      // the two before it change their links to it.
      const opened = (count - 10) % 10 === 0
      const expected = opened
        ? ['/kategori/ekonomi/', ...[archivePages - 1, archivePages, archivePages + 1].filter((k) => k >= 1)]
        : ['/kategori/ekonomi/', archivePages]
      expect(changed, `${count} → ${count + 1}`).toEqual(
        expected.map((k) => (typeof k === 'number' ? `/kategori/ekonomi/halaman/${k}/` : k)),
      )
    }
  })

  test('the page bar: newest first, with gaps, no count', () => {
    const view = paginateListing(layout(85)).find(
      (p) => p.path === '/kategori/ekonomi/halaman/3/',
    )?.pagination
    expect(view?.total).toBeUndefined()
    expect(view?.pages.map((item) => ('gap' in item ? '…' : item.number))).toEqual([0, '…', 4, 3, 2, 1])
    const first = paginateListing(layout(85))[0]?.pagination
    expect(first?.pages.map((item) => ('gap' in item ? '…' : item.number))).toEqual([0, 8, 7, '…', 1])
  })

  test('a listing that fits on one page has no archive pages and no bar', () => {
    const pages = paginateListing(layout(7))
    expect(pages).toHaveLength(1)
    expect(pages[0]?.pagination).toMatchObject({ first: true, pages: [] })
    expect(pages[0]?.pagination.next).toBeUndefined()
  })
})

describe('paginateListing, newest-first', () => {
  test('page n holds the n-th ten newest; publishing one article changes every page', () => {
    const pages = pagesOf(35, 'newest-first')
    expect([...pages.keys()]).toEqual([
      '/kategori/ekonomi/',
      '/kategori/ekonomi/halaman/2/',
      '/kategori/ekonomi/halaman/3/',
      '/kategori/ekonomi/halaman/4/',
    ])
    expect(pages.get('/kategori/ekonomi/halaman/4/')?.ages).toEqual([4, 3, 2, 1, 0])
    const after = pagesOf(36, 'newest-first')
    expect([...after].every(([path, page]) => pages.get(path)?.bytes !== page.bytes)).toBe(true)
  })
})
