// Unit tests of the news theme's helpers, and an escaping check that renders the theme's
// real templates with hostile text in every field a writer controls.
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { HelperContext, PageContext } from '../../packages/core/src/index.js'
import { createHelpers } from '../../packages/theme-news/src/helpers/index.js'
import { newsTheme } from '../../packages/theme-news/src/index.js'
import { repoRoot } from './example-site.js'

const theme = newsTheme()
const strings = { ...theme.strings.en, ...theme.strings.id }

function context(overrides: Partial<HelperContext['site']> = {}): HelperContext {
  return {
    site: {
      title: 'Warta Kaltim',
      url: 'https://kaltim.example/news',
      description: '',
      lang: 'id-ID',
      timezone: 'Asia/Makassar',
      basePath: '/news/',
      publisher: { name: 'Warta Kaltim' },
      footerLinks: [],
      colors: {},
      copyright: 'Warta Kaltim',
      ...overrides,
    },
    strings,
    url: (p) => (/^[a-z][a-z0-9+.-]*:/i.test(p) ? p : `/news/${p.replace(/^\/+/, '')}`),
    asset: (name) => `/news/assets/${name}`,
  }
}

type Helper = (...args: unknown[]) => unknown
const helpers = createHelpers(context(), { now: Date.UTC(2025, 4, 16, 6, 30) }) as unknown as Record<
  string,
  Helper
>
const call = (name: string, ...args: unknown[]) => {
  const helper = helpers[name]
  if (!helper) throw new Error(`no helper ${name}`)
  return helper(...args, { hash: {}, data: { root: {} } })
}
// 2025-05-16 14:30 WITA
const date = { iso: '2025-05-16T14:30:00+08:00', time: Date.UTC(2025, 4, 16, 6, 30), hasTime: true }
const dateOnly = { iso: '2025-05-16T00:00:00+08:00', time: Date.UTC(2025, 4, 15, 16, 0), hasTime: false }

describe('newsTheme', () => {
  it('points at the package folder and fills option defaults', () => {
    for (const folder of [
      'layouts/base.hbs',
      'layouts/article.hbs',
      'partials/head.hbs',
      'assets/style.css',
      'i18n/id.json',
    ]) {
      expect(existsSync(path.join(theme.dir, folder)), folder).toBe(true)
    }
    expect(theme.name).toBe('@warta/theme-news')
    expect(theme.options).toMatchObject({
      share: ['whatsapp', 'facebook', 'x', 'telegram', 'linkedin', 'email'],
      homeSections: 6,
      copyLink: true,
    })
    expect(newsTheme({ share: ['email'], homeSections: 2 }).options).toMatchObject({
      share: ['email'],
      homeSections: 2,
    })
  })
  it('keeps its one stylesheet small: under 20 KiB, 5 KiB compressed', async () => {
    const css = await readFile(path.join(theme.dir, 'assets/style.css'))
    expect(css.byteLength).toBeLessThan(20 * 1024)
    expect(gzipSync(css).byteLength).toBeLessThan(5 * 1024)
  })
  it('refuses a share network it does not know', () => {
    expect(() => newsTheme({ share: ['myspace' as never] })).toThrow(/unknown share network "myspace"/)
  })
  it('dates the masthead from site.today when core gives it, else from the build clock', () => {
    expect(call('today', 'long')).toBe('Jumat, 16 Mei 2025')
    const today = { iso: '2025-08-17T09:00:00+08:00', time: Date.UTC(2025, 7, 17, 1), hasTime: true }
    expect(helpers.today?.('long', { hash: {}, data: { root: { site: { today } } } })).toBe(
      'Minggu, 17 Agustus 2025',
    )
  })
})

