// dev() against a copy of the example site: edits on disk, the rebuild events they cause, and
// what the preview then serves over HTTP, feeds and sitemaps parsed.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as pause } from 'node:timers/promises'
import { Worker } from 'node:worker_threads'
import { XMLParser } from 'fast-xml-parser'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { decodeEntities } from '../../packages/core/test/html-text.js'
import {
  copyExample,
  type DevServer,
  diffWithColdBuild,
  get,
  listPreview,
  loadCore,
  NOW,
  nextError,
  type RebuildEvent,
  rebuildWhere,
  repoRoot,
  type SiteCopy,
  sitePathOf,
  startDev,
} from './dev-site.js'

const TAIPEI = 'content/2025/05/taipei-tawarkan-kerja-sama-strategis.md'

/** Three more articles around the example's one, so that listings, related stories and feeds interact. */
const NEIGHBOURS: Record<string, string> = {
  'content/2025/05/pendidikan-gratis.md': `---
title: Pemprov Kaltim Perluas Program Pendidikan Gratis
slug: pendidikan-gratis
date: 2025-05-18T09:00
author: DHV
category: Pemerintahan
tags: [Pendidikan, Kesehatan]
---

Program pendidikan gratis diperluas ke seluruh kabupaten dan kota di Kalimantan Timur.
`,
  'content/2025/05/rumah-sakit.md': `---
title: Rumah Sakit Baru di Balikpapan Mulai Beroperasi
date: 2025-05-17T10:00
author: Rina
category: Kesehatan
tags: [Kesehatan, Infrastruktur]
---

Rumah sakit rujukan baru di Balikpapan mulai menerima pasien pekan ini.
`,
  'content/2025/05/kereta-api.md': `---
title: Jalur Kereta Api Samarinda–Balikpapan Dikaji
date: 2025-05-15T14:00
author: Budi
category: Ekonomi
tags: [Infrastruktur, Taiwan]
---

Pemprov mengkaji jalur kereta api yang menghubungkan Samarinda, IKN dan Balikpapan.
`,
}

const isHtml = (file: string) => file.endsWith('.html')
const isFeed = (file: string) => /(^|\/)feed\//.test(file)
const xml = new XMLParser()

/** `<loc>`s of a sitemap. */
function sitemapUrls(text: string): string[] {
  const urls = (xml.parse(text) as { urlset: { url?: { loc: string } | { loc: string }[] } }).urlset.url ?? []
  return (Array.isArray(urls) ? urls : [urls]).map((u) => u.loc)
}

/** Item titles of an RSS feed. */
function rssTitles(text: string): string[] {
  const items = (xml.parse(text) as { rss: { channel: { item?: { title: string } | { title: string }[] } } })
    .rss.channel.item
  return (Array.isArray(items) ? items : items ? [items] : []).map((item) =>
    decodeEntities(String(item.title)),
  )
}

/** Item titles of a JSON feed. */
const jsonFeedTitles = (text: string): string[] =>
  (JSON.parse(text) as { items: { title: string }[] }).items.map((item) => item.title)

