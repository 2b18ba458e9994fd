import { describe, expect, test } from 'vitest'
import { generateNewsSitemap, newsLanguage } from '../../src/outputs/news-sitemap.js'
import { article, date, HOSTILE, HOSTILE_CLEAN, parseXml, site, xmllint } from './fixtures.js'

const HOUR = 60 * 60 * 1000
const now = date('2025-05-16T12:00').time
const at = (hoursAgo: number, slug: string) => {
  const a = article({ slug, published: '2025-05-16T12:00' })
  const time = now - hoursAgo * HOUR
  return {
    ...a,
    published: {
      ...a.published,
      time,
      iso: new Date(time + 8 * HOUR).toISOString().replace('.000Z', '+08:00'),
    },
  }
}
interface NewsUrl {
  loc: string
  lastmod?: string
  'news:news'?: {
    'news:publication': { 'news:name': string; 'news:language': string }
    'news:publication_date': string
    'news:title': string
  }
}
const urls = (xml: string): NewsUrl[] => parseXml(xml).urlset.url

describe('generateNewsSitemap', () => {
  test('lists the articles published in the 48 hours before the build clock, newest first, valid against the news schema', async () => {
    const articles = [
      at(49, 'too-old'),
      at(48, 'edge'),
      at(1, 'fresh'),
      at(47.9, 'yesterday'),
      at(-1, 'future'),
    ]
    const xml = await generateNewsSitemap({ site: site(), articles, now })
    expect(xmllint(xml, 'urlset-with-news.xsd')).toBe('')
    expect(urls(xml).map((u) => u.loc.split('/').at(-2))).toEqual(['fresh', 'yesterday', 'edge'])
  })

  test('gives the publication name and language, the title and the publication date with its offset', async () => {
    const story = article({
      slug: 'banjir',
      title: 'Banjir di Samarinda',
      published: '2025-05-16T09:15',
      modified: '2025-05-16T10:00',
    })
    const xml = await generateNewsSitemap({ site: site(), articles: [story], now })
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"')
    expect(urls(xml)).toEqual([
      {
        loc: 'https://kaltim.example/news/2025/05/16/banjir/',
        lastmod: '2025-05-16T02:00:00.000Z',
        'news:news': {
          'news:publication': { 'news:name': 'Kaltim News', 'news:language': 'id' },
          'news:publication_date': '2025-05-16T09:15:00+08:00',
          'news:title': 'Banjir di Samarinda',
        },
      },
    ])
  })

  test('an article dated without a time of day gets a date-only publication date', async () => {
    const story = article({ slug: 'x', published: '2025-05-16' })
    const xml = await generateNewsSitemap({
      site: site(),
      articles: [{ ...story, published: date('2025-05-16', false) }],
      now,
    })
    expect(xmllint(xml, 'urlset-with-news.xsd')).toBe('')
    expect(urls(xml)[0]?.['news:news']?.['news:publication_date']).toBe('2025-05-16')
  })

  test('with no recent article it is still a valid document, listing only the home page', async () => {
    const xml = await generateNewsSitemap({ site: site(), articles: [at(72, 'old')], now })
    expect(xmllint(xml, 'urlset-with-news.xsd')).toBe('')
    expect(urls(xml)).toEqual([{ loc: 'https://kaltim.example/news/' }])
  })

  test('a hostile title keeps it valid and comes back exactly, minus forbidden control characters', async () => {
    const story = { ...at(2, 'hostile'), title: HOSTILE }
    const xml = await generateNewsSitemap({
      site: site({ publisher: { name: `Kaltim <&> "News"` } }),
      articles: [story],
      now,
    })
    expect(xmllint(xml, 'urlset-with-news.xsd')).toBe('')
    const news = urls(xml)[0]?.['news:news']
    expect(news?.['news:title']).toBe(HOSTILE_CLEAN)
    expect(news?.['news:publication']['news:name']).toBe('Kaltim <&> "News"')
  })

  test("uses each article's own language", async () => {
    const english = { ...at(1, 'english'), lang: 'en-GB' }
    const xml = await generateNewsSitemap({ site: site(), articles: [english], now })
    expect(urls(xml)[0]?.['news:news']?.['news:publication']['news:language']).toBe('en')
  })
})

describe('newsLanguage', () => {
  test.each([
    ['id-ID', 'id'],
    ['id', 'id'],
    ['en-US', 'en'],
    ['fil', 'fil'],
    ['zh-TW', 'zh-tw'],
    ['zh-Hant', 'zh-tw'],
    ['zh-HK', 'zh-tw'],
    ['zh-CN', 'zh-cn'],
    ['zh-Hans-CN', 'zh-cn'],
    ['zh', 'zh-cn'],
  ])('writes %s as %s', (lang, expected) => {
    expect(newsLanguage(lang)).toBe(expected)
  })

  test('gives nothing for a tag without a usable language subtag', () => {
    expect(newsLanguage('x-private')).toBeUndefined()
  })
})