describe('formatDate', () => {
  it('writes Indonesian dates in the site time zone', () => {
    expect(call('formatDate', date, 'long')).toBe('Jumat, 16 Mei 2025')
    expect(call('formatDate', date, 'short')).toBe('16 Mei 2025')
    expect(call('formatDate', date, 'time')).toBe('14.30 WITA')
    expect(call('formatDate', date, 'datetime')).toBe('Jumat, 16 Mei 2025, 14.30 WITA')
  })
  it('shows no time of day for date-only values', () => {
    expect(call('formatDate', dateOnly, 'datetime')).toBe('Jumat, 16 Mei 2025')
    expect(call('formatDate', dateOnly, 'time')).toBe('')
  })
  it('follows the site language and zone', () => {
    const en = createHelpers(context({ lang: 'en-GB', timezone: 'Asia/Jakarta' })) as unknown as Record<
      string,
      Helper
    >
    expect(en.formatDate?.(date, 'long', { hash: {} })).toMatch(/^Friday,? 16 May 2025$/)
    expect(en.formatDate?.(date, 'time', { hash: {} })).toBe('13:30 GMT+7')
  })
})

describe('t and readingTime', () => {
  it('fills placeholders and falls back to the key', () => {
    expect(helpers.t?.('pagination.of', { hash: { current: 2, total: 5 } })).toBe('Halaman 2 dari 5')
    expect(helpers.t?.('no.such.key', { hash: {} })).toBe('no.such.key')
    expect(call('readingTime', { readingTime: 4 })).toBe('4 menit baca')
    expect(call('readingTime', 0)).toBe('1 menit baca')
  })
  it('has the same keys in every language, including the route words core reads', () => {
    expect(Object.keys(theme.strings.id ?? {}).sort()).toEqual(Object.keys(theme.strings.en ?? {}).sort())
    expect(theme.strings.id).toMatchObject({
      'route.category': 'kategori',
      'route.author': 'penulis',
      'route.page': 'halaman',
      'route.archive': 'arsip',
      'route.tag': 'tag',
    })
    expect(theme.strings.en).toMatchObject({
      'route.category': 'category',
      'route.author': 'author',
      'route.page': 'page',
      'route.archive': 'archive',
    })
  })
})

describe('shareUrl', () => {
  const article = { url: '/news/2025/05/16/banjir-rob/', title: 'Banjir & rob: "air naik" 50%' }
  it('encodes the absolute article URL and title for each network', () => {
    const url = encodeURIComponent('https://kaltim.example/news/2025/05/16/banjir-rob/')
    const title = encodeURIComponent(article.title)
    expect(call('shareUrl', 'whatsapp', article)).toBe(`https://wa.me/?text=${title}%20${url}`)
    expect(call('shareUrl', 'facebook', article)).toBe(`https://www.facebook.com/sharer/sharer.php?u=${url}`)
    expect(call('shareUrl', 'x', article)).toBe(`https://x.com/intent/post?text=${title}&url=${url}`)
    expect(call('shareUrl', 'telegram', article)).toBe(`https://t.me/share/url?url=${url}&text=${title}`)
    expect(call('shareUrl', 'linkedin', article)).toBe(
      `https://www.linkedin.com/sharing/share-offsite/?url=${url}`,
    )
    expect(call('shareUrl', 'email', article)).toMatch(/^mailto:\?subject=Banjir%20%26%20rob/)
    expect(call('shareUrl', 'myspace', article)).toBe('')
  })
})

