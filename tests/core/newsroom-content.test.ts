// A newsroom's real content through the whole build with the news theme: nothing the writer put in
// a body is lost without a warning naming its line, and every in-page link leads somewhere.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { type BrowserContext, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CHROMIUM_LAUNCH } from '../../scripts/chromium.mjs'
import { writePhoto } from '../../scripts/photo.mjs'
import { type StaticServer, serveStatic } from '../theme/example-site.js'

type Core = typeof import('../../packages/core/src/index.js')

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const fixture = path.join(repoRoot, 'tests', 'fixtures', 'newsroom')
const ARTICLE = 'content/2025/05/apbd-perubahan.md'
const PAGE = '2025/05/20/dprd-kaltim-sahkan-apbd-perubahan-2025/index.html'
const NOW = new Date('2025-06-01T00:00:00Z')

/** Core and the theme as a site resolves them (the built packages). */
async function load() {
  const require = createRequire(path.join(repoRoot, 'examples', 'kaltim', 'package.json'))
  const core = (await import(pathToFileURL(require.resolve('@warta/core')).href)) as Core
  const theme = (await import(pathToFileURL(require.resolve('@warta/theme-news')).href)) as {
    newsTheme: () => Core extends { defineConfig: (c: infer C) => unknown }
      ? C extends { theme: infer T }
        ? T
        : never
      : never
  }
  return { core, theme }
}

async function buildFixture(markdown: { html?: 'sanitize' | 'trusted' } = {}, strict = false) {
  const { core, theme } = await load()
  const work = await mkdtemp(path.join(tmpdir(), 'warta-newsroom-'))
  const root = path.join(work, 'site')
  await cp(fixture, root, { recursive: true })
  // The photo has real pixels (the image stage reads them); video and audio are only linked.
  await writePhoto(path.join(root, 'public/images/paripurna.jpg'), 1600, 900)
  for (const file of ['video/paripurna.mp4', 'audio/wawancara-ketua.mp3']) {
    await mkdir(path.dirname(path.join(root, 'public', file)), { recursive: true })
    await writeFile(path.join(root, 'public', file), 'placeholder')
  }
  const config = {
    root,
    outDir: path.join(work, 'dist'),
    site: {
      title: 'Warta Kaltim',
      url: 'https://kaltim.warta.example',
      lang: 'id-ID',
      timezone: 'Asia/Makassar',
    },
    theme: theme.newsTheme(),
    markdown,
  }
  try {
    const report = await core.build(config, { now: NOW, cache: false, strict })
    return { report, work, page: await readFile(path.join(report.outDir, PAGE), 'utf8') }
  } catch (error) {
    await rm(work, { recursive: true, force: true })
    throw error
  }
}

/** The article body as the page carries it. */
const bodyOf = (page: string) =>
  page.slice(page.indexOf('Rapat paripurna DPRD'), page.indexOf('</section>', page.indexOf('data-footnotes')))

describe('a newsroom article, sanitized (the default)', () => {
  let built: Awaited<ReturnType<typeof buildFixture>>
  let body: string
  beforeAll(async () => {
    built = await buildFixture()
    body = bodyOf(built.page)
  }, 120_000)
  afterAll(() => rm(built?.work ?? '', { recursive: true, force: true }))

  test('links bare URLs, www. addresses and e-mail addresses', () => {
    expect(body).toContain('<a href="https://dprd.kaltimprov.example/dokumen/apbd-p-2025.pdf">')
    expect(body).toContain('<a href="http://www.kaltimprov.example/apbd">www.kaltimprov.example/apbd</a>')
    expect(body).toContain('<a href="mailto:humas@kaltimprov.example">humas@kaltimprov.example</a>')
  })

  test('keeps the figure, details, video, audio, allowed iframe, listing and inline elements', () => {
    // The raw HTML <img> keeps its alt and size, served as the image stage's responsive picture.
    expect(body).toMatch(
      /<figure>\n<picture><source type="image\/avif" srcset="[^"]+" sizes="[^"]+">.*?<img src="\/assets\/img\/paripurna-[0-9a-f]+-\d+\.jpg" alt="Rapat paripurna DPRD Kaltim" width="1600" height="900" srcset="[^"]+"/s,
    )
    for (const kept of [
      '<figcaption>Rapat paripurna, Selasa (20/5).</figcaption>',
      '<summary>Rincian belanja per urusan</summary>',
      '<video controls src="/video/paripurna.mp4" width="1280" height="720" preload="metadata" style="max-width:100%;height:auto"></video>',
      '<audio controls src="/audio/wawancara-ketua.mp3" preload="metadata"></audio>',
      '<iframe src="https://www.youtube-nocookie.com/embed/aBcDeFgHiJk" title="Siaran paripurna" width="560" height="315"',
      'loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation" referrerpolicy="strict-origin-when-cross-origin"',
      '<pre>Pasal 3\n  (1) Belanja daerah: Rp 23,1 triliun.\n</pre>',
      '<abbr title="bahan bakar minyak">BBM</abbr>',
      'CO<sub>2</sub>',
      '<kbd>Ctrl</kbd>+<kbd>F</kbd>',
      '<p>Koreksi: angka belanja diperbarui.</p>',
    ])
      expect(body).toContain(kept)
  })

  test('the X post is a static card with a link, and no third-party script or foreign iframe is published', () => {
    expect(body).toContain(
      '<figure class="social-card"><blockquote cite="https://twitter.com/dprdkaltim/status/1924000000000000000?ref_src=twsrc%5Etfw" data-platform="x">',
    )
    expect(built.page).not.toMatch(/platform\.twitter\.com|iklan\.example/)
    expect(body).not.toMatch(/<script/)
    expect(built.page).not.toContain('Catatan redaksi')
  })

  test('aligns table columns with CSS in a labelled, focusable scroll region, never with align', () => {
    expect(body).toContain(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Pos, Murni (Rp T), Perubahan (Rp T), Status"><table>',
    )
    expect(body).toContain('<td style="text-align:right">22,3</td>')
    expect(body).toContain('<td style="text-align:center">naik</td>')
    expect(built.page).not.toMatch(/\balign="/)
  })

  test('every #fragment link of every page leads to an id on that page', async () => {
    const { readdir } = await import('node:fs/promises')
    const pages = (await readdir(built.report.outDir, { recursive: true })).filter((f) => f.endsWith('.html'))
    let fragments = 0
    for (const file of pages) {
      const html = await readFile(path.join(built.report.outDir, file), 'utf8')
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))
      for (const [, target] of html.matchAll(/\shref="#([^"]+)"/g)) {
        fragments++
        expect([file, ids.has(decodeURIComponent(target ?? ''))]).toEqual([file, true])
      }
    }
    expect(fragments).toBeGreaterThanOrEqual(4)
  })

  test('says what it removed, each at its line and column, and which link leads nowhere', () => {
    const lines = built.report.diagnostics
      .filter(
        (d) =>
          d.file === ARTICLE &&
          ['html-removed', 'embed-removed', 'html-escaped', 'broken-link'].includes(d.ruleId),
      )
      .sort((a, b) => (a.place?.line ?? 0) - (b.place?.line ?? 0))
      .map((d) => `${d.place?.line}:${d.place?.column} ${d.ruleId} ${d.message}`)
    expect(lines).toEqual([
      '39:1 embed-removed Removed an <iframe> from iklan.example: it is not in markdown.embeds.',
      '50:1 html-removed The sanitizer removed the style attribute of a <p>.',
      '50:1 html-removed The sanitizer removed the onclick attribute of a <p>.',
      '52:1 html-removed The sanitizer removed the href URL javascript:alert(1) of an <a>: only http(s), mailto and relative URLs are published.',
      '52:94 broken-link The link /2025/05/21/v6.15.9 leads nowhere: the build writes no 2025/05/21/v6.15.9, 2025/05/21/v6.15.9.html or 2025/05/21/v6.15.9/index.html.',
      '54:1 html-removed The sanitizer removed a <script> element and its content.',
    ])
  })

  test('with --strict, those warnings fail the build', async () => {
    await expect(buildFixture({}, true)).rejects.toMatchObject({ name: 'WartaBuildError' })
  }, 120_000)
})

