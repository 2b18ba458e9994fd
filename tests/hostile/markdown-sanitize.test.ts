import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  article,
  attribute,
  buildSite,
  createSite,
  elements,
  errorLines,
  loadParse5,
  type Parse5Node,
  readOutput,
  type TempSite,
  textContent,
} from './helpers.js'
import { effectiveScheme, unsafeMarkup } from './unsafe-markup.js'

// Script-capable URLs in every place markdown takes a URL, and raw HTML that runs script,
// in the bodies of articles built with the default `markdown.html: 'sanitize'`.

const SCRIPT_URLS: [string, string][] = [
  ['javascript:', 'javascript:alert(1)'],
  ['JavaScript: in mixed case', 'JaVaScRiPt:alert(1)'],
  ['JAVASCRIPT: in capitals', 'JAVASCRIPT:alert(1)'],
  ['a tab entity inside javascript:', 'jav&#x09;ascript:alert(1)'],
  ['a newline entity inside javascript:', 'jav&#x0A;ascript:alert(1)'],
  ['a named tab entity inside javascript:', 'java&Tab;script:alert(1)'],
  ['an entity for the first letter of javascript:', '&#106;avascript:alert(1)'],
  ['a decimal entity without semicolon', '&#106avascript:alert(1)'],
  ['an entity for the colon of javascript:', 'javascript&colon;alert(1)'],
  ['a percent-encoded newline inside javascript:', 'java%0ascript:alert(1)'],
  ['a control character before javascript:', '\u0001javascript:alert(1)'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['data:text/html', 'data:text/html,%3Cscript%3Ealert(1)%3C/script%3E'],
  ['base64 data:text/html', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['data:image/svg+xml', 'data:image/svg+xml,%3Csvg%20onload=alert(1)%3E'],
]

/** Each place markdown takes a URL, with the URL written in. */
const PLACES: [string, (url: string) => string][] = [
  ['an inline link', (url) => `[click](${url})`],
  ['an inline link in angle brackets', (url) => `[click](<${url}>)`],
  ['an inline link with a title', (url) => `[click](${url} "title")`],
  ['an image', (url) => `![photo](${url})`],
  ['a linked image', (url) => `[![photo](${url})](${url})`],
  ['a reference definition', (url) => `[click][ref]\n\n[ref]: ${url}`],
  ['a reference definition in angle brackets', (url) => `![photo][ref]\n\n[ref]: <${url}>`],
  ['an autolink', (url) => `<${url}>`],
]

const RAW_HTML: [string, string][] = [
  ['<script>', '<script>alert(1)</script>'],
  ['<script> split over lines', '<script\n>alert(1)</script\n>'],
  ['<img onerror>', '<img src=x onerror=alert(1)>'],
  ['<img onerror> inline in a paragraph', 'Text <img src="x" onerror="alert(1)"> more text.'],
  ['<iframe>', '<iframe src="https://evil.example/"></iframe>'],
  ['<iframe srcdoc>', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['<svg onload>', '<svg onload=alert(1)><circle r="1"/></svg>'],
  ['<svg><script>', '<svg><script>alert(1)</script></svg>'],
  ['<math> with a javascript: link', '<math><a xlink:href="javascript:alert(1)">x</a></math>'],
  ['<a href="javascript:…">', '<a href="javascript:alert(1)">x</a>'],
  ['<a href> with an entity-encoded scheme', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
  ['<object>', '<object data="javascript:alert(1)"></object>'],
  ['<embed>', '<embed src="https://evil.example/x.swf">'],
  ['<style>', '<style>body{background:url(javascript:alert(1))}</style>'],
  ['a style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
  ['<form action>', '<form action="javascript:alert(1)"><button>go</button></form>'],
  ['<meta http-equiv=refresh>', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['<base href>', '<base href="https://evil.example/">'],
  ['<details ontoggle>', '<details open ontoggle=alert(1)><summary>x</summary></details>'],
  ['<body onload>', '<body onload=alert(1)>'],
  ['an HTML comment hiding a script', '<!--><script>alert(1)</script>-->'],
  ['a CDATA section', '<![CDATA[<script>alert(1)</script>]]>'],
  ['<template>', '<template><script>alert(1)</script></template>'],
  [
    '<noscript> with a closing-tag trick',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  ],
  ['<textarea> breaking out', '<textarea></textarea><script>alert(1)</script></textarea>'],
  ['an unclosed tag swallowing the next line', '<img src=x onerror=alert(1)//\nmore'],
]

interface Case {
  slug: string
  body: string
}

const cases = new Map<string, Case>()
let n = 0
const addCase = (name: string, body: string) => {
  n++
  cases.set(name, { slug: `case-${n}`, body })
}
for (const [urlName, url] of SCRIPT_URLS)
  for (const [placeName, place] of PLACES) addCase(`${urlName} in ${placeName}`, place(url))
for (const [name, html] of RAW_HTML) addCase(name, html)

let site: TempSite
const documents = new Map<string, Parse5Node>()
const jsonFeedHtml = new Map<string, string>()

beforeAll(async () => {
  const files: Record<string, string> = {}
  for (const [name, { slug, body }] of cases)
    files[`content/${slug}.md`] = article(
      { title: name, slug, date: '2025-05-01' },
      `Before the payload.\n\n${body}\n\nAfter the payload.\n`,
    )
  site = await createSite(files)
  const outcome = await buildSite(site.root, { permalinks: { article: '/:slug/' }, feeds: { limit: 1000 } })
  expect(errorLines(outcome)).toEqual([])
  const parse5 = await loadParse5()
  for (const [name, { slug }] of cases)
    documents.set(name, parse5.parse(await readOutput(site.outDir, `${slug}/index.html`)))
  const feed = JSON.parse(await readOutput(site.outDir, 'feed/feed.json')) as {
    items: { url: string; content_html: string }[]
  }
  for (const [name, { slug }] of cases) {
    const item = feed.items.find((i) => i.url.endsWith(`/${slug}/`))
    if (item) jsonFeedHtml.set(name, item.content_html)
  }
}, 120_000)

afterAll(() => site?.dispose())

const bodyOf = (document: Parse5Node) =>
  elements(document).find(
    (e) => e.tagName === 'div' && e.attrs?.some((a) => a.value === 'body'),
  ) as Parse5Node

describe('script URLs in article bodies are removed by default', () => {
  it.each([...cases.keys()].filter((name) => !RAW_HTML.some(([raw]) => raw === name)))('%s', async (name) => {
    const document = documents.get(name) as Parse5Node
    expect(unsafeMarkup(document)).toEqual([])
    const body = bodyOf(document)
    for (const element of elements(body))
      for (const name of ['href', 'src']) {
        const value = attribute(element, name)
        if (value !== undefined) expect(['http:', 'https:', 'mailto:']).toContain(effectiveScheme(value))
      }
    // The text around the payload survives: the article is kept, only the URL goes.
    expect(textContent(body)).toContain('Before the payload.')
    expect(textContent(body)).toContain('After the payload.')
  })
})

describe('raw HTML that runs script is removed by default', () => {
  it.each(RAW_HTML.map(([name]) => name))('%s', async (name) => {
    const document = documents.get(name) as Parse5Node
    expect(unsafeMarkup(document)).toEqual([])
    const scripts = elements(document).filter((e) => e.tagName === 'script')
    // Only the page's own NewsArticle and BreadcrumbList JSON-LD.
    expect(scripts.map((s) => attribute(s, 'type'))).toEqual(['application/ld+json', 'application/ld+json'])
  })
})

describe('feeds carry the same sanitized bodies', () => {
  it('every JSON Feed item body parses to markup that cannot run script', async () => {
    const parse5 = await loadParse5()
    expect(jsonFeedHtml.size).toBe(cases.size)
    const problems = [...jsonFeedHtml].flatMap(([name, html]) =>
      unsafeMarkup(parse5.parse(html)).map((problem) => `${name}: ${problem}`),
    )
    expect(problems).toEqual([])
  })

  it('no RSS or Atom item body holds markup that can run script', async () => {
    const parse5 = await loadParse5()
    const parser = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'item' || name === 'entry',
    })
    const rss = parser.parse(await readOutput(site.outDir, 'feed/rss.xml')) as {
      rss: { channel: { item: { 'content:encoded': string }[] } }
    }
    const atom = parser.parse(await readOutput(site.outDir, 'feed/atom.xml')) as {
      feed: { entry: { content: { '#text': string } }[] }
    }
    const bodies = [
      ...rss.rss.channel.item.map((item) => item['content:encoded']),
      ...atom.feed.entry.map((entry) => entry.content['#text']),
    ]
    expect(bodies).toHaveLength(cases.size * 2)
    for (const html of bodies) expect(unsafeMarkup(parse5.parse(html))).toEqual([])
  })
})
