import { describe, expect, test } from 'vitest'
import { generateRobots } from '../../src/outputs/robots.js'
import { renderUrlset } from '../../src/outputs/sitemap-xml.js'
import { generateSitemaps, type SitemapEntry } from '../../src/outputs/sitemaps.js'
import { parseXml, site, xmllint } from './fixtures.js'

const entries: SitemapEntry[] = [
  { url: '/news/2025/05/16/banjir/', lastmod: '2025-05-16T18:05:00+08:00' },
  { url: '/news/', lastmod: '2025-05-16T18:05:00+08:00' },
  { url: '/news/kategori/daerah/' },
]

const locs = (xml: string) => parseXml(xml).urlset.url.map((u: { loc: string }) => u.loc)

describe('generateSitemaps', () => {
  test('a site that fits in one file gets a sitemap.xml urlset the sitemaps.org schema accepts', async () => {
    const files = await generateSitemaps({ site: site(), entries, maxUrls: 50_000 })
    expect(files.map((f) => f.path)).toEqual(['sitemap.xml'])
    const xml = files[0]?.contents ?? ''
    expect(xmllint(xml, 'sitemap.xsd')).toBe('')
    expect(parseXml(xml).urlset.url).toEqual([
      { loc: 'https://kaltim.example/news/', lastmod: '2025-05-16T10:05:00.000Z' },
      { loc: 'https://kaltim.example/news/2025/05/16/banjir/', lastmod: '2025-05-16T10:05:00.000Z' },
      { loc: 'https://kaltim.example/news/kategori/daerah/' },
    ])
  })

  test('files are exactly what the sitemap library writes for the same URLs', async () => {
    const [file] = await generateSitemaps({ site: site(), entries, maxUrls: 50_000 })
    const library = await renderUrlset('https://kaltim.example', [
      { url: 'https://kaltim.example/news/', lastmod: '2025-05-16T10:05:00.000Z' },
      { url: 'https://kaltim.example/news/2025/05/16/banjir/', lastmod: '2025-05-16T10:05:00.000Z' },
      { url: 'https://kaltim.example/news/kategori/daerah/' },
    ])
    expect(file?.contents).toBe(library)
  })

  test('three URLs with maxUrls 2 become an index and two children, each valid against its schema', async () => {
    const files = await generateSitemaps({ site: site(), entries, maxUrls: 2 })
    expect(files.map((f) => f.path)).toEqual([
      'sitemap.xml',
      'sitemaps/sitemap-1.xml',
      'sitemaps/sitemap-2.xml',
    ])
    const [index, first, second] = files.map((f) => f.contents) as [string, string, string]
    expect(xmllint(index, 'siteindex.xsd')).toBe('')
    expect(xmllint(first, 'sitemap.xsd')).toBe('')
    expect(xmllint(second, 'sitemap.xsd')).toBe('')
    expect(parseXml(index).sitemapindex.sitemap).toEqual([
      { loc: 'https://kaltim.example/news/sitemaps/sitemap-1.xml', lastmod: '2025-05-16T10:05:00.000Z' },
      // No entry of the second child has a lastmod, so neither does the child.
      { loc: 'https://kaltim.example/news/sitemaps/sitemap-2.xml' },
    ])
    expect(locs(first)).toEqual([
      'https://kaltim.example/news/',
      'https://kaltim.example/news/2025/05/16/banjir/',
    ])
    expect(locs(second)).toEqual(['https://kaltim.example/news/kategori/daerah/'])
  })

  test('files are split by size as well as by count, and none goes over maxBytes', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      url: `/news/artikel/${String(i).padStart(2, '0')}/`,
    }))
    const whole = await generateSitemaps({ site: site(), entries: many, maxUrls: 50_000 })
    const size = Buffer.byteLength(whole[0]?.contents ?? '')
    const maxBytes = Math.ceil(size / 3)
    const files = await generateSitemaps({ site: site(), entries: many, maxUrls: 50_000, maxBytes })
    const children = files.slice(1)
    expect(files[0]?.path).toBe('sitemap.xml')
    expect(children.length).toBeGreaterThanOrEqual(3)
    for (const child of children) {
      expect(Buffer.byteLength(child.contents)).toBeLessThanOrEqual(maxBytes)
      expect(xmllint(child.contents, 'sitemap.xsd')).toBe('')
    }
    expect(xmllint(files[0]?.contents ?? '', 'siteindex.xsd')).toBe('')
    // Every URL once, in order.
    expect(children.flatMap((c) => locs(c.contents))).toEqual(locs(whole[0]?.contents ?? ''))
  })

  test('the same entries in any order, with duplicates, give byte-identical files', async () => {
    const a = await generateSitemaps({ site: site(), entries, maxUrls: 2 })
    const b = await generateSitemaps({
      site: site(),
      entries: [...entries].reverse().concat({ url: '/news/', lastmod: '2025-05-01T00:00:00+08:00' }),
      maxUrls: 2,
    })
    expect(b).toEqual(a)
  })

  test('elements kept between calls give the files a fresh call writes, and the memo holds only the last call’s', async () => {
    const elements = new Map<string, string>()
    const moved = entries.map((e, i) => (i === 0 ? { ...e, url: '/news/2025/05/16/banjir-besar/' } : e))
    for (const list of [entries, moved, [...moved, { url: '/news/tag/sungai/' }]]) {
      const kept = await generateSitemaps({ site: site(), entries: list, maxUrls: 2, elements })
      expect(kept).toEqual(await generateSitemaps({ site: site(), entries: list, maxUrls: 2 }))
      expect(elements.size).toBe(list.length)
    }
    expect([...elements.values()].join('')).not.toContain('/banjir/')
  })

  test('non-ASCII and special characters in paths are %-encoded or escaped and stay valid', async () => {
    const files = await generateSitemaps({
      site: site(),
      entries: [
        { url: '/news/tag/ekonomi-&-bisnis/' },
        { url: '/news/tag/émigré/' },
        { url: `/news/cari/?q=<a>"b"'` },
      ],
      maxUrls: 10,
    })
    const xml = files[0]?.contents ?? ''
    expect(xmllint(xml, 'sitemap.xsd')).toBe('')
    expect(locs(xml)).toEqual([
      'https://kaltim.example/news/cari/?q=%3Ca%3E%22b%22%27',
      'https://kaltim.example/news/tag/%C3%A9migr%C3%A9/',
      'https://kaltim.example/news/tag/ekonomi-&-bisnis/',
    ])
  })

  test('with no entries the sitemap lists the home page, since a urlset must have a url', async () => {
    const files = await generateSitemaps({ site: site(), entries: [], maxUrls: 10 })
    expect(xmllint(files[0]?.contents ?? '', 'sitemap.xsd')).toBe('')
    expect(locs(files[0]?.contents ?? '')).toEqual(['https://kaltim.example/news/'])
  })

  test('a lastmod that is not a date is an error naming the URL', async () => {
    await expect(
      generateSitemaps({ site: site(), entries: [{ url: '/news/x/', lastmod: 'kemarin' }], maxUrls: 10 }),
    ).rejects.toThrow('https://kaltim.example/news/x/')
  })
})

describe('the schema check', () => {
  test('is real: xmllint rejects a urlset without any url against sitemap.xsd', () => {
    const empty =
      '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
    expect(xmllint(empty)).toBe('')
    expect(xmllint(empty, 'sitemap.xsd')).toMatch(/fails to validate/)
    expect(xmllint(empty, 'urlset-with-news.xsd')).toMatch(/fails to validate/)
  })
})

describe('generateRobots', () => {
  test('allows every crawler everything and lists each sitemap by absolute URL', () => {
    const robots = generateRobots(site(), ['sitemap.xml', '/news/news-sitemap.xml'])
    expect(robots.split('\n')).toEqual([
      'User-agent: *',
      'Allow: /',
      '',
      'Sitemap: https://kaltim.example/news/sitemap.xml',
      'Sitemap: https://kaltim.example/news/news-sitemap.xml',
      '',
    ])
  })
})
