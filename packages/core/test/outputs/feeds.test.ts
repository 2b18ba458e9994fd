import { parseFeed } from '@rowanmanning/feed-parser'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { ResolvedConfig } from '../../src/config/resolve-config.js'
import { type FeedFile, type GenerateFeedsOptions, generateFeeds } from '../../src/outputs/feeds.js'
import { feedLinks } from '../../src/routes/feed-links.js'
import { decodeEntities } from '../html-text.js'
import { article, HOSTILE, HOSTILE_CLEAN, parseXml, picture, site, xmllint } from './fixtures.js'

const feeds = (overrides: Partial<ResolvedConfig['feeds']> = {}): ResolvedConfig['feeds'] => ({
  enabled: true,
  limit: 20,
  content: 'full',
  tags: false,
  categories: true,
  authors: true,
  ...overrides,
})

const lead = article({
  slug: 'banjir-samarinda',
  title: 'Banjir merendam Samarinda',
  published: '2025-05-16T14:30',
  modified: '2025-05-16T18:05',
  summary: 'Air setinggi 1 meter merendam tiga kecamatan.',
  tags: ['Banjir', 'Samarinda'],
  category: 'Daerah',
  image: picture('/news/img/banjir.jpg', 'Warga mengungsi', 1200, 800),
  authors: [
    { name: 'Siti Rahma', slug: 'siti-rahma', url: '/news/penulis/siti-rahma/' },
    {
      name: 'Budi Santoso',
      slug: 'budi-santoso',
      url: '/news/penulis/budi-santoso/',
      homepage: 'https://budi.example/',
    },
  ],
  html: '<p>Lihat <a href="/news/peta/">peta</a> dan <a href="#data">data</a>.</p><p><img src="foto/1.webp" alt=""></p>',
})
const older = article({ slug: 'pilkada', published: '2025-05-14T08:00' })
const oldest = article({ slug: 'anggaran', published: '2025-05-10T10:00', modified: '2025-05-12T10:00' })

