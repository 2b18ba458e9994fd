// A site in two languages (languages: { id, en }) through the whole build with the news theme:
// each edition's pages, listings, feeds and sitemaps hold its own stories in its language; an
// article and its translation link each other (hreflang, the sitemap, the masthead's switch);
// what the editions share (pictures, search, robots.txt, 404) is made once and works for both.
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parseXml, xmllint } from '../../packages/core/test/outputs/fixtures.js'
import { writePhoto } from '../../scripts/photo.mjs'
import { validateStructuredData } from '../structured-data.js'
import { describeViolations, launchBrowser, runAxe } from '../theme/browser.js'
import { serveStatic } from '../theme/example-site.js'
import { runVnu, vnuErrors } from '../theme/vnu.js'

type Core = typeof import('../../packages/core/src/index.js')
type Config = Parameters<Core['defineConfig']>[0]

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const fixture = path.join(repoRoot, 'tests', 'fixtures', 'editions')
const SITE = 'https://kabar.example'
// Two days after the English stories: both are in the English news sitemap's 48 hours.
const NOW = new Date('2025-05-15T00:00:00Z')
const TAIPEI_ID = '2025/05/14/delegasi-pemprov-kaltim-pelajari-pengelolaan-sampah-di-taipei/'
const TAIPEI_EN = 'en/2025/05/14/east-kalimantan-delegation-studies-waste-management-in-taipei/'
const DRILL_EN = 'en/2025/05/13/balikpapan-residents-join-a-city-wide-flood-drill/'
const ROAD_ID = '2025/05/12/perbaikan-jalan-poros-samarinda-bontang-dimulai-pekan-depan/'
const MARKET_ID = '2025/05/10/pedagang-pasar-segiri-pindah-ke-bangunan-sementara/'

/** Core and the theme as a site resolves them (the built packages). */
async function load() {
  const require = createRequire(path.join(repoRoot, 'examples', 'kaltim', 'package.json'))
  const core = (await import(pathToFileURL(require.resolve('@warta/core')).href)) as Core
  const theme = (await import(pathToFileURL(require.resolve('@warta/theme-news')).href)) as {
    newsTheme: () => Config['theme']
  }
  return { core, theme }
}

/** The fixture copied into a fresh folder, with the road story's photo drawn at a real size. */
async function siteCopy() {
  const work = await mkdtemp(path.join(tmpdir(), 'warta-editions-'))
  const root = path.join(work, 'site')
  await cp(fixture, root, { recursive: true })
  await writePhoto(path.join(root, 'public/images/jalan-poros.jpg'), 1600, 1000)
  return { work, root }
}

/** A copy of the fixture whose market story has `line` added to its front matter, after its author. */
async function siteWithMarketLine(line: string) {
  const copy = await siteCopy()
  const file = path.join(copy.root, 'content/2025/05/pasar-segiri.md')
  await writeFile(
    file,
    (await readFile(file, 'utf8')).replace('author: Dimas Arya', `author: Dimas Arya\n${line}`),
  )
  return copy
}

function configOf(root: string, work: string, theme: Config['theme'], languages = true): Config {
  return {
    root,
    outDir: path.join(work, 'dist'),
    site: { title: 'Kabar Kaltim', url: SITE, lang: 'id-ID', timezone: 'Asia/Makassar' },
    ...(languages
      ? {
          languages: {
            id: { label: 'Indonesia' },
            en: {
              lang: 'en',
              label: 'English',
              title: 'Kaltim News',
              description: 'News from East Kalimantan, in English.',
            },
          },
        }
      : {}),
    theme,
  }
}

/** Every file of a folder, as paths relative to it. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...(await listFiles(dir, relative)))
    else out.push(relative)
  }
  return out
}

/** The file a URL of the site is served from, or undefined when the build wrote none. */
async function fileOf(outDir: string, url: string): Promise<string | undefined> {
  if (!url.startsWith(`${SITE}/`)) return undefined
  const sitePath = decodeURI(url.slice(SITE.length + 1))
  const file = path.join(
    outDir,
    sitePath.endsWith('/') || sitePath === '' ? `${sitePath}index.html` : sitePath,
  )
  return (await stat(file)
    .then((s) => s.isFile())
    .catch(() => false))
    ? file
    : undefined
}

const alternatesOf = (html: string) =>
  [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => ({
    lang: m[1] as string,
    url: m[2] as string,
  }))

/** The masthead's language switch: each link's href, hreflang, lang and label. */
const switchOf = (html: string) =>
  [
    ...html.matchAll(
      /<a class="masthead__feed" href="([^"]+)" hreflang="([^"]+)" lang="([^"]+)">([^<]+)<\/a>/g,
    ),
  ].map((m) => ({ href: m[1], hreflang: m[2], lang: m[3], label: m[4] }))