describe('the same article on a trusted site', () => {
  test("keeps the HTML as written but for GFM's tag filter, comments and foreign iframes", async () => {
    const built = await buildFixture({ html: 'trusted' })
    try {
      const body = bodyOf(built.page)
      expect(body).toContain('<p style="color:red" onclick="track()">Koreksi: angka belanja diperbarui.</p>')
      expect(body).toContain("&#x3C;script>document.write('iklan')&#x3C;/script>")
      expect(built.page).not.toContain('Catatan redaksi')
      expect(built.page).not.toContain('iklan.example')
      expect(built.report.diagnostics.filter((d) => d.file === ARTICLE).map((d) => d.ruleId)).toEqual(
        expect.arrayContaining(['embed-removed', 'html-escaped']),
      )
    } finally {
      await rm(built.work, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('footnotes in a browser', () => {
  let built: Awaited<ReturnType<typeof buildFixture>>
  let server: StaticServer
  let profile: string
  let context: BrowserContext
  beforeAll(async () => {
    built = await buildFixture()
    server = await serveStatic(built.report.outDir)
    profile = await mkdtemp(path.join(tmpdir(), 'warta-chromium-'))
    context = await chromium.launchPersistentContext(profile, {
      ...CHROMIUM_LAUNCH,
      viewport: { width: 375, height: 800 },
    })
  }, 120_000)
  afterAll(async () => {
    await context?.close()
    await server?.close()
    await rm(profile ?? '', { recursive: true, force: true })
    await rm(built?.work ?? '', { recursive: true, force: true })
  })

  // Expressions evaluated in the page, as strings: the root tsconfig has no DOM types.
  const inPage = <T>(expression: string) =>
    (context.pages()[0] as NonNullable<ReturnType<typeof context.pages>[0]>).evaluate(
      expression,
    ) as Promise<T>

  test('clicking a footnote reference goes to its note, and the note’s back link returns to it', async () => {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${server.origin}/${PAGE.replace(/index\.html$/, '')}`)
    await page.locator('a[data-footnote-ref]').first().click()
    expect(new URL(page.url()).hash).toBe('#user-content-fn-1')
    expect(await inPage<string>("document.querySelector(':target')?.textContent")).toContain(
      'Keputusan DPRD Nomor 12',
    )
    await page.locator(':target a[data-footnote-backref]').click()
    expect(new URL(page.url()).hash).toBe('#user-content-fnref-1')
    expect(
      await inPage<boolean>("document.querySelector(':target')?.hasAttribute('data-footnote-ref')"),
    ).toBe(true)
  })

  test('on a phone the wide table scrolls inside its region, which the keyboard can reach, and the page does not', async () => {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${server.origin}/${PAGE.replace(/index\.html$/, '')}`)
    const region = "document.querySelector('.table-scroll')"
    expect(await inPage<boolean>(`${region}.scrollWidth > ${region}.clientWidth`)).toBe(true)
    expect(await inPage<string>(`getComputedStyle(${region}).overflowX`)).toBe('auto')
    expect(await inPage<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true)
    await page.locator('.table-scroll').focus()
    expect(await inPage<boolean>("document.activeElement?.classList.contains('table-scroll')")).toBe(true)
  })
})