function generate(overrides: Partial<GenerateFeedsOptions> = {}): Record<'rss' | 'atom' | 'json', FeedFile> {
  const files = generateFeeds({
    site: site(),
    feeds: feeds(),
    title: 'Kaltim News',
    path: '/news/',
    feedDir: 'feed/',
    articles: [older, oldest, lead],
    ...overrides,
  })
  const [rss, atom, json] = files
  if (!rss || !atom || !json || files.length !== 3) throw new Error('expected three feed files')
  return { rss, atom, json }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('generateFeeds', () => {
  test('writes rss.xml, atom.xml and feed.json into the feed folder with their media types', () => {
    const { rss, atom, json } = generate({ feedDir: 'kategori/daerah/feed/' })
    expect([rss.path, atom.path, json.path]).toEqual([
      'kategori/daerah/feed/rss.xml',
      'kategori/daerah/feed/atom.xml',
      'kategori/daerah/feed/feed.json',
    ])
    expect([rss.type, atom.type, json.type]).toEqual([
      'application/rss+xml',
      'application/atom+xml',
      'application/feed+json',
    ])
  })

  test('writes nothing when feeds are disabled', () => {
    expect(
      generateFeeds({
        site: site(),
        feeds: feeds({ enabled: false }),
        title: 'x',
        path: '/news/',
        feedDir: 'feed/',
        articles: [lead],
      }),
    ).toEqual([])
  })

  test('RSS 2.0 is well-formed and lists the articles newest first with absolute links, authors and categories', () => {
    const { rss } = generate()
    expect(xmllint(rss.contents)).toBe('')
    const feed = parseFeed(rss.contents)
    expect(feed.meta.type).toBe('rss')
    expect(feed.title).toBe('Kaltim News')
    expect(feed.url).toBe('https://kaltim.example/news/')
    expect(feed.self).toBe('https://kaltim.example/news/feed/rss.xml')
    expect(feed.language).toBe('id-ID')
    expect(feed.items.map((i) => i.url)).toEqual([
      'https://kaltim.example/news/2025/05/16/banjir-samarinda/',
      'https://kaltim.example/news/2025/05/14/pilkada/',
      'https://kaltim.example/news/2025/05/10/anggaran/',
    ])
    const [item] = feed.items
    expect(item?.id).toBe('https://kaltim.example/news/2025/05/16/banjir-samarinda/')
    expect(item?.title).toBe('Banjir merendam Samarinda')
    expect(item?.description).toBe('Air setinggi 1 meter merendam tiga kecamatan.')
    expect(item?.authors.map((a) => a.name)).toEqual(['Siti Rahma', 'Budi Santoso'])
    expect(item?.categories.map((c) => c.term)).toEqual(['Daerah', 'Banjir', 'Samarinda'])
    expect(item?.published?.toISOString()).toBe('2025-05-16T06:30:00.000Z')

    // The raw document, not the parser's view of it (the parser resolves relative URLs itself).
    const channel = parseXml(rss.contents).rss.channel
    const raw = channel.item[0]
    expect(raw.link).toBe('https://kaltim.example/news/2025/05/16/banjir-samarinda/')
    expect(raw.guid).toMatchObject({ '#text': raw.link, '@isPermaLink': 'true' })
    // RFC 822 dates.
    expect(raw.pubDate).toBe('Fri, 16 May 2025 06:30:00 GMT')
    expect(channel.lastBuildDate).toBe('Fri, 16 May 2025 10:05:00 GMT')
    expect(raw['dc:creator'].map((c: Record<string, string>) => c['#text'])).toEqual([
      'Siti Rahma',
      'Budi Santoso',
    ])
    expect(raw.author).toBeUndefined()
  })

  test('RSS 2.0 carries the lead image as an enclosure and as media:content', () => {
    const { rss } = generate()
    const [item] = parseFeed(rss.contents).items
    expect(item?.image?.url).toBe('https://kaltim.example/news/img/banjir.jpg')
    const raw = parseXml(rss.contents).rss.channel.item[0]
    expect(raw.enclosure).toEqual({
      '@url': 'https://kaltim.example/news/img/banjir.jpg',
      '@type': 'image/jpeg',
      '@length': '0',
    })
    expect(raw['media:content'][0]).toMatchObject({
      '@url': 'https://kaltim.example/news/img/banjir.jpg',
      '@medium': 'image',
      '@type': 'image/jpeg',
      '@width': '1200',
      '@height': '800',
      'media:description': { '#text': 'Warga mengungsi' },
    })
    // Articles without an image have neither.
    const second = parseXml(rss.contents).rss.channel.item[1]
    expect(second.enclosure).toBeUndefined()
    expect(second['media:content']).toBeUndefined()
  })

  test('Atom 1.0 has RFC 3339 dates with the site offset, authors with their pages, categories and an enclosure', () => {
    const { atom } = generate()
    expect(xmllint(atom.contents)).toBe('')
    const feed = parseFeed(atom.contents)
    expect(feed.meta.type).toBe('atom')
    expect(feed.self).toBe('https://kaltim.example/news/feed/atom.xml')
    expect(feed.language).toBe('id-ID')
    const [item] = feed.items
    expect(item?.title).toBe('Banjir merendam Samarinda')
    expect(item?.url).toBe('https://kaltim.example/news/2025/05/16/banjir-samarinda/')
    expect(item?.published?.toISOString()).toBe('2025-05-16T06:30:00.000Z')
    expect(item?.updated?.toISOString()).toBe('2025-05-16T10:05:00.000Z')
    expect(item?.authors).toEqual([
      { name: 'Siti Rahma', url: 'https://kaltim.example/news/penulis/siti-rahma/', email: null },
      { name: 'Budi Santoso', url: 'https://kaltim.example/news/penulis/budi-santoso/', email: null },
    ])
    expect(item?.categories.map((c) => c.term)).toEqual(['Daerah', 'Banjir', 'Samarinda'])
    expect(item?.media).toContainEqual(
      expect.objectContaining({ url: 'https://kaltim.example/news/img/banjir.jpg', mimeType: 'image/jpeg' }),
    )

    const raw = parseXml(atom.contents).feed
    expect(raw['@xml:lang']).toBe('id-ID')
    expect(raw.id).toBe('https://kaltim.example/news/feed/atom.xml')
    expect(raw.updated).toBe('2025-05-16T18:05:00+08:00')
    expect(raw.author[0]).toEqual({ name: 'Kaltim News', uri: 'https://kaltim.example/news/' })
    const entry = raw.entry[0]
    expect(entry.id).toBe('https://kaltim.example/news/2025/05/16/banjir-samarinda/')
    // RFC 3339 with the site's UTC offset, not the UTC form toISOString() would give.
    expect(entry.published).toBe('2025-05-16T14:30:00+08:00')
    expect(entry.updated).toBe('2025-05-16T18:05:00+08:00')
    expect(entry.link).toContainEqual({
      '@rel': 'enclosure',
      '@href': 'https://kaltim.example/news/img/banjir.jpg',
      '@type': 'image/jpeg',
    })
  })

  test('JSON Feed 1.1 has authors, tags, the image, the language and RFC 3339 dates with the site offset', () => {
    const { json } = generate()
    const feed = JSON.parse(json.contents)
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Kaltim News',
      home_page_url: 'https://kaltim.example/news/',
      feed_url: 'https://kaltim.example/news/feed/feed.json',
      description: 'Berita Kalimantan Timur',
      language: 'id-ID',
      authors: [{ name: 'Kaltim News', url: 'https://kaltim.example/news/' }],
    })
    expect(feed.items).toHaveLength(3)
    expect(feed.items[0]).toEqual({
      id: 'https://kaltim.example/news/2025/05/16/banjir-samarinda/',
      url: 'https://kaltim.example/news/2025/05/16/banjir-samarinda/',
      title: 'Banjir merendam Samarinda',
      content_html:
        '<p>Lihat <a href="https://kaltim.example/news/peta/">peta</a> dan <a href="https://kaltim.example/news/2025/05/16/banjir-samarinda/#data">data</a>.</p><p><img src="https://kaltim.example/news/2025/05/16/banjir-samarinda/foto/1.webp" alt=""></p>',
      summary: 'Air setinggi 1 meter merendam tiga kecamatan.',
      image: 'https://kaltim.example/news/img/banjir.jpg',
      date_published: '2025-05-16T14:30:00+08:00',
      date_modified: '2025-05-16T18:05:00+08:00',
      authors: [
        { name: 'Siti Rahma', url: 'https://kaltim.example/news/penulis/siti-rahma/' },
        { name: 'Budi Santoso', url: 'https://kaltim.example/news/penulis/budi-santoso/' },
      ],
      author: { name: 'Siti Rahma', url: 'https://kaltim.example/news/penulis/siti-rahma/' },
      tags: ['Daerah', 'Banjir', 'Samarinda'],
      language: 'id-ID',
    })
    // An article without a front matter summary falls back to its excerpt.
    expect(feed.items[1].summary).toBe('Ringkasan pilkada.')
  })

  test('full content has its relative links and images made absolute in RSS and Atom too', () => {
    const { rss, atom } = generate()
    const expected =
      '<p>Lihat <a href="https://kaltim.example/news/peta/">peta</a> dan <a href="https://kaltim.example/news/2025/05/16/banjir-samarinda/#data">data</a>.</p><p><img src="https://kaltim.example/news/2025/05/16/banjir-samarinda/foto/1.webp" alt=""></p>'
    expect(parseFeed(rss.contents).items[0]?.content).toBe(expected)
    expect(parseXml(rss.contents).rss.channel.item[0]['content:encoded']).toBe(expected)
    expect(parseXml(atom.contents).feed.entry[0].content['#text']).toBe(expected)
  })

  test('a body with several `]]>` in its text survives the CDATA sections of RSS and Atom', () => {
    const html = '<p>a ]]> b ]]> c</p>'
    const { rss, atom } = generate({ articles: [{ ...lead, html }] })
    expect(xmllint(rss.contents)).toBe('')
    expect(xmllint(atom.contents)).toBe('')
    // `]]&gt;` is the same HTML text as `]]>`.
    expect(parseXml(rss.contents).rss.channel.item[0]['content:encoded']).toBe('<p>a ]]&gt; b ]]&gt; c</p>')
    expect(parseXml(atom.contents).feed.entry[0].content['#text']).toBe('<p>a ]]&gt; b ]]&gt; c</p>')
  })

  test('an image whose type cannot be told from its URL is left out of enclosures but kept as media and in JSON', () => {
    const remote = { ...lead, image: picture('https://cdn.example/photo/123', 'x') }
    const { rss, atom, json } = generate({ articles: [remote] })
    const item = parseXml(rss.contents).rss.channel.item[0]
    expect(item.enclosure).toBeUndefined()
    expect(item['media:content'][0]).toMatchObject({
      '@url': 'https://cdn.example/photo/123',
      '@medium': 'image',
    })
    expect(item['media:content'][0]['@type']).toBeUndefined()
    expect(parseXml(atom.contents).feed.entry[0].link).toEqual([
      { '@href': remote.url.replace('/news/', 'https://kaltim.example/news/') },
    ])
    expect(JSON.parse(json.contents).items[0].image).toBe('https://cdn.example/photo/123')
  })

  test('summary mode leaves the article body out of every format', () => {
    const { rss, atom, json } = generate({ feeds: feeds({ content: 'summary' }) })
    expect(xmllint(rss.contents)).toBe('')
    expect(xmllint(atom.contents)).toBe('')
    const rssItem = parseXml(rss.contents).rss.channel.item[0]
    expect(rssItem['content:encoded']).toBeUndefined()
    expect(rssItem.description).toBe('Air setinggi 1 meter merendam tiga kecamatan.')
    // dc:creator still declares its namespace when the root does not.
    expect(parseFeed(rss.contents).items[0]?.authors.map((a) => a.name)).toEqual([
      'Siti Rahma',
      'Budi Santoso',
    ])
    const entry = parseXml(atom.contents).feed.entry[0]
    expect(entry.content).toBeUndefined()
    expect(entry.summary['#text']).toBe('Air setinggi 1 meter merendam tiga kecamatan.')
    const item = JSON.parse(json.contents).items[0]
    expect(item.content_html).toBeUndefined()
    expect(item.content_text).toBe('Air setinggi 1 meter merendam tiga kecamatan.')
    expect(rss.contents).not.toContain('Lihat')
    expect(atom.contents).not.toContain('Lihat')
    expect(json.contents).not.toContain('Lihat')
  })

  test('takes only the newest `limit` articles by publication date, whatever the input order', () => {
    const { rss, atom, json } = generate({ feeds: feeds({ limit: 2 }), articles: [oldest, lead, older] })
    const slugs = ['banjir-samarinda', 'pilkada']
    expect(parseFeed(rss.contents).items.map((i) => i.url?.split('/').at(-2))).toEqual(slugs)
    expect(parseFeed(atom.contents).items.map((i) => i.url?.split('/').at(-2))).toEqual(slugs)
    expect(JSON.parse(json.contents).items.map((i: { url: string }) => i.url.split('/').at(-2))).toEqual(
      slugs,
    )
  })

  test("the feed's update time is the newest modification among its items, not the clock, so builds are byte-identical", () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
    const first = generate()
    vi.setSystemTime(new Date('2031-06-15T12:00:00Z'))
    const second = generate()
    expect(second).toEqual(first)
    // `oldest` was modified after `older` was published but the lead article's change is newest.
    expect(parseXml(first.atom.contents).feed.updated).toBe('2025-05-16T18:05:00+08:00')
    expect(parseFeed(first.rss.contents).updated?.toISOString()).toBe('2025-05-16T10:05:00.000Z')
    // An explicit update time wins.
    const pinned = generate({ updated: oldest.modified })
    expect(parseXml(pinned.atom.contents).feed.updated).toBe('2025-05-12T10:00:00+08:00')
  })

  test('an empty listing still gives valid feeds, dated at the epoch rather than the clock', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
    const { rss, atom, json } = generate({ articles: [] })
    expect(xmllint(rss.contents)).toBe('')
    expect(xmllint(atom.contents)).toBe('')
    expect(parseFeed(rss.contents).items).toEqual([])
    expect(parseXml(atom.contents).feed.updated).toBe('1970-01-01T00:00:00Z')
    expect(JSON.parse(json.contents).items).toEqual([])
  })

  test('a site at the root of its host gets root-relative URLs resolved correctly', () => {
    const rootSite = site({
      url: 'https://kaltim.example',
      basePath: '/',
      publisher: { name: 'Kaltim News' },
    })
    const story = article({ slug: 'x', published: '2025-05-16T10:00' })
    const { rss } = generate({ site: rootSite, path: '/', articles: [{ ...story, url: '/2025/05/16/x/' }] })
    const feed = parseFeed(rss.contents)
    expect(feed.self).toBe('https://kaltim.example/feed/rss.xml')
    expect(feed.items[0]?.url).toBe('https://kaltim.example/2025/05/16/x/')
  })

  test('hostile titles, summaries and names keep every format well-formed and come back exactly', () => {
    const hostile = article({
      slug: 'hostile',
      title: HOSTILE,
      summary: HOSTILE,
      published: '2025-05-16T10:00',
      tags: [HOSTILE],
      authors: [{ name: HOSTILE, slug: 'h', url: '/news/penulis/h/' }],
      html: `<p>${HOSTILE.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
      image: picture('/news/img/a.png', HOSTILE),
    })
    const { rss, atom, json } = generate({ title: HOSTILE, description: HOSTILE, articles: [hostile] })
    expect(xmllint(rss.contents)).toBe('')
    expect(xmllint(atom.contents)).toBe('')

    const channel = parseXml(rss.contents).rss.channel
    expect(channel.title).toBe(HOSTILE_CLEAN)
    expect(channel.description).toBe(HOSTILE_CLEAN)
    const item = channel.item[0]
    expect(item.title).toBe(HOSTILE_CLEAN)
    expect(item['dc:creator'][0]['#text']).toBe(HOSTILE_CLEAN)
    expect(item.category).toContain(HOSTILE_CLEAN)
    expect(item['media:content'][0]['media:description']['#text']).toBe(HOSTILE_CLEAN)
    // description is HTML: the summary escaped.
    expect(item.description).toContain('&lt;/script&gt;')

    const feed = parseXml(atom.contents).feed
    expect(feed.title).toBe(HOSTILE_CLEAN)
    expect(feed.subtitle).toBe(HOSTILE_CLEAN)
    const entry = feed.entry[0]
    // type="html": the text is HTML-escaped, so a reader shows it rather than running it.
    expect(decodeEntities(entry.title['#text'])).toBe(HOSTILE_CLEAN)
    expect(decodeEntities(entry.summary['#text'])).toBe(HOSTILE_CLEAN)
    expect(entry.author[0].name).toBe(HOSTILE_CLEAN)
    // Atom category terms are attributes `feed` cannot escape `<` in: it is dropped.
    expect(entry.category[1]['@term']).toBe(HOSTILE_CLEAN.replace(/</g, ''))

    const jsonFeed = JSON.parse(json.contents)
    expect(jsonFeed.title).toBe(HOSTILE_CLEAN)
    expect(jsonFeed.items[0].title).toBe(HOSTILE_CLEAN)
    expect(jsonFeed.items[0].authors[0].name).toBe(HOSTILE_CLEAN)
    expect(jsonFeed.items[0].tags).toContain(HOSTILE_CLEAN)
  })
})

describe('feedLinks', () => {
  test('gives the absolute URLs of the RSS, Atom and JSON feeds of a folder, RSS first', () => {
    expect(feedLinks(site(), 'kategori/daerah/feed/', 'Kaltim News: Daerah')).toEqual([
      {
        type: 'application/rss+xml',
        title: 'Kaltim News: Daerah (RSS)',
        url: 'https://kaltim.example/news/kategori/daerah/feed/rss.xml',
      },
      {
        type: 'application/atom+xml',
        title: 'Kaltim News: Daerah (Atom)',
        url: 'https://kaltim.example/news/kategori/daerah/feed/atom.xml',
      },
      {
        type: 'application/feed+json',
        title: 'Kaltim News: Daerah (JSON Feed)',
        url: 'https://kaltim.example/news/kategori/daerah/feed/feed.json',
      },
    ])
  })

  test('points where generateFeeds writes, with or without a leading slash', () => {
    const written = generateFeeds({
      site: site(),
      feeds: feeds(),
      title: 't',
      path: '/news/',
      feedDir: '/feed/',
      articles: [],
    })
    const links = feedLinks(site(), '/feed/', 't')
    expect(links.map((l) => l.url)).toEqual(written.map((f) => `https://kaltim.example/news/${f.path}`))
    expect(feedLinks(site(), 'feed', 't').map((l) => l.url)).toEqual(links.map((l) => l.url))
  })
})