const rssLinks = (xml: string): string[] =>
  [parseXml(xml).rss.channel.item ?? []].flat().map((item: { link: string }) => item.link)
const sitemapUrls = (xml: string): { loc: string; links: { lang: string; href: string }[] }[] =>
  [parseXml(xml).urlset.url].flat().map((u: Record<string, unknown>) => ({
    loc: u.loc as string,
    links: [u['xhtml:link'] ?? []].flat().map((l) => ({
      lang: (l as Record<string, string>)['@hreflang'] as string,
      href: (l as Record<string, string>)['@href'] as string,
    })),
  }))

describe('a site with an Indonesian and an English edition', () => {
  let work: string
  let outDir: string
  let report: Awaited<ReturnType<Core['build']>>
  const read = (file: string) => readFile(path.join(outDir, file), 'utf8')
  const page = (sitePath: string) => read(`${sitePath}index.html`)

  beforeAll(async () => {
    const { core, theme } = await load()
    const copy = await siteCopy()
    work = copy.work
    report = await core.build(configOf(copy.root, work, theme.newsTheme()), { now: NOW, cache: false })
    outDir = report.outDir
  }, 180_000)
  afterAll(() => rm(work ?? '', { recursive: true, force: true }))

  test('each home page speaks its language, with its title and the theme strings of that language', async () => {
    const id = await page('')
    const en = await page('en/')
    expect(id).toMatch(/<html lang="id-ID">/)
    expect(en).toMatch(/<html lang="en">/)
    expect(id).toContain('Langsung ke isi')
    expect(en).toContain('Skip to content')
    expect(en).not.toContain('Langsung ke isi')
    expect(en).toContain('<title>Kaltim News</title>')
    expect(id).toContain('<title>Kabar Kaltim</title>')
    // The English stories on the English home page, none of the Indonesian ones, and the reverse.
    expect(en).toContain('East Kalimantan Delegation Studies Waste Management in Taipei')
    expect(en).toContain('Balikpapan Residents Join a City-Wide Flood Drill')
    expect(en).not.toContain('Pasar Segiri')
    expect(id).toContain('Pedagang Pasar Segiri')
    expect(id).not.toContain('Flood Drill')
    // Dates in the edition's language: "May" in English, "Mei" in Indonesian.
    expect(await page(TAIPEI_EN)).toContain('Wednesday, May 14, 2025')
    expect(await page(TAIPEI_ID)).toContain('Rabu, 14 Mei 2025')
    // Assets are shared, at the root: the English pages link the same stylesheet.
    const stylesheet = (html: string) => html.match(/<link rel="stylesheet" href="([^"]+)">/)?.[1]
    expect(stylesheet(en)).toBe(stylesheet(id))
    expect(stylesheet(en)).toMatch(/^\/assets\//)
  })

  test('listings use the route words of their language, and hold their edition’s stories alone', async () => {
    expect(await page('en/category/government/')).toContain('Taipei')
    expect(await page('kategori/pemerintahan/')).toContain('Taipei')
    expect(await page('en/archive/')).not.toContain('Pasar Segiri')
    const archive = await page('arsip/')
    expect(archive).toContain('Pasar Segiri')
    expect(archive).not.toContain('Flood Drill')
    const files = await listFiles(outDir)
    expect(files).not.toContain('en/kategori/government/index.html')
    expect(files).not.toContain('category/government/index.html')
    // One 404 page, the default edition's, at the root; one search index, at the root.
    expect(files.filter((f) => f.endsWith('404.html'))).toEqual(['404.html'])
    expect(files.some((f) => f.startsWith('en/pagefind/'))).toBe(false)
    expect(files.some((f) => f.startsWith('pagefind/'))).toBe(true)
  })

  test('each edition’s feeds list exactly its own articles, in its language', async () => {
    expect(rssLinks(await read('en/feed/rss.xml')).sort()).toEqual([
      `${SITE}/${DRILL_EN}`,
      `${SITE}/${TAIPEI_EN}`,
    ])
    expect(rssLinks(await read('feed/rss.xml')).sort()).toEqual(
      [`${SITE}/${MARKET_ID}`, `${SITE}/${ROAD_ID}`, `${SITE}/${TAIPEI_ID}`].sort(),
    )
    expect(parseXml(await read('en/feed/atom.xml')).feed['@xml:lang']).toBe('en')
    expect(parseXml(await read('feed/atom.xml')).feed['@xml:lang']).toBe('id-ID')
    expect(parseXml(await read('en/feed/rss.xml')).rss.channel.title).toBe('Kaltim News')
  })

  test('each edition’s sitemaps list exactly its pages, with xhtml:link alternates, valid against the XSDs', async () => {
    const en = await read('en/sitemap.xml')
    const id = await read('sitemap.xml')
    expect(xmllint(en, 'urlset-with-xhtml.xsd')).toBe('')
    expect(xmllint(id, 'urlset-with-xhtml.xsd')).toBe('')
    const enUrls = sitemapUrls(en)
    const idUrls = sitemapUrls(id)
    expect(enUrls.every((u) => u.loc.startsWith(`${SITE}/en/`))).toBe(true)
    expect(idUrls.some((u) => u.loc.startsWith(`${SITE}/en/`))).toBe(false)
    for (const u of [...enUrls, ...idUrls]) expect(await fileOf(outDir, u.loc), u.loc).toBeDefined()
    const taipei = enUrls.find((u) => u.loc === `${SITE}/${TAIPEI_EN}`)
    expect(taipei?.links).toEqual([
      { lang: 'id-ID', href: `${SITE}/${TAIPEI_ID}` },
      { lang: 'en', href: `${SITE}/${TAIPEI_EN}` },
      { lang: 'x-default', href: `${SITE}/${TAIPEI_ID}` },
    ])
    expect(idUrls.find((u) => u.loc === `${SITE}/${TAIPEI_ID}`)?.links).toEqual(taipei?.links)
    // A story without a translation has no alternates.
    expect(enUrls.find((u) => u.loc === `${SITE}/${DRILL_EN}`)?.links).toEqual([])
    // News sitemaps per edition, each in its language; robots.txt at the root names all four sitemaps.
    const enNews = parseXml(await read('en/news-sitemap.xml'))
    const enNewsLangs = [enNews.urlset.url]
      .flat()
      .map((u) => u['news:news']['news:publication']['news:language'])
    expect(enNewsLangs).toEqual(['en', 'en'])
    const idNews = parseXml(await read('news-sitemap.xml'))
    expect([idNews.urlset.url].flat().map((u) => u.loc)).toEqual([`${SITE}/${TAIPEI_ID}`])
    expect(xmllint(await read('en/news-sitemap.xml'), 'urlset-with-news.xsd')).toBe('')
    expect((await read('robots.txt')).match(/^Sitemap: .*$/gm)).toEqual([
      `Sitemap: ${SITE}/sitemap.xml`,
      `Sitemap: ${SITE}/news-sitemap.xml`,
      `Sitemap: ${SITE}/en/sitemap.xml`,
      `Sitemap: ${SITE}/en/news-sitemap.xml`,
    ])
    expect((await listFiles(outDir)).filter((f) => f.endsWith('robots.txt'))).toEqual(['robots.txt'])
  })

  test('hreflang alternates are symmetric, include x-default and point at files that exist', async () => {
    const pages = (await listFiles(outDir)).filter((f) => f.endsWith('.html'))
    const byUrl = new Map<string, { lang: string; url: string }[]>()
    for (const file of pages) {
      const url = `${SITE}/${file.replace(/(^|\/)index\.html$/, '$1')}`
      byUrl.set(url, alternatesOf(await read(file)))
    }
    let linked = 0
    for (const [url, alternates] of byUrl) {
      if (alternates.length === 0) continue
      linked++
      expect(
        alternates.filter((a) => a.lang === 'x-default'),
        url,
      ).toHaveLength(1)
      expect(
        alternates.map((a) => a.url),
        url,
      ).toContain(url)
      for (const alternate of alternates) {
        expect(await fileOf(outDir, alternate.url), `${url} → ${alternate.url}`).toBeDefined()
        // The page it names lists the same versions.
        expect(byUrl.get(alternate.url), `${alternate.url} from ${url}`).toEqual(alternates)
      }
    }
    // The two home pages, the two search pages, the Taipei story, Rina Paramita's author pages.
    expect(linked).toBe(8)
    expect(byUrl.get(`${SITE}/`)?.map((a) => a.lang)).toEqual(['id-ID', 'en', 'x-default'])
    expect(byUrl.get(`${SITE}/${MARKET_ID}`)).toEqual([])
  })

  test('the masthead switch goes to the translation when there is one, else to the other edition’s home', async () => {
    expect(switchOf(await page(TAIPEI_ID))).toEqual([
      { href: `/${TAIPEI_EN}`, hreflang: 'en', lang: 'en', label: 'English' },
    ])
    expect(switchOf(await page(TAIPEI_EN))).toEqual([
      { href: `/${TAIPEI_ID}`, hreflang: 'id-ID', lang: 'id-ID', label: 'Indonesia' },
    ])
    expect(switchOf(await page(DRILL_EN))).toEqual([
      { href: '/', hreflang: 'id-ID', lang: 'id-ID', label: 'Indonesia' },
    ])
    expect(switchOf(await page(MARKET_ID))).toEqual([
      { href: '/en/', hreflang: 'en', lang: 'en', label: 'English' },
    ])
  })

  test('an English article’s structured data is in English and passes the validator', async () => {
    const html = await page(TAIPEI_EN)
    expect(html).toContain('"inLanguage":"en"')
    expect(await validateStructuredData(html)).toEqual([])
    expect(await validateStructuredData(await page('en/'))).toEqual([])
  })

  test('the whole output is valid HTML (Nu Html Checker)', async () => {
    const { count, report: text } = vnuErrors(await runVnu(outDir), outDir)
    expect(count, text).toBe(0)
  }, 120_000)

  test('in Chromium: no axe violations on English pages, and each search page finds its edition’s stories', async () => {
    const server = await serveStatic(outDir)
    const browser = await launchBrowser()
    try {
      for (const sitePath of [TAIPEI_EN, 'en/', DRILL_EN]) {
        await browser.page.goto(`${server.origin}/${sitePath}`)
        const violations = await runAxe(browser.page)
        expect(violations, `${sitePath}\n${describeViolations(violations)}`).toEqual([])
      }
      const titles = () => browser.page.locator('.search-result__title a').allTextContents()
      await browser.page.goto(`${server.origin}/en/search/?q=Taipei`)
      await expect.poll(titles).toEqual(['East Kalimantan Delegation Studies Waste Management in Taipei'])
      await browser.page.goto(`${server.origin}/cari/?q=Taipei`)
      await expect.poll(titles).toEqual(['Delegasi Pemprov Kaltim Pelajari Pengelolaan Sampah di Taipei'])
      await browser.page.goto(`${server.origin}/en/search/?q=sirens`)
      await expect.poll(titles).toEqual(['Balikpapan Residents Join a City-Wide Flood Drill'])
      expect(server.misses.filter((m) => !m.endsWith('favicon.ico'))).toEqual([])
    } finally {
      await browser.close()
      await server.close()
    }
  }, 120_000)
})

