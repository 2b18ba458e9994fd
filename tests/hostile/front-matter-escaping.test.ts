import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { parseFeed } from '@rowanmanning/feed-parser'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writePhoto } from '../../scripts/photo.mjs'
import {
  article,
  attribute,
  buildSite,
  createSite,
  elements,
  errorLines,
  listFiles,
  loadParse5,
  type Parse5Node,
  readOutput,
  type TempSite,
  textContent,
} from './helpers.js'
import { unsafeMarkup } from './unsafe-markup.js'

// Front matter values that try to break out of every context they are written into: HTML
// text and attributes, <title>, meta tags, JSON-LD inside <script>, RSS, Atom, JSON Feed
// and sitemaps. Each output is read back with a real parser and must hold the value as text.

const run = promisify(execFile)

/** Breaks out of a script, an attribute, a comment, a CDATA section and XML all at once. */
const HOSTILE =
  "</script><script>alert(1)</script> \"><img src=x onerror=alert(2)> ' onmouseover='alert(3)' " +
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal that must stay text
  '& &amp; &lt;b&gt; <b>bold</b> ]]> <!-- --> {{constructor.constructor}} ${process.exit()} ' +
  '\u2028\u2029 \u0001\u0008\u000b\u001f\uffff end'

/** What XML 1.0 can carry of it: C0 controls (but tab, LF, CR) and U+FFFF are left out. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML forbids
const XML_TEXT = HOSTILE.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uffff]/g, '')

const fields = (suffix: string) => ({
  title: `${HOSTILE} title ${suffix}`,
  summary: `${HOSTILE} summary ${suffix}`,
  category: `${HOSTILE} category`,
  tags: [`${HOSTILE} tag`],
  author: { name: `${HOSTILE} author`, url: 'https://people.example/?a=1&b=<x>"y' },
  dateline: `${HOSTILE} dateline`,
  image: { src: '/photos/a.jpg?w=1&h=2', alt: `${HOSTILE} alt` },
  source: { name: `${HOSTILE} source`, url: 'https://source.example/"onmouseover="x' },
})

let site: TempSite
let articlePage: Parse5Node
let articleHtml: string

beforeAll(async () => {
  site = await createSite({
    'content/one.md': article({ ...fields('one'), slug: 'one', date: '2025-05-31T10:00:00Z' }),
    'content/two.md': article({ ...fields('two'), slug: 'two', date: '2025-05-31T09:00:00Z' }),
  })
  // The lead image exists: the image stage reads the file a src names (its query is not part of it).
  await writePhoto(path.join(site.root, 'public/photos/a.jpg'), 640, 427)
  const outcome = await buildSite(site.root, { feeds: { tags: true } })
  expect(errorLines(outcome)).toEqual([])
  articleHtml = await readOutput(site.outDir, '2025/05/31/one/index.html')
  articlePage = (await loadParse5()).parse(articleHtml)
}, 60_000)

afterAll(() => site?.dispose())

const byTag = (document: Parse5Node, tag: string) => elements(document).filter((e) => e.tagName === tag)
const byClass = (document: Parse5Node, className: string) =>
  elements(document).filter((e) => attribute(e, 'class')?.split(' ').includes(className))
const meta = (document: Parse5Node, key: string) =>
  byTag(document, 'meta').find((m) => attribute(m, 'name') === key || attribute(m, 'property') === key)

describe('front matter in the article page', () => {
  it('parses to a page with no script but its two JSON-LD blocks and no event handlers', () => {
    expect(unsafeMarkup(articlePage)).toEqual([])
    expect(byTag(articlePage, 'script')).toHaveLength(2)
    expect(articleHtml.match(/<script/gi)).toHaveLength(2)
    expect(articleHtml).not.toContain('<img src=x')
  })

  it('shows the headline, summary, byline and source exactly as written', () => {
    const text = (className: string) => byClass(articlePage, className).map(textContent)
    expect(text('title')).toEqual([`${HOSTILE} title one`])
    expect(text('summary')).toEqual([`${HOSTILE} summary one`])
    expect(text('author')).toEqual([`${HOSTILE} author`])
    expect(text('source')).toEqual([`${HOSTILE} source`])
    expect(attribute(byClass(articlePage, 'lead')[0] as Parse5Node, 'alt')).toBe(`${HOSTILE} alt`)
  })

  it('keeps hostile URLs inside their attributes', () => {
    expect(attribute(byClass(articlePage, 'source')[0] as Parse5Node, 'href')).toBe(
      'https://source.example/"onmouseover="x',
    )
    expect(attribute(byClass(articlePage, 'author')[0] as Parse5Node, 'href')).toBe(
      'https://people.example/?a=1&b=<x>"y',
    )
  })

  it('writes the headline into <title>, the description and og:title as text', () => {
    expect(byTag(articlePage, 'title').map(textContent)).toEqual([`${HOSTILE} title one | Hostile Times`])
    expect(attribute(meta(articlePage, 'description') as Parse5Node, 'content')).toBe(
      `${HOSTILE} summary one`,
    )
    expect(attribute(meta(articlePage, 'og:title') as Parse5Node, 'content')).toBe(
      `${HOSTILE} title one | Hostile Times`,
    )
  })

  it('keeps JSON-LD inside its script elements, where it parses back to the values as written', () => {
    const [news, breadcrumbs] = byTag(articlePage, 'script').map(
      (s) => JSON.parse(textContent(s)) as Record<string, unknown>,
    )
    expect(news).toMatchObject({
      '@type': 'NewsArticle',
      headline: `${HOSTILE} title one`,
      description: `${HOSTILE} summary one`,
      articleSection: `${HOSTILE} category`,
      keywords: [`${HOSTILE} tag`],
      author: [expect.objectContaining({ name: `${HOSTILE} author` })],
    })
    expect(breadcrumbs).toMatchObject({ '@type': 'BreadcrumbList' })
    expect(JSON.stringify(breadcrumbs)).toContain(JSON.stringify(`${HOSTILE} title one`).slice(1, -1))
  })

  it('does not run Handlebars or template literals found in values', () => {
    expect(textContent(byClass(articlePage, 'title')[0] as Parse5Node)).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal that must stay text
      '{{constructor.constructor}} ${process.exit()}',
    )
    expect(articleHtml).not.toMatch(/function Function|native code|\[object/)
  })
})

describe('front matter in listing pages', () => {
  it('every page of the site parses without unsafe markup', async () => {
    const parse5 = await loadParse5()
    const pages = (await listFiles(site.outDir)).filter((f) => f.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(5)
    for (const page of pages) {
      const html = await readOutput(site.outDir, page)
      expect(unsafeMarkup(parse5.parse(html)), page).toEqual([])
      expect(html, page).not.toContain('<img src=x')
    }
  })

  it('the category listing names the category as text', async () => {
    const parse5 = await loadParse5()
    const [listing] = (await listFiles(site.outDir)).filter(
      (f) => f.startsWith('category/') && f.endsWith('index.html'),
    )
    const page = parse5.parse(await readOutput(site.outDir, listing as string))
    expect(byClass(page, 'listing').map(textContent)).toEqual([`${HOSTILE} category`])
  })
})

/** Every XML output of the site, validated by fast-xml-parser and by xmllint. */
async function xmlFiles(): Promise<string[]> {
  return (await listFiles(site.outDir)).filter((f) => f.endsWith('.xml'))
}