describe('view helpers', () => {
  const withRoot = (name: string, root: unknown, ...args: unknown[]) =>
    helpers[name]?.(...args, { hash: {}, data: { root } })
  const card = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    title: `Berita ${id}`,
    url: `/news/${id}/`,
    excerpt: 'Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh. '.repeat(8),
    published: date,
    modified: date,
    authors: [{ name: 'DHV', slug: 'dhv', url: '/news/penulis/dhv/' }],
    category: { name: 'Ekonomi', slug: 'ekonomi', url: '/news/kategori/ekonomi/' },
    image: { src: '/a.jpg', alt: 'a' },
    readingTime: 3,
    ...extra,
  })
  const root = { theme: theme.options, page: { kind: 'home', url: '/news/' } }

  it('lays a card out by its size', () => {
    const lead = withRoot('cardLayout', root, { ...card('a'), size: 'lead' }) as Record<string, unknown>
    expect(lead).toMatchObject({
      showImage: true,
      showSection: true,
      showAuthor: true,
      showReadingTime: true,
    })
    expect(String(lead.teaser).length).toBeLessThanOrEqual(241)
    const compact = withRoot('cardLayout', root, {
      ...card('b'),
      size: 'compact',
      hideSection: true,
      time: true,
    })
    expect(compact).toMatchObject({
      showImage: false,
      showSection: false,
      teaser: '',
      showAuthor: false,
      dateStyle: 'short-datetime',
      showReadingTime: false,
    })
    const noPictures = { ...root, theme: { ...theme.options, cardImages: false } }
    expect(withRoot('cardLayout', noPictures, { ...card('c'), size: 'standard' })).toMatchObject({
      showImage: false,
      dateStyle: 'short',
    })
  })

  it('splits the home view into lead, cards and list by the theme counts, and tells core its plan', () => {
    const latest = Array.from({ length: 10 }, (_, i) => card(`l${i}`))
    const sections = Array.from({ length: 8 }, (_, i) => ({
      section: { name: `S${i}`, slug: `s${i}`, url: `/s${i}/` },
      articles: Array.from({ length: 6 }, (_, j) => card(`s${i}-${j}`)),
    }))
    const front = withRoot('frontPage', root, { top: card('top'), latest, sections }) as {
      lead: { id: string }
      secondary: { id: string }[]
      latest: { id: string }[]
      sections: { stories: unknown[] }[]
    }
    expect(front.lead.id).toBe('top')
    expect(front.secondary.map((c) => c.id)).toEqual(['l0', 'l1'])
    expect(front.latest.map((c) => c.id)).toEqual(['l2', 'l3', 'l4', 'l5', 'l6', 'l7'])
    expect(front.sections.map((s) => s.stories.length)).toEqual([6, 6, 6, 6, 6, 6, 6, 6])
    expect(theme.frontPage).toEqual({ latest: 8, sections: 6, sectionSize: 4 })
    expect(newsTheme({ secondaryCount: 0, latestCount: 3, homeSections: 2 }).frontPage).toMatchObject({
      latest: 3,
      sections: 2,
    })
  })

  it('tells templates where the page is', () => {
    const block = (kinds: string, pageRoot: unknown) =>
      helpers.is?.call({}, kinds, {
        hash: {},
        data: { root: pageRoot },
        fn: () => 'yes',
        inverse: () => 'no',
      })
    expect(block('home', root)).toBe('yes')
    expect(block('tag, category', { page: { kind: 'category' } })).toBe('yes')
    expect(block('article', root)).toBe('no')
    expect(withRoot('is', { page: { kind: 'tag' } }, 'tag')).toBe(true)
    const listing = { listing: { url: '/news/kategori/ekonomi/', pagination: { current: 1 } } }
    expect(withRoot('isCurrentListing', listing, '/news/kategori/ekonomi/')).toBe(true)
    expect(withRoot('isCurrentListing', root, '/news/kategori/ekonomi/')).toBe(false)
    expect(withRoot('isArticleSection', { article: card('a') }, 'ekonomi')).toBe(true)
    expect(withRoot('isArticleSection', listing, undefined)).toBe(false)
    expect(withRoot('isSiteLanguage', { site: { lang: 'id-ID' } }, 'id-ID')).toBe(true)
    expect(withRoot('isSiteLanguage', { site: { lang: 'id-ID' } }, 'en')).toBe(false)
    expect(withRoot('isCurrentPage', { page: { url: '/news/a/' } }, 'https://kaltim.example/news/a/')).toBe(
      true,
    )
    expect(call('isPaged', { total: 2 })).toBe(true)
    expect(call('isPaged', { total: 1 })).toBe(false)
    // A listing numbered from the oldest has a bar but no count.
    const bar = [{ number: 0 }, { number: 2 }, { number: 1 }]
    expect(call('isPaged', { numbering: 'oldest-first', current: 2, pages: bar })).toBe(true)
    expect(call('isPaged', { numbering: 'oldest-first', current: 0, pages: [] })).toBe(false)
    const lead = (first: boolean, firstPage: boolean) =>
      helpers.isListingLead?.({
        hash: {},
        data: { first, root: { listing: { pagination: { first: firstPage } } } },
      })
    expect([lead(true, true), lead(false, true), lead(true, false)]).toEqual([true, false, false])
    // On an author's page the profile leads.
    const staffPage = { listing: { pagination: { first: true }, author: { name: 'Rina' } } }
    expect(helpers.isListingLead?.({ hash: {}, data: { first: true, root: staffPage } })).toBe(false)
  })

  it('lists the share links the theme options ask for, and the archive', () => {
    const links = withRoot('shareLinks', { theme: { share: ['email', 'myspace', 'x'] } }, card('a')) as {
      network: string
      label: string
      icon: string
    }[]
    expect(links.map((l) => [l.network, l.label, l.icon])).toEqual([
      ['email', 'Surel', 'icons/email'],
      ['x', 'X', 'icons/x'],
    ])
    expect(call('archiveUrl')).toBe('/news/arsip/')
    const entries = Array.from({ length: 9 }, (_, i) => ({ id: `e${i}` }))
    expect((call('liveHighlights', entries) as unknown[]).length).toBe(5)
  })
})

