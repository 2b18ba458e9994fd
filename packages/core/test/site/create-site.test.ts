import { describe, expect, test } from 'vitest'
import type { ArticleRecord } from '../../src/content/process-source.js'
import { createSiteModel, type SiteModelOptions, toSiteArticle } from '../../src/site/create-site.js'
import { makeRecord } from '../helpers.js'

const NOW = Date.parse('2025-06-01T00:00:00+08:00')
const options: SiteModelOptions = {
  lang: 'id-ID',
  contentPrefix: 'content/',
  drafts: false,
  future: false,
  now: NOW,
  relatedCount: 4,
}
const ids = (list: { id: string }[]) => list.map((a) => a.id)

const records: ArticleRecord[] = [
  makeRecord({
    path: 'content/banjir.md',
    title: 'Banjir',
    date: '2025-05-14T08:30',
    category: 'Lingkungan',
    tags: ['Banjir', 'Samarinda'],
    author: 'Rina',
  }),
  makeRecord({
    path: 'content/taipei.md',
    title: 'Taipei',
    date: '2025-05-16',
    category: 'Pemerintahan',
    tags: ['Taiwan', 'Pendidikan'],
    author: 'DHV',
  }),
  makeRecord({
    path: 'content/guru.md',
    title: 'Guru',
    date: '2025-05-15T10:00',
    category: 'Pemerintahan',
    tags: ['Pendidikan', 'Guru'],
    author: 'Rina',
  }),
  makeRecord({
    path: 'content/draf.md',
    title: 'Draf',
    date: '2025-05-13',
    category: 'Pemerintahan',
    draft: true,
  }),
  makeRecord({ path: 'content/ikn.md', title: 'IKN', date: '2030-01-01T09:00', category: 'Pemerintahan' }),
]

