// A newsroom's day, built with the news theme: a live blog run from morning to its end, a story
// retracted, another taken down for legal reasons, a paywalled story with a correction, a
// listing of wire jobs that expires; each as the site, the feeds, the sitemaps and the
// structured data show it, and .warta/changed.json naming exactly what to purge.
import { createHash } from 'node:crypto'
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createPreviewServer } from '../../packages/core/src/dev/preview-server.js'
import { type BuildReport, build } from '../../packages/core/src/pipeline/build.js'
import { parseXml, xmllint } from '../../packages/core/test/outputs/fixtures.js'
import { newsTheme } from '../../packages/theme-news/src/index.js'
import { startApache, startNginx } from '../host-servers.js'
import { extractJsonLd, validateStructuredData } from '../structured-data.js'
import { describeViolations, launchBrowser, runAxe } from '../theme/browser.js'
import { runVnu, vnuErrors } from '../theme/vnu.js'

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/newsroom-day')
const SITE = 'https://kaltim.example'
const LIVE = '2025/05/17/langsung-banjir-rendam-samarinda-warga-dievakuasi/'
const BRIDGE = '2025/05/15/jembatan-mahakam-retak-lalu-lintas-dialihkan/'
const LAND = '2025/05/14/sengketa-lahan-di-palaran-memanas-warga-tuding-pengembang/'
const BUDGET = '2025/05/16/dprd-setujui-tambahan-anggaran-pendidikan-rp-120-miliar/'
const JOBS = '2025/05/10/lowongan-tenaga-kontrak-pemkot-dibuka-hingga-16-mei/'
/** Saturday 17 May 2025 in Samarinda (WITA, UTC+8), at a given time of day. */
const at = (time: string) => new Date(`2025-05-17T${time}:00+08:00`)

let root: string
let outDir: string

async function filesOf(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')
    hashes.set(
      file,
      createHash('sha256')
        .update(await readFile(path.join(dir, file)))
        .digest('hex'),
    )
  }
  return hashes
}

/** The URL a file is served at, as a CDN caches it: pages by their folder. */
const urlOf = (file: string) => `${SITE}/${file.replace(/(^|\/)index\.html$/, '$1')}`

/** What changed between two snapshots of the output folder, as URLs, found by comparing bytes. */
function diff(before: Map<string, string>, after: Map<string, string>) {
  const urls = (files: string[]) => files.map(urlOf).sort()
  return {
    added: urls([...after.keys()].filter((f) => !before.has(f))),
    changed: urls([...after.keys()].filter((f) => before.has(f) && before.get(f) !== after.get(f))),
    removed: urls([...before.keys()].filter((f) => !after.has(f))),
  }
}

async function buildAt(now: Date): Promise<{ report: BuildReport; before: Map<string, string> }> {
  const before = await filesOf(outDir).catch(() => new Map<string, string>())
  const report = await build(
    {
      root,
      outDir,
      site: { title: 'Warta Kaltim', url: SITE, lang: 'id-ID', timezone: 'Asia/Makassar' },
      theme: newsTheme({ mastheadDate: false }),
    },
    { now },
  )
  return { report, before }
}

/** The share card the image stage draws for an article without a photograph. */
const shareCard = expect.stringMatching(/^https:\/\/kaltim\.example\/assets\/img\/card-[0-9a-f]+\.png$/)

const isIndexFile = (url: string) => url.startsWith(`${SITE}/pagefind/`)

/**
 * Builds, and checks that changed.json lists exactly the files whose bytes changed, came or went,
 * the search index's among them when the step changed what is indexed. Returns the
 * lists without the index's files, which are named by their contents and so come and go with
 * every edit, for the assertions on pages and feeds.
 */