describe('dev() on a copy of the example site', () => {
  let site: SiteCopy
  let server: DevServer

  /** The output path of the one page whose path contains `fragment`. */
  async function pageOf(fragment: string): Promise<string> {
    const pages = (await listPreview(server)).filter((f) => isHtml(f) && f.includes(fragment))
    expect(pages).toHaveLength(1)
    return pages[0] as string
  }

  /** The page at a site path as text, character references decoded. */
  async function text(sitePath: string): Promise<string> {
    const response = await get(server, sitePath)
    expect(response.status, sitePath).toBe(200)
    return decodeEntities(response.text)
  }

  beforeEach(async () => {
    site = await copyExample()
    for (const [file, source] of Object.entries(NEIGHBOURS)) await site.write(file, source)
    server = await startDev(site)
  })

  afterEach(async () => {
    await server?.close()
    await site?.dispose()
  })

  test('serves the first build on a free port', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(await text('/')).toContain('Taipei Tawarkan Kerja Sama Strategis')
    expect(await diffWithColdBuild(server, site)).toEqual([])
  })

  test('a body edit rewrites only that article’s page and the full-text feeds that carry it', async () => {
    const page = await pageOf('taipei-tawarkan')
    const source = await site.read(TAIPEI)
    const rebuilt = rebuildWhere(server, (e) => e.written.includes(page))
    await site.write(TAIPEI, source.replace('pungkas Seno.(DHV)', 'pungkas Seno, menutup pertemuan.(DHV)'))
    const event = await rebuilt

    expect(event.written.filter(isHtml)).toEqual([page])
    expect(event.written.filter((f) => !isHtml(f)).every(isFeed)).toBe(true)
    expect(event.written).toEqual(
      expect.arrayContaining(['feed/rss.xml', 'kategori/pemerintahan/feed/rss.xml']),
    )
    expect(event.removed).toEqual([])
    expect(await text(sitePathOf(page))).toContain('pungkas Seno, menutup pertemuan.')
    expect(rssTitles((await get(server, '/feed/rss.xml')).text)).toHaveLength(4)
    expect((await get(server, '/feed/rss.xml')).text).toContain('menutup pertemuan')
  })

  test('a title edit shows the new title on the home page, listings, related stories and feeds', async () => {
    const file = 'content/2025/05/pendidikan-gratis.md'
    const [oldTitle, newTitle] = [
      'Pemprov Kaltim Perluas Program Pendidikan Gratis',
      'Pendidikan Gratis Sampai SMA',
    ]
    const page = await pageOf('pendidikan-gratis')
    const taipei = await pageOf('taipei-tawarkan')
    expect(await text(sitePathOf(taipei))).toContain(oldTitle)

    const rebuilt = rebuildWhere(server, (e) => e.written.includes(page))
    await site.write(file, (await site.read(file)).replace(oldTitle, newTitle))
    const event = await rebuilt

    const showing = [
      '/',
      '/arsip/',
      '/kategori/pemerintahan/',
      '/tag/pendidikan/',
      '/tag/kesehatan/',
      '/penulis/dhv/',
    ]
    for (const sitePath of [...showing, sitePathOf(page), sitePathOf(taipei)]) {
      const html = await text(sitePath)
      expect(html, sitePath).toContain(newTitle)
      expect(html, sitePath).not.toContain(oldTitle)
    }
    expect(rssTitles((await get(server, '/feed/rss.xml')).text)).toContain(newTitle)
    expect(jsonFeedTitles((await get(server, '/kategori/pemerintahan/feed/feed.json')).text)).toContain(
      newTitle,
    )
    // Pages that do not show the article are left alone.
    expect(event.written).not.toContain('kategori/ekonomi/index.html')
    // The article has no photo: its share card shows the headline, so the old card goes, and
    // the new one is drawn in the background (a text edit never waits for it).
    expect(event.removed).toHaveLength(1)
    expect(event.removed[0]).toMatch(/^assets\/img\/card-[0-9a-f]+\.png$/)
    await server.idle()
    const card = /<meta property="og:image" content="[^"]*\/(assets\/img\/card-[0-9a-f]+\.png)"/.exec(
      await text(sitePathOf(page)),
    )?.[1]
    expect(card).toBeDefined()
    expect(card).not.toBe(event.removed[0])
    expect((await get(server, `/${card}`)).status).toBe(200)
  })

  test('an article added in a new nested folder gets a page and appears in listings, feeds and sitemaps', async () => {
    const title = 'Banjir di Samarinda Mulai Surut'
    const rebuilt = rebuildWhere(server, (e) => e.written.some((f) => f.includes('banjir-di-samarinda')))
    await site.write(
      'content/2025/05/kota/samarinda/banjir-surut.md',
      `---\ntitle: ${title}\ndate: 2025-05-31T08:00\nauthor: Rina\ncategory: Lingkungan\ntags: [Kesehatan]\n---\n\nAir mulai surut di tiga kelurahan.\n`,
    )
    const event = await rebuilt
    const page = await pageOf('banjir-di-samarinda')

    expect(event.articles).toBe(5)
    expect(await text(sitePathOf(page))).toContain('Air mulai surut di tiga kelurahan.')
    for (const sitePath of ['/', '/arsip/', '/kategori/lingkungan/', '/tag/kesehatan/', '/penulis/rina/'])
      expect(await text(sitePath), sitePath).toContain(title)
    const url = `https://kaltim.warta.example${sitePathOf(page)}`
    expect(sitemapUrls((await get(server, '/sitemap.xml')).text)).toContain(url)
    // Within 48 hours of the clock, so in the Google News sitemap too.
    expect(sitemapUrls((await get(server, '/news-sitemap.xml')).text)).toContain(url)
    expect(rssTitles((await get(server, '/feed/rss.xml')).text)[0]).toBe(title)
    expect(jsonFeedTitles((await get(server, '/kategori/lingkungan/feed/feed.json')).text)).toEqual([title])
    expect(await diffWithColdBuild(server, site)).toEqual([])
  })

  test('a deleted article’s page is gone and no listing, feed or sitemap shows it any more', async () => {
    const title = 'Rumah Sakit Baru di Balikpapan Mulai Beroperasi'
    const page = await pageOf('rumah-sakit-baru')
    const url = `https://kaltim.warta.example${sitePathOf(page)}`
    const showing = ['/', '/arsip/', '/tag/kesehatan/', '/tag/infrastruktur/']
    for (const sitePath of showing) expect(await text(sitePath), sitePath).toContain(title)
    expect(sitemapUrls((await get(server, '/sitemap.xml')).text)).toContain(url)

    const rebuilt = rebuildWhere(server, (e) => e.removed.includes(page))
    await rm(site.file('content/2025/05/rumah-sakit.md'))
    const event = await rebuilt

    expect((await get(server, sitePathOf(page))).status).toBe(404)
    // It was the only article of its section and its author.
    expect(event.removed).toEqual(
      expect.arrayContaining(['kategori/kesehatan/index.html', 'penulis/rina/index.html']),
    )
    expect((await get(server, '/kategori/kesehatan/')).status).toBe(404)
    expect((await get(server, '/kategori/kesehatan/feed/rss.xml')).status).toBe(404)
    for (const sitePath of showing) expect(await text(sitePath), sitePath).not.toContain(title)
    expect(sitemapUrls((await get(server, '/sitemap.xml')).text)).not.toContain(url)
    expect(rssTitles((await get(server, '/feed/rss.xml')).text)).not.toContain(title)
    expect(jsonFeedTitles((await get(server, '/feed/feed.json')).text)).not.toContain(title)
    expect(await diffWithColdBuild(server, site)).toEqual([])
  })

  test('renaming an article file keeps its page, and later edits to it are seen', async () => {
    const page = await pageOf('jalur-kereta-api')
    const before = await listPreview(server)
    const rebuilt = rebuildWhere(server, (e) => e.articles === 4)
    await mkdir(site.file('content/arsip-lama'))
    await rename(
      site.file('content/2025/05/kereta-api.md'),
      site.file('content/arsip-lama/kereta-api-dikaji.md'),
    )
    await rebuilt

    expect(await text(sitePathOf(page))).toContain('Pemprov mengkaji jalur kereta api')
    expect(await listPreview(server)).toEqual(before)

    const edited = rebuildWhere(server, (e) => e.written.includes(page))
    const renamed = 'content/arsip-lama/kereta-api-dikaji.md'
    await site.write(
      renamed,
      (await site.read(renamed)).replace('Pemprov mengkaji', 'Pemprov dan investor mengkaji'),
    )
    await edited
    expect(await text(sitePathOf(page))).toContain('Pemprov dan investor mengkaji')
    expect(await diffWithColdBuild(server, site)).toEqual([])
  })

  test('an atomic save (temp file renamed over the article) is seen, and so is the next plain save', async () => {
    const page = await pageOf('taipei-tawarkan')
    const source = await site.read(TAIPEI)
    // As write-file-atomic does it: a sibling named after the file plus a random suffix.
    const temporary = `${site.file(TAIPEI)}.${randomBytes(4).readUInt32LE()}`
    const rebuilt = rebuildWhere(server, (e) => e.written.includes(page))
    await site.write(
      path.relative(site.root, temporary),
      source.replace('Pertemuan ini juga', 'Pertemuan atomik ini juga'),
    )
    await rename(temporary, site.file(TAIPEI))
    await rebuilt
    expect(await text(sitePathOf(page))).toContain('Pertemuan atomik ini juga')

    const again = rebuildWhere(server, (e) => e.written.includes(page))
    await site.write(TAIPEI, source.replace('Pertemuan ini juga', 'Pertemuan kedua ini juga'))
    await again
    expect(await text(sitePathOf(page))).toContain('Pertemuan kedua ini juga')
    expect(await diffWithColdBuild(server, site)).toEqual([])
  })

  /** Records every rebuild with when it started and ended, and every error. */
  function recordRebuilds() {
    const rebuilds: { start: number; end: number; event: RebuildEvent }[] = []
    /** `rebuild` and `error`, in the order they came. */
    const events: string[] = []
    server.on('rebuild', (event) => {
      const end = performance.now()
      rebuilds.push({ start: end - event.durationMs, end, event })
      events.push('rebuild')
    })
    server.on('error', (event) => events.push(`error: ${event.text}`))
    /** Pairs of rebuilds where one started before the previous ended (1 ms of slack for rounding). */
    const overlaps = () =>
      rebuilds.slice(1).flatMap((current, i) => {
        const previous = rebuilds[i] as (typeof rebuilds)[number]
        return current.start < previous.end - 1 ? [`#${i + 1} started before #${i} ended`] : []
      })
    return { rebuilds, events, overlaps }
  }

  test.each([
    ['in one burst', 1],
    ['spread over one second', 50],
  ])('20 saves %s end in the last save, with builds that never overlap', async (how, gapMs) => {
    const page = await pageOf('taipei-tawarkan')
    const pageFile = path.join(server.outDir, page)
    const source = await site.read(TAIPEI)
    const record = recordRebuilds()
    const settled = rebuildWhere(
      server,
      (e) => e.written.includes(page) && readFileSync(pageFile, 'utf8').includes('Simpan ke-20.'),
    )
    const saves = Array.from({ length: 20 }, (_, n) =>
      source.replace('Pertemuan ini juga', `Simpan ke-${n + 1}. Pertemuan ini juga`),
    )
    const burstMs = await saveFromAnotherThread(site.file(TAIPEI), saves, gapMs)
    await settled

    expect((await text(sitePathOf(page))).match(/Simpan ke-\d+/g)).toEqual(['Simpan ke-20'])
    expect(record.overlaps()).toEqual([])
    // A build may read the file between a save's truncation and its write ("The file is
    // empty"). dev() keeps quiet about a failure whose file changed again while it was built,
    // but a save that the watcher reports only after the build ended can still show one for a
    // moment: the number is logged, and the last word must be a rebuild.
    expect(record.events.at(-1)).toBe('rebuild')
    const transient = record.events.filter((e) => e !== 'rebuild').length
    console.log(
      `20 saves ${how} (${Math.round(burstMs)} ms): ${record.rebuilds.length} rebuilds taking ${record.rebuilds.map((r) => r.event.durationMs).join(', ')} ms; ${transient} transient errors`,
    )
    // Saves closer together than the 30 ms quiet time land in one batch, plus at most a look at
    // the file once chokidar's 50 ms window passed, and one more per 30 ms a slow burst took.
    if (gapMs < 5) expect(record.rebuilds.length).toBeLessThanOrEqual(2 + Math.floor(burstMs / 30))
    expect(await diffWithColdBuild(server, site)).toEqual([])
  })

  test('a second save 30–50 ms after the first is never lost', async () => {
    // chokidar reports at most one change per file in 50 ms and drops the rest, and the
    // rebuild for the first save reads the file some 30 ms after it: a second save in
    // between used to be dropped for good. The saves come from a worker thread, as from an
    // editor, so that the timing does not depend on this event loop.
    const page = await pageOf('taipei-tawarkan')
    const pageFile = path.join(server.outDir, page)
    const source = await site.read(TAIPEI)
    for (const gap of [30, 34, 36, 38, 40, 42, 44, 46, 50]) {
      const [first, second] = [`Simpan ${gap}a.`, `Simpan ${gap}b.`]
      const settled = rebuildWhere(
        server,
        (e) => e.written.includes(page) && readFileSync(pageFile, 'utf8').includes(second),
      )
      await saveFromAnotherThread(
        site.file(TAIPEI),
        [first, second].map((mark) => source.replace('Pertemuan ini juga', `${mark} Pertemuan ini juga`)),
        gap,
      )
      await settled
      expect(await text(sitePathOf(page)), `second save ${gap} ms after the first`).toContain(second)
    }
  })

  test('a build into the site’s own output folder while the preview runs is not taken for an edit', async () => {
    // Watching dist/ would also cost a file watch per output folder: a large archive runs out.
    const core = await loadCore()
    const { config } = await core.loadConfig(site.configFile)
    await core.build(config, { now: NOW })
    await server.idle()
    const events: string[] = []
    server.on('rebuild', (e) => events.push(`rebuild writing ${e.written.length}`))
    server.on('error', (e) => events.push(`error: ${e.text}`))
    // Again, with a changed page, so that dist/ sees writes and the permalink history does not change.
    await site.write(
      TAIPEI,
      (await site.read(TAIPEI)).replace('Pertemuan ini juga', 'Pertemuan terbit ini juga'),
    )
    await rebuildWhere(server, (e) => e.written.length > 0)
    events.length = 0
    await core.build(config, { now: NOW })
    // Nothing to wait for but the absence of events: give the watcher time to report any.
    await pause(300)
    await server.idle()
    expect(events).toEqual([])
  })

  test('broken front matter reports path:line:column, keeps the last good page, and recovers when fixed', async () => {
    const page = await pageOf('taipei-tawarkan')
    const source = await site.read(TAIPEI)
    const failed = nextError(server)
    await site.write(
      TAIPEI,
      source.replace('tags:\n', 'tags: [Taiwan\n').replace('Pertemuan ini juga', 'Rusak'),
    )
    const error = await failed

    expect(error.text).toMatch(
      /^content\/2025\/05\/taipei-tawarkan-kerja-sama-strategis\.md:\d+:\d+: error /m,
    )
    expect(error.diagnostics[0]?.place).toEqual({ line: expect.any(Number), column: expect.any(Number) })
    const stale = await text(sitePathOf(page))
    expect(stale).toContain('Pertemuan ini juga')
    expect(stale).not.toContain('Rusak')

    const rebuilt = rebuildWhere(server, (e) => e.written.includes(page))
    await site.write(TAIPEI, source.replace('Pertemuan ini juga', 'Pertemuan yang diperbaiki ini juga'))
    await rebuilt
    expect(await text(sitePathOf(page))).toContain('Pertemuan yang diperbaiki ini juga')
  })

  test.each(['partials/byline.hbs', 'layouts/article.hbs'])(
    'a broken %s of the site’s own is reported, the last good page stays, fixing it recovers',
    async (file) => {
      const page = await pageOf('taipei-tawarkan')
      const original = await readFile(path.join(repoRoot, 'packages/theme-news', file), 'utf8')
      const marked = (mark: string) =>
        original.replace(/(\{\{!<\s*base\s*\}\})?/, `$1<i class="site-own">${mark}</i>`)

      const overridden = rebuildWhere(server, (e) => e.written.includes(page))
      await site.write(file, marked('versi situs'))
      await overridden
      expect(await text(sitePathOf(page))).toContain('<i class="site-own">versi situs</i>')

      const failed = nextError(server)
      await site.write(file, `${marked('rusak')}\n{{#if article}}\n<p>tidak ditutup\n`)
      const error = await failed
      expect(error.text).toMatch(new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+: error `, 'm'))
      expect(await text(sitePathOf(page))).toContain('<i class="site-own">versi situs</i>')

      const fixed = rebuildWhere(server, (e) => e.written.includes(page))
      await site.write(file, marked('diperbaiki'))
      await fixed
      expect(await text(sitePathOf(page))).toContain('<i class="site-own">diperbaiki</i>')
    },
  )

  test('a config change (site title) rebuilds every page with the new title', async () => {
    const pages = (await listPreview(server)).filter(isHtml)
    const rebuilt = rebuildWhere(server, (e) => e.written.includes('index.html'))
    await site.write(
      'warta.config.ts',
      (await site.read('warta.config.ts')).replace("title: 'Warta Kaltim'", "title: 'Kabar Kaltim'"),
    )
    const event = await rebuilt

    expect(event.written).toEqual(expect.arrayContaining(pages))
    expect(await text('/')).toMatch(/<title>Kabar Kaltim<\/title>/)
    expect(await text(sitePathOf(await pageOf('taipei-tawarkan')))).toContain('| Kabar Kaltim</title>')
    expect(await diffWithColdBuild(server, site)).toEqual([])
  })

  test('a config syntax error is reported, the site keeps being served, and fixing it recovers', async () => {
    const config = await site.read('warta.config.ts')
    const failed = nextError(server)
    await site.write('warta.config.ts', config.replace('theme: newsTheme(', 'theme: newsTheme(,'))
    const error = await failed
    expect(error.text).toMatch(/^warta\.config\.ts\b/m)
    expect(await text('/')).toMatch(/<title>Warta Kaltim<\/title>/)

    const rebuilt = rebuildWhere(server, (e) => e.written.includes('index.html'))
    await site.write('warta.config.ts', config.replace("title: 'Warta Kaltim'", "title: 'Kabar Kaltim'"))
    await rebuilt
    expect(await text('/')).toMatch(/<title>Kabar Kaltim<\/title>/)
  })

  test('while the config is broken, an article edit still reports the config error', async () => {
    const config = await site.read('warta.config.ts')
    const failed = nextError(server)
    await site.write('warta.config.ts', config.replace('theme: newsTheme(', 'theme: newsTheme(,'))
    await failed
    await server.idle()

    const stillFailing = nextError(server)
    await site.write(TAIPEI, (await site.read(TAIPEI)).replace('Pertemuan ini juga', 'Pertemuan lain'))
    expect((await stillFailing).text).toMatch(/^warta\.config\.ts\b/m)
  })
})

/**
 * Writes each text in turn over `file`, `gapMs` apart, from a worker thread (busy-waiting in
 * between), as an editor in another process would: the timing does not depend on this
 * thread, which is busy rebuilding. Resolves with the ms from the first write to the last.
 */
function saveFromAnotherThread(file: string, texts: string[], gapMs: number): Promise<number> {
  const code = `
    const { writeFileSync } = require('node:fs')
    const { parentPort, workerData } = require('node:worker_threads')
    const first = performance.now()
    workerData.texts.forEach((text, i) => {
      const start = performance.now()
      if (i > 0) while (performance.now() - start < workerData.gapMs);
      writeFileSync(workerData.file, text)
    })
    parentPort.postMessage(performance.now() - first)`
  return new Promise((resolve, reject) => {
    new Worker(code, { eval: true, workerData: { file, texts, gapMs } })
      .once('message', (elapsed: number) => resolve(elapsed))
      .once('error', reject)
  })
}
