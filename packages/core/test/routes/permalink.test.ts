import { describe, expect, test } from 'vitest'
import { articlePermalink, paginatedPath, termPermalink } from '../../src/routes/permalink.js'
import { toSiteArticle } from '../../src/site/create-site.js'
import type { SiteArticle } from '../../src/site/types.js'
import { makeRecord, type RecordInput } from '../helpers.js'

const article = (input: Partial<RecordInput> = {}): SiteArticle =>
  toSiteArticle(
    makeRecord({
      path: 'content/2025/05/taipei.md',
      title: 'Taipei Tawarkan Kerja Sama',
      date: '2025-05-16T09:00',
      category: 'Pemerintahan Daerah',
      ...input,
    }),
    { lang: 'id-ID', contentPrefix: 'content/' },
  )

describe('articlePermalink', () => {
  test('fills the default pattern with the date and the slug of the title', () => {
    expect(articlePermalink('/:year/:month/:day/:slug/', article())).toBe(
      '/2025/05/16/taipei-tawarkan-kerja-sama/',
    )
  })

  test('takes the date parts in the site’s zone, not UTC', () => {
    // 00:30 on 16 May in Makassar is still 15 May in UTC; 23:30 UTC on the 15th is the 16th there.
    expect(articlePermalink('/:year/:month/:day/:slug/', article({ date: '2025-05-16T00:30' }))).toBe(
      '/2025/05/16/taipei-tawarkan-kerja-sama/',
    )
    expect(
      articlePermalink(
        '/:year/:month/:day/:slug/',
        article({ date: '2025-05-15T23:30:00Z', timezone: 'Asia/Makassar' }),
      ),
    ).toBe('/2025/05/16/taipei-tawarkan-kerja-sama/')
  })

  test('uses the front matter slug as written', () => {
    expect(articlePermalink('/:year/:slug/', article({ slug: 'kerja-sama-taipei' }))).toBe(
      '/2025/kerja-sama-taipei/',
    )
  })

  test('fills :category with the category’s slug, or "uncategorized"', () => {
    expect(articlePermalink('/:category/:slug/', article())).toBe(
      '/pemerintahan-daerah/taipei-tawarkan-kerja-sama/',
    )
    expect(articlePermalink('/:category/:slug/', article({ category: undefined }))).toBe(
      '/uncategorized/taipei-tawarkan-kerja-sama/',
    )
  })

  test('fills :id with the source path below the content folder, or the front matter id', () => {
    expect(articlePermalink('/berita/:id/', article())).toBe('/berita/2025/05/taipei/')
    expect(articlePermalink('/berita/:id/', article({ id: '12345' }))).toBe('/berita/12345/')
  })

  test('adds the slashes a pattern leaves out', () => {
    expect(articlePermalink(':year/:slug', article())).toBe('/2025/taipei-tawarkan-kerja-sama/')
  })

  test('keeps a pattern that names a file', () => {
    expect(articlePermalink('/:year/:slug.html', article())).toBe('/2025/taipei-tawarkan-kerja-sama.html')
  })

  test('leaves unknown names as written, even those of Object’s own properties', () => {
    expect(articlePermalink('/:year/:nope/:constructor/', article())).toBe('/2025/:nope/:constructor/')
  })
})

describe('termPermalink', () => {
  test('fills :slug', () => {
    expect(
      termPermalink('/kategori/:slug/', { name: 'Pemerintahan Daerah', slug: 'pemerintahan-daerah' }),
    ).toBe('/kategori/pemerintahan-daerah/')
  })

  test('adds a missing trailing slash', () => {
    expect(termPermalink('/topik/:slug', { name: 'Banjir', slug: 'banjir' })).toBe('/topik/banjir/')
  })
})

describe('paginatedPath', () => {
  test('page 1 is the listing itself; later pages go below it', () => {
    expect(paginatedPath('/kategori/banjir/', 1, 'halaman')).toBe('/kategori/banjir/')
    expect(paginatedPath('/kategori/banjir/', 2, 'halaman')).toBe('/kategori/banjir/halaman/2/')
  })
})