async function buildAndPurge(now: Date, reindexed = true) {
  const { report, before } = await buildAt(now)
  const after = await filesOf(outDir)
  const written = JSON.parse(await readFile(path.join(root, '.warta', 'changed.json'), 'utf8'))
  const { builtAt: _, ...urls } = written as ReturnType<typeof diff> & { builtAt: string }
  expect(urls).toEqual(diff(before, after))
  expect(report.changed).toEqual(written)
  expect([...urls.added, ...urls.changed, ...urls.removed].some(isIndexFile)).toBe(reindexed)
  const pages = (list: string[]) => list.filter((url) => !isIndexFile(url))
  return { added: pages(urls.added), changed: pages(urls.changed), removed: pages(urls.removed) }
}

const page = (sitePath: string) => readFile(path.join(outDir, sitePath, 'index.html'), 'utf8')
const read = (file: string) => readFile(path.join(outDir, file), 'utf8')

/** Parsed JSON-LD, feeds and XML: any shape, which the tests assert on property by property. */
// biome-ignore lint/suspicious/noExplicitAny: see above
type Parsed = Record<string, any>

/** The main JSON-LD item of an article page. */
async function mainItem(sitePath: string): Promise<Parsed> {
  const items = extractJsonLd(await page(sitePath))
  const [item] = [...(items.LiveBlogPosting ?? []), ...(items.NewsArticle ?? [])]
  expect(item, `JSON-LD of ${sitePath}`).toBeDefined()
  return item as Parsed
}

/** A listing's page and its three feeds, as purge URLs in sorted order. */
const feedsOf = (listing: string) =>
  ['', 'feed/atom.xml', 'feed/feed.json', 'feed/rss.xml'].map((file) => `${SITE}/${listing}${file}`)

const sitemapUrls = async () => {
  const xml = await read('sitemap.xml')
  expect(xmllint(xml, 'sitemap.xsd')).toBe('')
  const urls = parseXml(xml).urlset.url as { loc: string; lastmod?: string }[]
  return new Map((Array.isArray(urls) ? urls : [urls]).map((u) => [u.loc, u.lastmod]))
}

const rssItems = async (file = 'feed/rss.xml') => {
  const channel = parseXml(await read(file)).rss.channel
  return (channel.item ?? []) as Parsed[]
}

beforeAll(async () => {
  const work = await mkdtemp(path.join(tmpdir(), 'warta-newsroom-day-'))
  root = path.join(work, 'site')
  outDir = path.join(work, 'dist')
  await cp(fixture, root, { recursive: true })
})

afterAll(async () => {
  await rm(path.dirname(root), { recursive: true, force: true })
})

const edit = async (file: string, change: (text: string) => string) => {
  const full = path.join(root, 'content/2025/05', file)
  await writeFile(full, change(await readFile(full, 'utf8')))
}

