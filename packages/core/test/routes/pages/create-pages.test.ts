import { describe, expect, test, vi } from 'vitest'
import type { ResolvedConfig } from '../../../src/config/resolve-config.js'
import type { AuthorEntity } from '../../../src/content/read-authors.js'
import { createPages } from '../../../src/routes/pages/create-pages.js'
import type { Page, PagesOptions } from '../../../src/routes/pages/page.js'
import { PathRegistry, type RoutedSite, routeSite } from '../../../src/routes/route-site.js'
import { NO_IMAGES } from '../../../src/routes/site-images.js'
import { createSiteModel } from '../../../src/site/create-site.js'
import { makeRecord } from '../../helpers.js'
import { site as siteOptions } from '../../outputs/fixtures.js'

const NOW = Date.parse('2025-06-01T00:00:00+08:00')
const PATTERNS = {
  article: '/:year/:month/:day/:slug/',
  category: '/kategori/:slug/',
  tag: '/tag/:slug/',
  author: '/penulis/:slug/',
}
const FEEDS: ResolvedConfig['feeds'] = {
  enabled: true,
  limit: 20,
  content: 'full',
  tags: false,
  categories: true,
  authors: true,
}

const records = Array.from({ length: 5 }, (_, i) =>
  makeRecord({
    path: `content/berita-${i}.md`,
    title: `Berita ${i}`,
    date: `2025-05-1${i}T08:00`,
    category: i % 2 ? 'Ekonomi' : 'Pemerintahan',
    tags: ['Samarinda'],
    author: 'Rina',
  }),
)

const RINA: AuthorEntity = {
  id: 'rina',
  name: 'Rina Wati',
  role: 'Redaktur Pelaksana',
  bio: 'Meliput **anggaran** <b onclick="alert(1)">kota</b>.\n\n<script>alert(2)</script>\n\nKirim kabar: https://warta.example/kirim',
  photo: '/images/rina.jpg',
  links: [{ label: 'X', url: 'https://x.com/rinawati' }],
}

function pagesOf(
  overrides: Partial<PagesOptions> = {},
  authors?: ReadonlyMap<string, AuthorEntity>,
): { pages: Page[]; routed: RoutedSite } {
  const registry = new PathRegistry()
  const model = createSiteModel(records, {
    authors,
    lang: 'id-ID',
    contentPrefix: 'content/',
    drafts: false,
    future: false,
    now: NOW,
    relatedCount: 2,
  })
  const routed = routeSite(model, PATTERNS, registry)
  const pages = createPages(routed, registry, {
    site: siteOptions(),
    theme: {},
    strings: { 'route.page': 'halaman', 'route.archive': 'arsip', 'archive.title': 'Arsip' },
    feeds: FEEDS,
    pageSize: 2,
    pageNumbering: 'oldest-first',
    structuredData: { article: () => ['{"@type":"NewsArticle"}'], listing: () => [], home: () => ['{}'] },
    now: NOW,
    bodyOf: async (article) => ({ html: `<p>Isi ${article.title}</p>`, headings: [] }),
    images: NO_IMAGES,
    ...overrides,
  })
  return { pages, routed }
}

const byPath = (pages: Page[], path: string) => pages.find((p) => p.path === path) as Page