describe('createSiteModel', () => {
  test('lists published articles newest first', () => {
    expect(ids(createSiteModel(records, options).articles)).toEqual(['taipei', 'guru', 'banjir'])
  })

  test('orders articles of the same instant by id, whatever order the files came in', () => {
    const same = [
      makeRecord({ path: 'content/b.md', title: 'B', date: '2025-05-16T10:00' }),
      makeRecord({ path: 'content/a.md', title: 'A', date: '2025-05-16T03:00+01:00' }),
      makeRecord({ path: 'content/c.md', title: 'C', date: '2025-05-16T10:00' }),
    ]
    expect(ids(createSiteModel(same, options).articles)).toEqual(['a', 'b', 'c'])
    expect(ids(createSiteModel([...same].reverse(), options).articles)).toEqual(['a', 'b', 'c'])
  })

  test('breaks ties by id in code-point order, not in the machine’s locale order', () => {
    const same = [
      makeRecord({ path: 'content/apel.md', title: 'apel', date: '2025-05-16' }),
      makeRecord({ path: 'content/Zebra.md', title: 'Zebra', date: '2025-05-16' }),
      makeRecord({ path: 'content/äpple.md', title: 'äpple', date: '2025-05-16' }),
    ]
    // Locale order would be apel, äpple, Zebra in English and apel, Zebra, äpple in Swedish.
    expect(ids(createSiteModel(same, options).articles)).toEqual(['Zebra', 'apel', 'äpple'])
  })

  test('leaves drafts out unless drafts are enabled', () => {
    expect(ids(createSiteModel(records, options).articles)).not.toContain('draf')
    expect(ids(createSiteModel(records, { ...options, drafts: true }).articles)).toContain('draf')
  })

  test('leaves future articles out unless future is enabled, judged against the given clock', () => {
    expect(ids(createSiteModel(records, options).articles)).not.toContain('ikn')
    expect(ids(createSiteModel(records, { ...options, future: true }).articles)[0]).toBe('ikn')
    const later = Date.parse('2030-01-01T09:00:00+08:00')
    expect(ids(createSiteModel(records, { ...options, now: later }).articles)[0]).toBe('ikn')
    expect(ids(createSiteModel(records, { ...options, now: later - 1 }).articles)).not.toContain('ikn')
  })

  test('an excluded article is in no collection and related to nothing', () => {
    const site = createSiteModel(records, options)
    const pemerintahan = site.categories.find((c) => c.term.slug === 'pemerintahan')
    expect(ids(pemerintahan?.articles ?? [])).toEqual(['taipei', 'guru'])
    for (const list of site.related.values()) expect(ids(list)).not.toContain('draf')
  })

  test('groups articles by category, tag and author, each group newest first, groups by slug', () => {
    const site = createSiteModel(records, options)
    const summary = (list: typeof site.categories) =>
      list.map((c) => [c.kind, c.term.name, c.term.slug, ids(c.articles)])
    expect(summary(site.categories)).toEqual([
      ['category', 'Lingkungan', 'lingkungan', ['banjir']],
      ['category', 'Pemerintahan', 'pemerintahan', ['taipei', 'guru']],
    ])
    expect(summary(site.tags)).toEqual([
      ['tag', 'Banjir', 'banjir', ['banjir']],
      ['tag', 'Guru', 'guru', ['guru']],
      ['tag', 'Pendidikan', 'pendidikan', ['taipei', 'guru']],
      ['tag', 'Samarinda', 'samarinda', ['banjir']],
      ['tag', 'Taiwan', 'taiwan', ['taipei']],
    ])
    expect(summary(site.authors)).toEqual([
      ['author', 'DHV', 'dhv', ['taipei']],
      ['author', 'Rina', 'rina', ['guru', 'banjir']],
    ])
  })

  test('tags that differ only in spelling count once', () => {
    const site = createSiteModel(
      [
        makeRecord({
          path: 'content/a.md',
          title: 'A',
          date: '2025-05-16',
          tags: ['Kalimantan Timur', 'kalimantan-timur', 'KALIMANTAN TIMUR'],
        }),
      ],
      options,
    )
    expect(site.articles[0]?.tags).toEqual([{ name: 'Kalimantan Timur', slug: 'kalimantan-timur' }])
    expect(site.tags).toHaveLength(1)
  })

  test('an author named both in author and authors is listed once, with the article once', () => {
    const record = makeRecord({ path: 'content/a.md', title: 'A', date: '2025-05-16', author: 'Rina' })
    record.data.authors = [{ name: 'Rina' }, { name: 'DHV' }]
    const site = createSiteModel([record], options)
    expect(site.articles[0]?.authors.map((a) => a.slug)).toEqual(['rina', 'dhv'])
    expect(site.authors.map((c) => [c.term.slug, ids(c.articles)])).toEqual([
      ['dhv', ['a']],
      ['rina', ['a']],
    ])
  })

  describe('related articles', () => {
    const pool = [
      makeRecord({
        path: 'content/a.md',
        title: 'A',
        date: '2025-05-20',
        category: 'Ekonomi',
        tags: ['Batu Bara', 'Ekspor'],
      }),
      makeRecord({
        path: 'content/two-tags.md',
        title: 'Two',
        date: '2025-05-01',
        category: 'Politik',
        tags: ['Batu Bara', 'Ekspor'],
      }),
      makeRecord({
        path: 'content/tag-and-category.md',
        title: 'Three',
        date: '2025-05-02',
        category: 'Ekonomi',
        tags: ['Ekspor'],
      }),
      makeRecord({ path: 'content/one-tag-near.md', title: 'Near', date: '2025-05-19', tags: ['Batu Bara'] }),
      makeRecord({ path: 'content/one-tag-far.md', title: 'Far', date: '2025-01-01', tags: ['Batu Bara'] }),
      makeRecord({ path: 'content/category-only.md', title: 'Cat', date: '2025-05-21', category: 'Ekonomi' }),
      makeRecord({
        path: 'content/unrelated.md',
        title: 'None',
        date: '2025-05-20',
        category: 'Olahraga',
        tags: ['Sepak Bola'],
      }),
    ]

    test('rank by shared tags (2 points each) and category (1 point), then closeness in time', () => {
      const site = createSiteModel(pool, { ...options, relatedCount: 10 })
      expect(ids(site.related.get('a') ?? [])).toEqual([
        'two-tags',
        'tag-and-category',
        'one-tag-near',
        'one-tag-far',
        'category-only',
      ])
    })

    test('never include the article itself or unrelated articles, and stop at relatedCount', () => {
      const site = createSiteModel(pool, { ...options, relatedCount: 2 })
      expect(ids(site.related.get('a') ?? [])).toEqual(['two-tags', 'tag-and-category'])
      expect(site.related.get('unrelated')).toEqual([])
    })

    test('are not computed when relatedCount is 0', () => {
      expect(createSiteModel(pool, { ...options, relatedCount: 0 }).related.size).toBe(0)
    })
  })
})

describe('toSiteArticle', () => {
  test('derives the slug from the title unless front matter gives one', () => {
    const article = toSiteArticle(
      makeRecord({ title: 'Dinas Pendidikan Kaltim: 1.000 Guru', date: '2025-05-16' }),
      options,
    )
    expect(article.slug).toBe('dinas-pendidikan-kaltim-1-000-guru')
    const given = toSiteArticle(makeRecord({ title: 'x', date: '2025-05-16', slug: 'guru-honorer' }), options)
    expect(given.slug).toBe('guru-honorer')
  })

  test('uses the site’s language and at least one minute of reading time', () => {
    const article = toSiteArticle(makeRecord({ title: 'x', date: '2025-05-16', wordCount: 3 }), options)
    expect(article.lang).toBe('id-ID')
    expect(article.readingTime).toBe(1)
    expect(
      toSiteArticle(makeRecord({ title: 'x', date: '2025-05-16', wordCount: 1000 }), options).readingTime,
    ).toBe(5)
  })

  test('gives authors slugs for their listing pages', () => {
    const article = toSiteArticle(
      makeRecord({ title: 'x', date: '2025-05-16', author: 'Rudy Mas’ud' }),
      options,
    )
    expect(article.authors).toEqual([{ name: 'Rudy Mas’ud', slug: expect.stringMatching(/^rudy-mas-?ud$/) }])
  })
})