describe('a newsroom day', () => {
  test('09.00: the live blog, the paywalled story and the expired listing', async () => {
    const first = await buildAndPurge(at('09:00'))
    expect(first.changed).toEqual([])
    expect(first.added).toContain(`${SITE}/${LIVE}`)

    const live = await mainItem(LIVE)
    expect(live['@type']).toBe('LiveBlogPosting')
    expect(live.coverageStartTime).toBe('2025-05-17T06:15:00+08:00')
    expect(live.coverageEndTime).toBeUndefined()
    expect(live.dateModified).toBe('2025-05-17T08:40:00+08:00')
    expect(live.liveBlogUpdate).toEqual([
      {
        '@type': 'BlogPosting',
        headline: 'Evakuasi dimulai',
        articleBody:
          'Tim SAR gabungan mulai mengevakuasi warga lanjut usia di Kelurahan Sempaja dengan perahu karet.',
        datePublished: '2025-05-17T08:40:00+08:00',
        dateModified: '2025-05-17T08:40:00+08:00',
        author: [
          expect.objectContaining({ '@type': 'Person', name: 'Rina Wati', url: `${SITE}/penulis/rina/` }),
        ],
        url: `${SITE}/${LIVE}#0840--evakuasi-dimulai`,
        image: ['https://foto.warta.example/2025/05/17/sempaja-perahu.jpg'],
      },
      {
        '@type': 'BlogPosting',
        headline: 'Air mulai naik di Jalan Pahlawan',
        articleBody: expect.stringMatching(/^Genangan setinggi 30 sentimeter/),
        datePublished: '2025-05-17T06:15:00+08:00',
        dateModified: '2025-05-17T06:15:00+08:00',
        author: [expect.objectContaining({ '@type': 'Person', name: 'Dimas Pratama' })],
        url: `${SITE}/${LIVE}#0615--air-mulai-naik-di-jalan-pahlawan`,
      },
    ])
    const html = await page(LIVE)
    // Each entry's fragment is an id on the page; the author mark is not in the heading.
    expect(html).toContain('<h2 id="0840--evakuasi-dimulai">08.40 — Evakuasi dimulai</h2>')
    expect(html).not.toContain('{author=')
    expect(html).toMatch(
      /Diperbarui <time datetime="2025-05-17T08:40:00\+08:00">Sabtu, 17 Mei 2025, 08\.40 WITA<\/time>/,
    )
    expect(html).toContain('<span class="live-badge">Langsung</span>')
    expect((await sitemapUrls()).get(`${SITE}/${LIVE}`)).toBe('2025-05-17T00:40:00.000Z')
    const [newest] = await rssItems()
    expect(newest?.link).toBe(`${SITE}/${LIVE}`)

    // Paywalled: not free, the body named by its selector and marked in the page, feeds carry the summary.
    const budget = await mainItem(BUDGET)
    expect(budget.isAccessibleForFree).toBe(false)
    expect(budget.hasPart).toEqual({
      '@type': 'WebPageElement',
      isAccessibleForFree: false,
      cssSelector: '.paywall',
    })
    const budgetHtml = await page(BUDGET)
    expect(budgetHtml).toMatch(/<div class="article__body prose paywall" data-access="subscribers">/)
    const budgetItem = (await rssItems()).find((item) => item.link === `${SITE}/${BUDGET}`)
    expect(budgetItem?.description).toBe('Tambahan anggaran dipakai untuk rehabilitasi 80 sekolah dasar.')
    expect(budgetItem?.['content:encoded']).toBeUndefined()
    const jsonFeed = JSON.parse(await read('feed/feed.json'))
    const budgetJson = jsonFeed.items.find((item: { url: string }) => item.url === `${SITE}/${BUDGET}`)
    expect(budgetJson.content_html).toBeUndefined()
    expect(JSON.stringify(jsonFeed)).not.toContain('Dinas Pendidikan menyebut')
    // Corrected: the byline's last update and a link from the top to the correction notice.
    expect(budgetHtml).toContain(
      '<p class="notice-link"><a href="#corrections-title">Artikel ini telah dikoreksi</a></p>',
    )
    expect(budgetHtml).toContain('id="corrections-title"')
    expect(budgetHtml).toMatch(
      /Diperbarui <time datetime="2025-05-17T09:00:00\+08:00">Sabtu, 17 Mei 2025, 09\.00 WITA<\/time>/,
    )

    // The story retracted later, as it was: with its photograph.
    expect(await page(BRIDGE)).toContain(
      '<meta property="og:image" content="https://foto.warta.example/2025/05/15/jembatan-mahakam-retak.jpg">',
    )

    // Expired at midnight: by default a "410 Gone" stub, in no listing, feed or sitemap.
    const jobs = await page(JOBS)
    expect(jobs).toContain('Halaman telah dihapus')
    expect(jobs).not.toContain('Lowongan Tenaga Kontrak')
    expect(jobs).toContain('<meta name="robots" content="noindex">')
    expect(await read('_redirects')).toContain(`/${JOBS} /${JOBS} 410!`)
    expect((await sitemapUrls()).has(`${SITE}/${JOBS}`)).toBe(false)
    expect(JSON.stringify(await rssItems())).not.toContain('lowongan')
  })

  test('structured data on every page passes the schema.org vocabulary and the rich-result rules of the validator', async () => {
    const pages = [...(await filesOf(outDir)).keys()].filter((file) => file.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(15)
    const found = new Set<string>()
    for (const file of pages) {
      const html = await read(file)
      for (const type of Object.keys(extractJsonLd(html))) found.add(type)
      expect(await validateStructuredData(html), file).toEqual([])
    }
    expect([...found].sort()).toEqual([
      'BreadcrumbList',
      'LiveBlogPosting',
      'NewsArticle',
      'Organization',
      'ProfilePage',
      'WebSite',
    ])
  })

  test('the live blog through the day: each entry moves its dates, the end closes its coverage', async () => {
    await edit(
      'banjir-langsung.md',
      (text) =>
        `${text}
## 13.05 — Posko pengungsian dibuka di GOR Segiri

Pemerintah kota membuka posko di GOR Segiri untuk 450 pengungsi.

## 19.30 — Air mulai surut {author="Rina Wati"}

Ketinggian air di Jalan Pahlawan turun menjadi 10 sentimeter.
`,
    )
    const evening = await buildAndPurge(at('19:45'))
    // The blog's page, its feeds and the sitemaps; listings show when it was published, so stay.
    expect(evening.changed).toEqual(
      expect.arrayContaining([
        `${SITE}/${LIVE}`,
        `${SITE}/feed/rss.xml`,
        `${SITE}/kategori/lingkungan/feed/atom.xml`,
        `${SITE}/sitemap.xml`,
        `${SITE}/news-sitemap.xml`,
      ]),
    )
    expect(evening.changed).not.toContain(`${SITE}/${BRIDGE}`)
    expect(evening.changed).not.toContain(`${SITE}/`)
    expect(evening.added).toEqual([])
    const live = await mainItem(LIVE)
    expect(live.dateModified).toBe('2025-05-17T19:30:00+08:00')
    expect(live.liveBlogUpdate.map((u: { headline: string }) => u.headline)).toEqual([
      'Air mulai surut',
      'Posko pengungsian dibuka di GOR Segiri',
      'Evakuasi dimulai',
      'Air mulai naik di Jalan Pahlawan',
    ])
    // A name that is no author file stays the name.
    expect(live.liveBlogUpdate[0].author).toEqual([
      { '@type': 'Person', name: 'Rina Wati', url: expect.any(String) },
    ])
    expect(await page(LIVE)).toMatch(/Diperbarui <time datetime="2025-05-17T19:30:00\+08:00">/)
    expect((await sitemapUrls()).get(`${SITE}/${LIVE}`)).toBe('2025-05-17T11:30:00.000Z')
    const feed = parseXml(await read('feed/atom.xml')).feed
    expect(feed.updated).toBe('2025-05-17T19:30:00+08:00')
    const entry = (feed.entry as Parsed[]).find((e) => e.id === `${SITE}/${LIVE}`)
    expect(entry?.updated).toBe('2025-05-17T19:30:00+08:00')

    await edit('banjir-langsung.md', (text) => text.replace('liveblog: true', 'liveblog: ended'))
    // The text is as it was: the search index stays.
    await buildAndPurge(at('21:00'), false)
    const ended = await mainItem(LIVE)
    expect(ended.coverageEndTime).toBe('2025-05-17T19:30:00+08:00')
    const html = await page(LIVE)
    expect(html).not.toContain('<span class="live-badge">')
    expect(html).toContain('Liputan langsung berakhir')
    expect(await page('')).not.toContain('<span class="live-badge">')
  })

  test("a retraction: the notice and the editor's note replace the story, which stays in the sitemap alone", async () => {
    await edit('jembatan-retak.md', (text) =>
      text.replace(
        'summary:',
        'status: retracted\neditorNote:\n  date: 2025-05-17T21:30\n  note: Dinas PUPR membantah adanya retakan; foto yang kami terima berasal dari jembatan lain.\nsummary:',
      ),
    )
    const purge = await buildAndPurge(at('21:45'))
    expect(purge.changed).toEqual(
      expect.arrayContaining([
        `${SITE}/${BRIDGE}`,
        `${SITE}/`,
        `${SITE}/penulis/rina/`,
        `${SITE}/sitemap.xml`,
      ]),
    )
    // It was the section's only story: the section, its feeds and its place in the menu go.
    expect(purge.removed).toEqual([
      `${SITE}/kategori/infrastruktur/`,
      `${SITE}/kategori/infrastruktur/feed/atom.xml`,
      `${SITE}/kategori/infrastruktur/feed/feed.json`,
      `${SITE}/kategori/infrastruktur/feed/rss.xml`,
    ])
    const html = await page(BRIDGE)
    expect(html).toContain('<h1 class="article__title">Jembatan Mahakam Retak, Lalu Lintas Dialihkan</h1>')
    expect(html).toContain('Artikel ini telah ditarik')
    expect(html).toContain('Dinas PUPR membantah adanya retakan')
    expect(html).toContain('<time datetime="2025-05-17T21:30:00+08:00">Sabtu, 17 Mei 2025, 21.30 WITA</time>')
    expect(html).not.toContain('menemukan retakan sepanjang dua meter')
    expect(html).not.toContain('Dinas PUPR menutup satu lajur')
    // Nor its photograph, on the page or in what it shares.
    expect(html).not.toContain('jembatan-mahakam-retak.jpg')
    expect(html).toContain('<meta name="robots" content="noindex">')
    const item = await mainItem(BRIDGE)
    expect(item).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Jembatan Mahakam Retak, Lalu Lintas Dialihkan',
      dateModified: '2025-05-17T21:30:00+08:00',
      description: expect.stringMatching(/^Dinas PUPR membantah/),
    })
    expect(item.articleBody).toBeUndefined()
    expect((await sitemapUrls()).get(`${SITE}/${BRIDGE}`)).toBe('2025-05-17T13:30:00.000Z')
    for (const file of ['feed/rss.xml', 'penulis/rina/feed/rss.xml'])
      expect(JSON.stringify(await rssItems(file)), file).not.toContain(BRIDGE)
    for (const listing of ['', 'arsip/', 'tag/samarinda/', 'penulis/rina/'])
      expect(await page(listing), listing).not.toContain(`/${BRIDGE}`)
    expect(await read('news-sitemap.xml')).not.toContain(BRIDGE)
  })

  test('a legal takedown: a "410 Gone" stub in no output, answered 410 by the preview and by the host rules', async () => {
    await edit('sengketa-lahan.md', (text) =>
      text.replace(
        'summary:',
        'status: removed\neditorNote:\n  date: 2025-05-17T22:00\n  note: Dihapus atas perintah pengadilan.\nsummary:',
      ),
    )
    const purge = await buildAndPurge(at('22:10'))
    expect(purge.changed).toEqual(
      expect.arrayContaining([`${SITE}/${LAND}`, `${SITE}/_redirects`, `${SITE}/_headers`, `${SITE}/`]),
    )
    expect(purge.added).toEqual([])
    // It was the last story of its section and of its reporter (her other one is retracted).
    // Its share card (the headline drawn on a picture) goes with it.
    expect(purge.removed).toEqual([shareCard, ...feedsOf('kategori/hukum/'), ...feedsOf('penulis/rina/')])
    const stub = await page(LAND)
    expect(stub).toContain('Halaman telah dihapus')
    expect(stub).toContain('Dihapus atas perintah pengadilan.')
    expect(stub).not.toContain('Sengketa Lahan')
    // Only its own URL (the slug) still names it.
    expect(stub.replaceAll(LAND, '')).not.toContain('pengembang')
    expect(stub).not.toContain('application/ld+json')
    expect(await read('_redirects')).toBe(`/${JOBS} /${JOBS} 410!\n/${LAND} /${LAND} 410!\n`)
    expect(await read('_headers')).toBe(
      `/${JOBS}\n  X-Robots-Tag: noindex\n/${LAND}\n  X-Robots-Tag: noindex\n`,
    )
    expect((await sitemapUrls()).has(`${SITE}/${LAND}`)).toBe(false)
    for (const file of ['feed/feed.json', 'feed/atom.xml', 'news-sitemap.xml'])
      expect(await read(file), file).not.toContain(LAND)
    for (const listing of ['', 'arsip/', 'tag/samarinda/'])
      expect(await page(listing), listing).not.toContain('Sengketa Lahan')

    // The stub, the retraction, the ended live blog and the paywalled story are valid HTML.
    const { count, report } = vnuErrors(await runVnu(outDir), outDir)
    expect(count, report).toBe(0)

    const server = await createPreviewServer({ root: outDir })
    try {
      const gone = await fetch(new URL(LAND, server.url))
      expect(gone.status).toBe(410)
      expect(await gone.text()).toContain('Halaman telah dihapus')
      expect((await fetch(new URL(LAND.slice(0, -1), server.url))).status).toBe(410)
      expect((await fetch(new URL(JOBS, server.url))).status).toBe(410)
      expect((await fetch(new URL(LIVE, server.url))).status).toBe(200)
      // Readers with assistive technology get the same pages: axe-core in Chromium finds nothing.
      const browser = await launchBrowser()
      try {
        for (const sitePath of [LIVE, BRIDGE, LAND, BUDGET]) {
          await browser.page.goto(new URL(sitePath, server.url).href)
          const violations = await runAxe(browser.page)
          expect(violations, `${sitePath}\n${describeViolations(violations)}`).toEqual([])
        }
        // Site search finds neither the removed story nor the retracted one, and still the live blog.
        const status = () => browser.page.locator('#search-status')
        for (const word of ['Palaran', 'Jembatan']) {
          await browser.page.goto(new URL(`cari/?q=${word}`, server.url).href)
          await expect
            .poll(() => status().textContent())
            .toBe(`Tidak ada berita untuk “${word}”. Coba kata lain.`)
        }
        await browser.page.goto(new URL('cari/?q=perahu', server.url).href)
        await expect
          .poll(() => browser.page.locator('.search-result__title a').allTextContents())
          .toEqual(['Langsung: Banjir Rendam Samarinda, Warga Dievakuasi'])
      } finally {
        await browser.close()
      }
    } finally {
      await server.close()
    }

    // nginx and Apache, with the snippets the build wrote beside the output, answer as the preview does.
    const snippets = {
      nginx: path.join(root, '.warta', 'nginx-gone.conf'),
      apache: path.join(root, '.warta', 'apache-gone.conf'),
    }
    expect(await readFile(snippets.nginx, 'utf8')).toContain(
      `location = "/${LAND}" { error_page 410 @warta_gone_1; return 410; }`,
    )
    expect(await readFile(snippets.apache, 'utf8')).toContain(`RewriteCond %{REQUEST_URI} =/${LAND}`)
    for (const start of [
      () => startNginx(outDir, snippets.nginx),
      () => startApache(outDir, snippets.apache),
    ]) {
      const server = await start()
      try {
        for (const [url, status] of [
          [LAND, 410],
          [LAND.slice(0, -1), 410],
          [`${LAND}index.html`, 410],
          [JOBS, 410],
          [LIVE, 200],
          [`${LIVE}index.html`, 200],
          ['', 200],
          ['tidak-ada/', 404],
        ] as const) {
          const response = await fetch(new URL(url, server.url), { redirect: 'manual' })
          expect(response.status, `${server.url} ${url}`).toBe(status)
          const body = await response.text()
          if (status === 410) {
            expect(body, url).toBe(await page(url === JOBS ? JOBS : LAND))
            expect(response.headers.get('x-robots-tag'), url).toBe('noindex')
          }
        }
      } finally {
        await server.close()
      }
    }
  })

  test('an added story and a deleted file: exactly their pages and the lists that show them', async () => {
    await writeFile(
      path.join(root, 'content/2025/05/posko-bantuan.md'),
      `---
title: Posko Bantuan Banjir Kekurangan Selimut
date: 2025-05-17T22:30
author: rina
category: Lingkungan
tags: [Banjir]
summary: Posko di GOR Segiri meminta bantuan selimut dan makanan bayi.
---

Relawan di GOR Segiri mencatat 450 pengungsi, sebagian besar anak-anak dan warga lanjut usia.
`,
    )
    const added = await buildAndPurge(at('22:45'))
    // The story, and its reporter's page and feeds, which her takedown and retraction had emptied.
    const story = `${SITE}/2025/05/17/posko-bantuan-banjir-kekurangan-selimut/`
    expect(added.added).toEqual([story, shareCard, ...feedsOf('penulis/rina/')])
    expect(added.changed).toEqual(expect.arrayContaining([`${SITE}/`, `${SITE}/tag/banjir/`]))
    expect(added.changed).not.toContain(`${SITE}/${BRIDGE}`)
    expect(added.removed).toEqual([])

    await rm(path.join(root, 'content/2025/05/posko-bantuan.md'))
    const removed = await buildAndPurge(at('23:00'))
    expect(removed.removed).toEqual([story, shareCard, ...feedsOf('penulis/rina/')])
    expect(removed.added).toEqual([])
  })
})