describe('createPages', () => {
  test('makes the home page, one page per article, paginated listings and the 404 page, in that order', () => {
    const { pages } = pagesOf()
    expect(pages.map((p) => [p.layout, p.path])).toEqual([
      ['home', '/'],
      ['article', '/2025/05/14/berita-4/'],
      ['article', '/2025/05/13/berita-3/'],
      ['article', '/2025/05/12/berita-2/'],
      ['article', '/2025/05/11/berita-1/'],
      ['article', '/2025/05/10/berita-0/'],
      ['listing', '/kategori/ekonomi/'],
      ['listing', '/kategori/pemerintahan/'],
      ['listing', '/kategori/pemerintahan/halaman/1/'],
      ['listing', '/tag/samarinda/'],
      ['listing', '/tag/samarinda/halaman/1/'],
      ['listing', '/tag/samarinda/halaman/2/'],
      ['listing', '/penulis/rina/'],
      ['listing', '/penulis/rina/halaman/1/'],
      ['listing', '/penulis/rina/halaman/2/'],
      ['listing', '/arsip/'],
      ['listing', '/arsip/halaman/1/'],
      ['listing', '/arsip/halaman/2/'],
      ['404', '/404.html'],
    ])
  })

  test('home: the newest story on top, the rest as latest; no section block repeats them', async () => {
    const context = await byPath(pagesOf().pages, '/').context()
    expect(context.page.kind).toBe('home')
    expect(context.home?.top?.title).toBe('Berita 4')
    expect(context.home?.latest.map((c) => c.title)).toEqual(['Berita 3', 'Berita 2', 'Berita 1', 'Berita 0'])
    expect(context.home?.sections).toEqual([])
    expect(context.page.meta.jsonLd).toEqual(['{}'])
  })

  test("home: section blocks take the stories the theme's plan leaves, each once, and skip empty sections", async () => {
    const theme = { frontPage: { latest: 1, sectionSize: 1 } }
    const context = await byPath(pagesOf({ theme }).pages, '/').context()
    const titles = (cards: { title: string }[] | undefined) => (cards ?? []).map((c) => c.title)
    expect(context.home?.top?.title).toBe('Berita 4')
    expect(titles(context.home?.latest)).toEqual(['Berita 3'])
    expect(context.home?.sections.map((s) => [s.section.name, titles(s.articles)])).toEqual([
      ['Pemerintahan', ['Berita 2']],
      ['Ekonomi', ['Berita 1']],
    ])
    const one = await byPath(
      pagesOf({ theme: { frontPage: { latest: 3, sections: 1 } } }).pages,
      '/',
    ).context()
    // Pemerintahan has only Berita 0 left; Ekonomi has nothing new and is left out.
    expect(one.home?.sections.map((s) => [s.section.name, titles(s.articles)])).toEqual([
      ['Pemerintahan', ['Berita 0']],
    ])
    const shown = [
      one.home?.top,
      ...(one.home?.latest ?? []),
      ...(one.home?.sections ?? []).flatMap((s) => s.articles),
    ]
    expect(new Set(shown.map((c) => c?.id)).size).toBe(shown.length)
  })

  test('article: body, canonical, breadcrumbs, Open Graph values, section feeds and related cards', async () => {
    const context = await byPath(pagesOf().pages, '/2025/05/14/berita-4/').context()
    expect(context.article?.html).toBe('<p>Isi Berita 4</p>')
    expect(context.page.meta).toMatchObject({
      title: 'Berita 4 | Kaltim News',
      canonical: 'https://kaltim.example/news/2025/05/14/berita-4/',
      ogType: 'article',
      noindex: false,
      article: { section: 'Pemerintahan', tags: ['Samarinda'] },
      jsonLd: ['{"@type":"NewsArticle"}'],
    })
    expect(context.page.breadcrumbs.map((c) => c.name)).toEqual(['Home', 'Pemerintahan', 'Berita 4'])
    expect(context.page.meta.feeds.map((f) => f.url)).toContain(
      'https://kaltim.example/news/kategori/pemerintahan/feed/rss.xml',
    )
    expect(context.related?.length).toBe(2)
  })

  test('author: the profile with the bio rendered and sanitized, its description, photo and structured data', async () => {
    const authors = new Map([['Rina', RINA]])
    const author = vi.fn((who: { name: string; jobTitle?: string }) => [JSON.stringify(who)])
    const structuredData = { article: () => [], listing: () => ['listing'], home: () => [], author }
    const { pages } = pagesOf({ structuredData }, authors)
    const context = await byPath(pages, '/penulis/rina/').context()
    const profile = context.listing?.author
    expect(profile).toMatchObject({
      name: 'Rina Wati',
      role: 'Redaktur Pelaksana',
      photo: '/news/images/rina.jpg',
      links: [{ label: 'X', url: 'https://x.com/rinawati' }],
      hasProfile: true,
      bioText: 'Meliput anggaran kota.',
    })
    expect(profile?.bioHtml).toBe(
      // <b> is kept without its event handler; the script goes with its code (its line break stays).
      '<p>Meliput <strong>anggaran</strong> <b>kota</b>.</p>\n\n<p>Kirim kabar: <a href="https://warta.example/kirim">https://warta.example/kirim</a></p>',
    )
    expect(context.page.meta.description).toBe('Meliput anggaran kota.')
    expect(context.page.meta.image).toEqual({
      url: 'https://kaltim.example/news/images/rina.jpg',
      alt: 'Rina Wati',
    })
    expect(author).toHaveBeenCalledWith(profile, context.page.breadcrumbs)
    expect(context.page.meta.jsonLd).toEqual([JSON.stringify(profile)])
    // The article page has the same profile for its byline and author box.
    const story = await byPath(pages, '/2025/05/14/berita-4/').context()
    expect(story.article?.authors).toEqual([profile])
  })

  test('author: pages that show a profile are re-rendered when it changes, others are not', () => {
    const before = pagesOf({}, new Map([['Rina', RINA]])).pages
    const after = pagesOf({}, new Map([['Rina', { ...RINA, bio: 'Meliput kota.' }]])).pages
    const changed = after.filter((p, i) => p.key !== before[i]?.key).map((p) => p.path)
    expect(changed).toEqual([
      ...before.filter((p) => p.layout === 'article').map((p) => p.path),
      '/penulis/rina/',
      '/penulis/rina/halaman/1/',
      '/penulis/rina/halaman/2/',
    ])
  })

  test('listing, numbered from the oldest: the newest on the first page, page 1 the oldest, links newest first', async () => {
    const pages = pagesOf().pages
    const shown = async (path: string) => (await byPath(pages, path).context()).listing
    expect((await shown('/tag/samarinda/'))?.articles.map((c) => c.title)).toEqual(['Berita 4', 'Berita 3'])
    expect((await shown('/tag/samarinda/halaman/2/'))?.articles.map((c) => c.title)).toEqual(['Berita 2'])
    const oldest = await byPath(pages, '/tag/samarinda/halaman/1/').context()
    expect(oldest.listing?.articles.map((c) => c.title)).toEqual(['Berita 1', 'Berita 0'])
    expect(oldest.page.meta.title).toBe('tag: Samarinda (Page 1) | Kaltim News')
    expect(oldest.listing?.pagination).toEqual({
      numbering: 'oldest-first',
      first: false,
      current: 1,
      prev: '/news/tag/samarinda/halaman/2/',
      pages: [
        { number: 0, url: '/news/tag/samarinda/', current: false },
        { number: 2, url: '/news/tag/samarinda/halaman/2/', current: false },
        { number: 1, url: '/news/tag/samarinda/halaman/1/', current: true },
      ],
    })
    expect((await shown('/tag/samarinda/'))?.pagination).toMatchObject({
      first: true,
      current: 0,
      next: '/news/tag/samarinda/halaman/2/',
    })
    expect((await shown('/tag/samarinda/halaman/2/'))?.pagination).toMatchObject({
      prev: '/news/tag/samarinda/',
      next: '/news/tag/samarinda/halaman/1/',
    })
  })

  test('listing, numbered from the newest (pageNumbering: newest-first): page 2 follows the first', async () => {
    const pages = pagesOf({ pageNumbering: 'newest-first' }).pages
    expect(pages.filter((p) => p.path.startsWith('/tag/')).map((p) => p.path)).toEqual([
      '/tag/samarinda/',
      '/tag/samarinda/halaman/2/',
      '/tag/samarinda/halaman/3/',
    ])
    const second = await byPath(pages, '/tag/samarinda/halaman/2/').context()
    expect(second.listing?.articles.map((c) => c.title)).toEqual(['Berita 2', 'Berita 1'])
    expect(second.listing?.pagination).toMatchObject({
      numbering: 'newest-first',
      first: false,
      current: 2,
      total: 3,
      prev: '/news/tag/samarinda/',
      next: '/news/tag/samarinda/halaman/3/',
    })
    expect(second.page.meta.title).toBe('tag: Samarinda (Page 2) | Kaltim News')
  })

  test('404: not indexed, lists the latest articles', async () => {
    const context = await byPath(pagesOf().pages, '/404.html').context()
    expect(context.page.meta.noindex).toBe(true)
    expect(context.home?.latest.map((c) => c.title)).toEqual([
      'Berita 4',
      'Berita 3',
      'Berita 2',
      'Berita 1',
      'Berita 0',
    ])
  })

  test('keys change with what a page shows, and only then', () => {
    const first = pagesOf().pages
    const again = pagesOf().pages
    expect(again.map((p) => p.key)).toEqual(first.map((p) => p.key))
    const retitled = pagesOf({ site: siteOptions({ title: 'Berita Baru' }) }).pages
    expect(retitled.every((p, i) => p.key !== first[i]?.key)).toBe(true)
  })

  test('a listing that takes a path already claimed gives way with a duplicate-url error', () => {
    const registry = new PathRegistry()
    registry.claim('/arsip/', 'content/arsip.md', { line: 2, column: 7 })
    const { routed } = pagesOf()
    const pages = createPages(routed, registry, {
      site: siteOptions(),
      theme: {},
      strings: { 'route.archive': 'arsip' },
      feeds: FEEDS,
      pageSize: 12,
      pageNumbering: 'oldest-first',
      structuredData: { article: () => [], listing: () => [], home: () => [] },
      now: NOW,
      bodyOf: async () => ({ html: '', headings: [] }),
      images: NO_IMAGES,
    })
    expect(pages.some((p) => p.path === '/arsip/')).toBe(false)
    expect(registry.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'duplicate-url',
        file: 'content/arsip.md',
        place: { line: 2, column: 7 },
      }),
    ])
  })
})