describe('editions: translations in the preview, mistakes, and a site without languages', () => {
  test('adding a translation re-renders the original’s page with its new alternates and switch', async () => {
    const { core, theme } = await load()
    const { work, root } = await siteCopy()
    try {
      const config = core.resolveConfig(configOf(root, work, theme.newsTheme()))
      const builder = core.createSiteBuilder(config, { mode: 'preview' })
      const output = 'pedagang-pasar-segiri-pindah-ke-bangunan-sementara/index.html'
      const first = await builder.run({ now: NOW.getTime() })
      const before = first.files.find((f) => f.path === `2025/05/10/${output}`)
      expect(alternatesOf(String(before?.contents))).toEqual([])
      const translation = path.join(root, 'content/en/2025/05/market-move.md')
      await writeFile(
        translation,
        [
          '---',
          'title: Segiri Market Traders Move to a Temporary Building',
          'date: 2025-05-10T12:00:00+08:00',
          'author: Dimas Arya',
          'category: Economy',
          'translationKey: segiri-market',
          'summary: About 300 traders moved into temporary stalls while the market is renovated.',
          '---',
          '',
          'About 300 traders at Segiri Market began moving into temporary stalls in the east car park.',
          '',
        ].join('\n'),
      )
      const original = path.join(root, 'content/2025/05/pasar-segiri.md')
      const text = await readFile(original, 'utf8')
      await writeFile(original, text.replace('summary:', 'translationKey: segiri-market\nsummary:'))
      const second = await builder.run({
        now: NOW.getTime(),
        changes: { changed: new Set([translation, original]), removed: new Set<string>() },
      })
      expect(second.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      const enPath = 'en/2025/05/10/segiri-market-traders-move-to-a-temporary-building/index.html'
      expect(second.changed.has(`2025/05/10/${output}`)).toBe(true)
      expect(second.changed.has(enPath)).toBe(true)
      const after = String(second.files.find((f) => f.path === `2025/05/10/${output}`)?.contents)
      expect(alternatesOf(after).map((a) => a.url)).toEqual([
        `${SITE}/2025/05/10/${output.replace('index.html', '')}`,
        `${SITE}/${enPath.replace('index.html', '')}`,
        `${SITE}/2025/05/10/${output.replace('index.html', '')}`,
      ])
      expect(switchOf(after)[0]?.href).toBe(`/${enPath.replace('index.html', '')}`)
      // Only the translation's edition is touched otherwise: the road story's page is not re-rendered.
      expect(second.changed.has(`${ROAD_ID}index.html`)).toBe(false)
      await builder.dispose()
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }, 120_000)

  test('a lang of no edition is a warning at its line, and the article stays in the default edition', async () => {
    const { core, theme } = await load()
    const { work, root } = await siteWithMarketLine('lang: fr')
    try {
      const report = await core.build(configOf(root, work, theme.newsTheme()), { now: NOW, cache: false })
      const warning = report.diagnostics.find((d) => d.ruleId === 'edition-unknown')
      expect(warning).toMatchObject({
        file: 'content/2025/05/pasar-segiri.md',
        place: { line: 5, column: 7 },
        severity: 'warning',
      })
      expect(warning?.hint).toContain('"id", "en"')
      expect(await readFile(path.join(report.outDir, MARKET_ID, 'index.html'), 'utf8')).toContain(
        'Pasar Segiri',
      )
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }, 120_000)

  test('two articles of one edition with one translationKey fail the build at the second’s key', async () => {
    const { core, theme } = await load()
    const { work, root } = await siteWithMarketLine('translationKey: taipei-visit')
    try {
      const failure = await core
        .build(configOf(root, work, theme.newsTheme()), { now: NOW, cache: false })
        .then(
          () => undefined,
          (error: { diagnostics?: { ruleId?: string; file: string; place?: unknown; message: string }[] }) =>
            error,
        )
      const duplicate = failure?.diagnostics?.find((d) => d.ruleId === 'translation-key-duplicate')
      expect(duplicate).toBeDefined()
      // An edition's stories are read newest first: the market story, older, is the second.
      expect(duplicate?.file).toBe('content/2025/05/pasar-segiri.md')
      expect(duplicate?.place).toEqual({ line: 5, column: 17 })
      expect(duplicate?.message).toContain('content/2025/05/kunjungan-taipei.md')
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }, 120_000)

  test('the config refuses an unknown edition option, a key that is no URL word, and a default edition in another language', async () => {
    const { core, theme } = await load()
    const base = { site: { title: 'Kabar Kaltim', url: SITE, lang: 'id-ID' }, theme: theme.newsTheme() }
    const refuse = (languages: unknown) => {
      try {
        core.resolveConfig({ ...base, languages } as Config)
      } catch (error) {
        return (error as Error).message
      }
      return 'accepted'
    }
    expect(refuse({ id: { label: 'Indonesia' }, en: { label: 'English', titel: 'Kaltim News' } })).toBe(
      'Unknown option "languages.en.titel". Did you mean "languages.en.title"?',
    )
    expect(refuse({ id: { label: 'Indonesia' }, 'E N': { label: 'English' } })).toContain(
      'must be a URL-safe word in lower case',
    )
    expect(refuse({ id: { label: 'Indonesia' }, en: {} })).toContain('languages.en.label')
    expect(refuse({ id: { label: 'Indonesia', lang: 'en' }, en: { label: 'English' } })).toContain(
      'the first edition is the site itself, in site.lang',
    )
    expect(refuse({ id: { label: 'Indonesia' }, en: { label: 'English', lang: 'id-ID' } })).toContain(
      'hreflang links could not tell them apart',
    )
    expect(refuse({ id: { label: 'Indonesia' }, en: { label: 'English' } })).toBe('accepted')
  })

  test('without languages the fixture is one Indonesian site, as before editions', async () => {
    const { core, theme } = await load()
    const { work, root } = await siteCopy()
    try {
      const report = await core.build(configOf(root, work, theme.newsTheme(), false), {
        now: NOW,
        cache: false,
      })
      const files = await listFiles(report.outDir)
      // The English sources are articles of the one site, at their own URLs.
      expect(files).toContain(
        '2025/05/14/east-kalimantan-delegation-studies-waste-management-in-taipei/index.html',
      )
      expect(files.some((f) => f.startsWith('en/2025'))).toBe(false)
      for (const file of files.filter((f) => f.endsWith('.html') || f.endsWith('.xml'))) {
        const text = await readFile(path.join(report.outDir, file), 'utf8')
        expect(text, file).not.toContain('hreflang')
        expect(text, file).not.toContain('xmlns:xhtml')
      }
      expect(report.diagnostics.some((d) => d.ruleId === 'edition-unknown')).toBe(false)
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }, 120_000)
})