describe('what a newsroom chooses and gets wrong', () => {
  /** A copy of the fixture, built once at 09.00 with the given content options. */
  async function buildCopy(content: Record<string, unknown>, change?: (root: string) => Promise<void>) {
    const work = await mkdtemp(path.join(tmpdir(), 'warta-newsroom-choice-'))
    const site = path.join(work, 'site')
    await cp(fixture, site, { recursive: true })
    await change?.(site)
    const built = build(
      {
        root: site,
        outDir: path.join(work, 'dist'),
        site: { title: 'Warta Kaltim', url: SITE, lang: 'id-ID', timezone: 'Asia/Makassar' },
        content,
        theme: newsTheme({ mastheadDate: false }),
      },
      { now: at('09:00') },
    )
    return { work, site, built }
  }

  test('content.expire "retract": the expired listing keeps its headline under a notice dated at its expiry, in the sitemap only', async () => {
    const { work, built } = await buildCopy({ expire: 'retract' })
    try {
      await built
      const html = await readFile(path.join(work, 'dist', JOBS, 'index.html'), 'utf8')
      expect(html).toContain(
        '<h1 class="article__title">Lowongan Tenaga Kontrak Pemkot Dibuka Hingga 16 Mei</h1>',
      )
      expect(html).toContain('Artikel ini telah ditarik')
      expect(html).toContain(
        '<time datetime="2025-05-17T00:00:00+08:00">Sabtu, 17 Mei 2025, 00.00 WITA</time>',
      )
      expect(html).not.toContain('membuka 200 lowongan')
      expect(html).toContain('<meta name="robots" content="noindex">')
      const sitemap = await readFile(path.join(work, 'dist', 'sitemap.xml'), 'utf8')
      expect(xmllint(sitemap, 'sitemap.xsd')).toBe('')
      const urls = parseXml(sitemap).urlset.url as { loc: string; lastmod?: string }[]
      expect(urls.find((u) => u.loc === `${SITE}/${JOBS}`)?.lastmod).toBe('2025-05-16T16:00:00.000Z')
      expect(await readFile(path.join(work, 'dist', 'feed', 'rss.xml'), 'utf8')).not.toContain(JOBS)
      // Nothing is removed, so no host rules are written.
      await expect(readFile(path.join(work, 'dist', '_redirects'), 'utf8')).rejects.toThrow(/ENOENT/)
      expect(await validateStructuredData(html)).toEqual([])
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  })

  test("a retraction without an editor's note fails the build at its status, saying what to add", async () => {
    const { work, built } = await buildCopy({}, async (site) => {
      const file = path.join(site, 'content/2025/05/jembatan-retak.md')
      const text = await readFile(file, 'utf8')
      await writeFile(file, text.replace('summary:', 'status: retracted\nsummary:'))
    })
    try {
      const error = await built.then(
        () => undefined,
        (e: unknown) => e as { diagnostics: Record<string, unknown>[] },
      )
      expect(error?.diagnostics.filter((d) => d.severity === 'error')).toEqual([
        {
          file: 'content/2025/05/jembatan-retak.md',
          place: { line: 12, column: 9 },
          message: 'The article is retracted but has no editor’s note: its page would not say when or why.',
          hint: expect.stringContaining('editorNote:'),
          ruleId: 'retraction-note',
          severity: 'error',
        },
      ])
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  })
})