describe('front matter in feeds and sitemaps', () => {
  it('every XML file is well-formed for fast-xml-parser and xmllint', async () => {
    const files = await xmlFiles()
    expect(files).toEqual(
      expect.arrayContaining(['feed/rss.xml', 'feed/atom.xml', 'sitemap.xml', 'news-sitemap.xml']),
    )
    for (const file of files) {
      expect(XMLValidator.validate(await readOutput(site.outDir, file)), file).toBe(true)
      await expect(run('xmllint', ['--noout', path.join(site.outDir, file)]), file).resolves.toBeDefined()
    }
  })

  it('RSS holds the headline, summary, author and category as text', async () => {
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' })
    const rss = parser.parse(await readOutput(site.outDir, 'feed/rss.xml')) as {
      rss: { channel: { item: Record<string, unknown>[] } }
    }
    const [item] = rss.rss.channel.item
    expect(item?.title).toBe(`${XML_TEXT} title one`)
    expect(item?.['dc:creator']).toMatchObject({ '#text': `${XML_TEXT} author` })
    expect(item?.category).toEqual(expect.arrayContaining([`${XML_TEXT} category`]))
    // The description is HTML (escaped text): read as HTML it is the summary again.
    const description = (await loadParse5()).parse(String(item?.description))
    expect(textContent(description)).toBe(`${XML_TEXT} summary one`)
  })

  it('a feed reader reads both feeds, and the Atom titles exactly', async () => {
    const rss = parseFeed(await readOutput(site.outDir, 'feed/rss.xml'))
    expect(rss.items).toHaveLength(2)
    // RSS titles are plain text, but readers (this one too) decode entities in them as if
    // they were HTML, so `&amp;` reads as `&` there; Atom says which it is (type="html").
    const atom = parseFeed(await readOutput(site.outDir, 'feed/atom.xml'))
    expect(atom.items.map((i) => i.title)).toEqual([`${XML_TEXT} title one`, `${XML_TEXT} title two`])
  })

  it('Atom holds the headline and author as text', async () => {
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' })
    const atom = parser.parse(await readOutput(site.outDir, 'feed/atom.xml')) as {
      feed: { entry: { title: { '#text': string }; author: { name: string } }[] }
    }
    const [entry] = atom.feed.entry
    // type="html": the text is escaped HTML, and decodes to the headline.
    const title = (await loadParse5()).parse(entry?.title['#text'] ?? '')
    expect(textContent(title)).toBe(`${XML_TEXT} title one`)
    expect(entry?.author.name).toBe(`${XML_TEXT} author`)
  })

  it('JSON Feed parses and holds every value exactly', async () => {
    const feed = JSON.parse(await readOutput(site.outDir, 'feed/feed.json')) as {
      items: { title: string; summary: string; authors: { name: string }[]; tags: string[] }[]
    }
    expect(feed.items[0]).toMatchObject({
      title: `${XML_TEXT} title one`,
      summary: `${XML_TEXT} summary one`,
      authors: [{ name: `${XML_TEXT} author` }],
      tags: expect.arrayContaining([`${XML_TEXT} category`, `${XML_TEXT} tag`]),
    })
  })

  it('the news sitemap holds the headline as text, and the sitemap lists every page', async () => {
    const parser = new XMLParser({ isArray: (name) => name === 'url' })
    const news = parser.parse(await readOutput(site.outDir, 'news-sitemap.xml')) as {
      urlset: { url: { 'news:news': { 'news:title': string } }[] }
    }
    expect(news.urlset.url.map((u) => u['news:news']['news:title'])).toEqual([
      `${XML_TEXT} title one`,
      `${XML_TEXT} title two`,
    ])
    const sitemap = parser.parse(await readOutput(site.outDir, 'sitemap.xml')) as {
      urlset: { url: { loc: string }[] }
    }
    for (const { loc } of sitemap.urlset.url) expect(new URL(loc).origin).toBe('https://news.example')
  })
})