describe('text helpers', () => {
  it('shortens at a word boundary', () => {
    expect(call('excerpt', 'Satu dua tiga empat lima enam tujuh', 20)).toBe('Satu dua tiga empat…')
    expect(call('excerpt', 'Pendek', 20)).toBe('Pendek')
  })
  it('puts an escaped dateline into the first paragraph', () => {
    const html = String(
      call('withDateline', {
        html: '<figure>x</figure><p class="a">Isi.</p><p>Dua.</p>',
        dateline: 'Samarinda <b>',
        lang: 'id-ID',
      }),
    )
    expect(html).toBe(
      '<figure>x</figure><p class="a"><span class="dateline">SAMARINDA &lt;B&gt; —</span> Isi.</p><p>Dua.</p>',
    )
  })
  it('writes only safe custom properties', () => {
    const css = String(
      call('cssVars', [
        { name: '--accent', value: '#0a5' },
        { name: 'ink', value: 'rgb(0 0 0)' },
        { name: '--x', value: 'red}</style><script>alert(1)</script>' },
        { name: '--y;color', value: 'red' },
      ]),
    )
    expect(css).toBe('--accent:#0a5;--ink:rgb(0 0 0)')
  })
  it('keeps a short pagination bar for long listings', () => {
    const pages = Array.from({ length: 30 }, (_, i) => ({
      number: i + 1,
      url: `/p/${i + 1}/`,
      current: i === 14,
    }))
    const items = call('pageItems', { current: 15, total: 30, pages }) as { number?: number; gap?: boolean }[]
    expect(items.map((i) => (i.gap ? '…' : i.number))).toEqual([1, '…', 14, 15, 16, '…', 30])
  })
  it('shows the bar of a listing numbered from the oldest as it comes', () => {
    const pages = [
      { number: 0, url: '/k/', current: false },
      { gap: true },
      { number: 4, url: '/k/halaman/4/', current: false },
      { number: 3, url: '/k/halaman/3/', current: true },
    ]
    expect(call('pageItems', { numbering: 'oldest-first', current: 3, pages })).toEqual(pages)
  })
})

