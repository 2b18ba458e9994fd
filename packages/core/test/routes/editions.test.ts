import { describe, expect, test } from 'vitest'
import { linkEditions, type RoutedEdition } from '../../src/routes/editions.js'
import type { RoutedArticle, RoutedSite } from '../../src/routes/route-site.js'

const article = (path: string, translationKey?: string, sourcePath = `content${path}.md`) =>
  ({
    path,
    sourcePath,
    data: translationKey ? { translationKey } : {},
    record: { positions: { translationKey: { line: 6, column: 17 } } },
  }) as unknown as RoutedArticle

const routed = (
  articles: RoutedArticle[],
  categories: { slug: string; path: string }[] = [],
): RoutedSite => ({
  articles,
  retracted: [],
  removed: [],
  upcoming: [],
  categories: categories.map((c) => ({
    kind: 'category',
    term: { name: c.slug, slug: c.slug },
    path: c.path,
    articles: [],
  })),
  tags: [],
  authors: [],
  related: new Map(),
})

const edition = (key: string, lang: string, isDefault: boolean, site: RoutedSite): RoutedEdition => ({
  edition: {
    key,
    lang,
    label: key === 'id' ? 'Indonesia' : 'English',
    isDefault,
    site: {
      url: isDefault ? 'https://kabar.example' : `https://kabar.example/${key}`,
      basePath: isDefault ? '/' : `/${key}/`,
    },
  },
  routed: site,
  searchPath: isDefault ? '/cari/' : '/search/',
})

describe('linkEditions', () => {
  const id = routed(
    [article('/a/', 'visit'), article('/b/')],
    [{ slug: 'kaltim', path: '/kategori/kaltim/' }],
  )
  const en = routed(
    [article('/a-en/', 'visit'), article('/c/', 'only-here')],
    [{ slug: 'kaltim', path: '/category/kaltim/' }],
  )
  const { linksOf, diagnostics } = linkEditions([
    edition('id', 'id-ID', true, id),
    edition('en', 'en', false, en),
  ])

  test('gives a translated article every version, itself included, and x-default, with absolute URLs', () => {
    const expected = [
      { lang: 'id-ID', url: 'https://kabar.example/a/' },
      { lang: 'en', url: 'https://kabar.example/en/a-en/' },
      { lang: 'x-default', url: 'https://kabar.example/a/' },
    ]
    expect(linksOf('id', '/a/').alternates).toEqual(expected)
    expect(linksOf('en', '/a-en/').alternates).toEqual(expected)
    expect(linksOf('en', '/a-en/').languages).toEqual([
      { lang: 'id-ID', label: 'Indonesia', url: '/a/', translated: true },
    ])
    expect(diagnostics).toEqual([])
  })

  test('links home pages, search pages and listings of one kind and slug', () => {
    expect(linksOf('en', '/').alternates.map((a) => a.url)).toEqual([
      'https://kabar.example/',
      'https://kabar.example/en/',
      'https://kabar.example/',
    ])
    expect(linksOf('id', '/cari/').alternates[1]?.url).toBe('https://kabar.example/en/search/')
    expect(linksOf('id', '/kategori/kaltim/').alternates[1]?.url).toBe(
      'https://kabar.example/en/category/kaltim/',
    )
  })

  test('gives a page without a version elsewhere no alternates, and a switch to the other home page', () => {
    for (const [key, path] of [
      ['id', '/b/'],
      ['en', '/c/'],
    ] as const) {
      expect(linksOf(key, path).alternates).toEqual([])
      expect(linksOf(key, path).languages.map((l) => [l.url, l.translated])).toEqual([
        [key === 'id' ? '/en/' : '/', false],
      ])
    }
  })

  test('reports a second article of one edition with the same translationKey, at its key', () => {
    const twice = routed([article('/x/', 'visit'), article('/y/', 'visit')])
    const result = linkEditions([edition('id', 'id-ID', true, twice), edition('en', 'en', false, en)])
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/y/.md',
        place: { line: 6, column: 17 },
        ruleId: 'translation-key-duplicate',
        severity: 'error',
      }),
    ])
    expect(result.diagnostics[0]?.message).toContain('content/x/.md')
    // The first keeps its translation.
    expect(result.linksOf('id', '/x/').alternates).toHaveLength(3)
    expect(result.linksOf('id', '/y/').alternates).toEqual([])
  })
})