describe('templates escape what writers control', () => {
  it('renders hostile text escaped everywhere', async () => {
    const Handlebars = createRequire(path.join(repoRoot, 'packages/core/package.json'))(
      'handlebars',
    ) as typeof import('handlebars')
    const env = Handlebars.create()
    const read = async (folder: string) => {
      const dir = path.join(theme.dir, folder)
      const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.hbs'))
      return new Map(
        await Promise.all(
          files.map(
            async (f) => [f.replace(/\.hbs$/, ''), await readFile(path.join(dir, f), 'utf8')] as const,
          ),
        ),
      )
    }
    for (const [name, source] of await read('partials')) env.registerPartial(name, source)
    env.registerHelper(createHelpers(context()))
    const layouts = await read('layouts')
    const evil = '<script>alert(1)</script>"\'><img src=x onerror=alert(2)>'
    const term = { name: evil, slug: 'x', url: '/news/kategori/x/' }
    const article = {
      id: 'a',
      title: evil,
      url: '/news/a/',
      excerpt: evil,
      summary: evil,
      dateline: evil,
      lang: 'id-ID',
      published: date,
      modified: date,
      updated: date,
      category: term,
      tags: [term],
      authors: [
        {
          ...term,
          homepage: 'https://x.example',
          role: evil,
          photo: '/news/p.jpg',
          links: [{ label: evil, url: 'https://x.example/?a=1&b="2"' }],
          hasProfile: true,
          bioHtml: '<p>Bio aman.</p>',
          bioText: evil,
        },
      ],
      image: {
        src: '/x.jpg',
        url: '/x.jpg',
        alt: evil,
        caption: evil,
        width: 10,
        height: 5,
        sources: [],
        crops: [],
      },
      source: { name: evil, url: 'https://src.example/?a=1&b=2' },
      liveEntries: [{ id: 'e1', headline: evil, time: date, text: evil }],
      status: 'published' as const,
      access: 'free' as const,
      live: true,
      embargoed: true,
      corrections: [{ date, note: evil }],
      updates: [{ date, note: evil }],
      readingTime: 3,
      html: '<p>Body.</p>',
      wordCount: 3,
      headings: [],
      data: {},
    }
    const page: PageContext = {
      site: {
        title: evil,
        description: evil,
        lang: 'id-ID',
        url: 'https://kaltim.example/news',
        basePath: '/news/',
        nav: [term],
        feeds: [],
        footerLinks: [{ label: evil, url: '/x/' }],
        colors: [{ name: '--accent', value: evil }],
        copyright: evil,
        year: 2025,
        today: date,
      },
      page: {
        kind: 'article',
        url: '/news/a/',
        breadcrumbs: [{ name: evil, url: 'https://kaltim.example/news/' }],
        meta: {
          title: evil,
          description: evil,
          canonical: 'https://kaltim.example/news/a/',
          ogType: 'article',
          noindex: false,
          feeds: [],
          alternates: [],
          jsonLd: ['{"@type":"NewsArticle"}'],
        },
      },
      theme: theme.options ?? {},
      article,
      related: [article],
    }
    const body = env.compile(layouts.get('article') ?? '')(page)
    const html = env.compile(layouts.get('base') ?? '')({ ...page, body: new Handlebars.SafeString(body) })
    expect(html).toContain('<p class="kicker">')
    expect(html).toContain('<h2 class="notice__title" id="corrections-title">Koreksi</h2>')
    // The article's lead image loads at once; pictures further down load lazily, all with a size.
    expect(html).toMatch(
      /<figure class="article__figure">\s*<picture>\s*<img [^>]*width="10" height="5" fetchpriority="high" decoding="async">/,
    )
    expect(html).toMatch(
      /<div class="card__media">\s*<picture>\s*<img [^>]*width="10" height="5" loading="lazy"/,
    )
    expect(html).toContain('<span class="live-badge">Langsung</span>')
    expect(html).toContain('<p class="notice notice--embargo">Pratinjau: artikel ini belum terbit.')
    expect(html).toContain(
      '<a href="#e1"><time datetime="2025-05-16T14:30:00+08:00">14.30 WITA</time> &lt;script&gt;',
    )
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toMatch(/<style>[^<]*alert/)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('<script type="application/ld+json">{"@type":"NewsArticle"}</script>')
    // The byline's role and the author box, with the profile escaped but the sanitized bio as is.
    expect(html).toContain('<span class="byline__role">(&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toMatch(
      /<section class="author-box"[^>]*>\s*<img class="author-photo" src="\/news\/p.jpg" alt="&lt;script&gt;/,
    )
    expect(html).toContain('<div class="author-box__bio"><p>Bio aman.</p></div>')

    const [profile] = article.authors
    const listing = env.compile(layouts.get('listing') ?? '')({
      ...page,
      page: { ...page.page, kind: 'author' },
      listing: {
        kind: 'author',
        label: 'Penulis',
        name: evil,
        url: '/news/penulis/x/',
        author: profile,
        articles: [article],
        pagination: { current: 1, total: 1, pages: [] },
      },
    })
    expect(listing).toContain(
      '<a href="https://x.example/?a&#x3D;1&amp;b&#x3D;&quot;2&quot;" rel="me">&lt;script&gt;',
    )
    expect(listing).toMatch(/<img class="author-photo" [^>]*width="160" height="160" fetchpriority="high"/)
    expect(listing).toContain('<p class="author-profile__role">&lt;script&gt;')
    expect(listing).not.toContain('<script>alert')
  })
})
