// Search as a reader uses it, in headless Chromium on the example site: the masthead's field
// sends a query to the search page, which finds the Taipei article for a word of its text and,
// through Indonesian stemming, for a form of a word the text does not contain; the results are
// announced, reachable by keyboard, and pass axe; without JavaScript the form still works and
// the page says where to browse; a site with `search: false` has no index, field or page.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, describeViolations, launchBrowser, runAxe } from './browser.js'
import { type BuiltSite, buildExample, exampleRoot, type StaticServer, serveStatic } from './example-site.js'

const SEED = 'content/2025/05/taipei-tawarkan-kerja-sama-strategis.md'
const TITLE =
  'Taipei Tawarkan Kerja Sama Strategis dengan Pemprov Kaltim di Sektor Pendidikan, Kesehatan, dan Infrastruktur'

/** The little of the page's globals these tests read (the project's types have no DOM). */
interface PageGlobals {
  document: { activeElement: { id: string; tagName: string; textContent: string | null } | null }
}

describe('search in a browser', () => {
  let site: BuiltSite
  let server: StaticServer
  let browser: Browser
  let page: Page
  let words: Set<string>

  beforeAll(async () => {
    site = await buildExample()
    server = await serveStatic(site.dir)
    browser = await launchBrowser()
    page = browser.page
    const text = await readFile(path.join(exampleRoot, SEED), 'utf8')
    words = new Set(text.toLowerCase().match(/\p{L}+/gu))
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await site?.dispose()
  })

  const status = () => page.locator('#search-status')
  const results = () => page.locator('.search-result__title a')

  it('typing "osteoporosis" in the masthead field finds the Taipei article', async () => {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto(`${server.origin}/`)
    const field = page.getByRole('searchbox', { name: 'Cari berita' })
    await field.click()
    await field.pressSequentially('osteoporosis')
    await field.press('Enter')
    await page.waitForURL(`${server.origin}/cari/?q=osteoporosis`)
    await expect.poll(() => status().textContent()).toBe('1 berita untuk “osteoporosis”')
    expect(await results().allTextContents()).toEqual([TITLE])
    // The excerpt shows the word where the article has it.
    expect(await page.locator('.search-result__excerpt mark').first().textContent()).toBe('osteoporosis')
    expect(await page.locator('.search-result__meta').textContent()).toBe('Pemerintahan · 16 Mei 2025')
    await results().first().click()
    await page.waitForURL(/\/2025\/05\/16\/taipei-tawarkan-/)
    expect(await page.locator('h1').textContent()).toBe(TITLE)
  })

  for (const [query, found] of [
    ['dikunjungi', 'kunjungan'],
    ['bertani', 'pertanian'],
  ] as const) {
    it(`finds the article for "${query}", which it does not contain, by its stem: in "${found}"`, async () => {
      // The text has another form of the word, and no word that begins with the query.
      expect([...words].some((w) => w.startsWith(query))).toBe(false)
      expect(words.has(found)).toBe(true)
      await page.goto(`${server.origin}/cari/`)
      await page.getByLabel('Kata kunci').pressSequentially(query)
      await expect.poll(() => status().textContent()).toBe(`1 berita untuk “${query}”`)
      expect(await results().allTextContents()).toEqual([TITLE])
      expect(page.url()).toBe(`${server.origin}/cari/?q=${query}`)
      // What matched is the other form (the excerpt marks it), not a short word the query
      // begins with ("di", "ber"), which Pagefind falls back to when nothing else matches.
      const marked = await page.locator('.search-result__excerpt mark').allTextContents()
      expect(marked.length).toBeGreaterThan(0)
      expect(marked.map((m) => m.toLowerCase().replace(/[^\p{L}]/gu, ''))).toEqual(marked.map(() => found))
    })
  }

  it('says so when nothing matches, in a live region', async () => {
    await page.goto(`${server.origin}/cari/?q=kapal+selam`)
    await expect
      .poll(() => status().textContent())
      .toBe('Tidak ada berita untuk “kapal selam”. Coba kata lain.')
    expect(await status().getAttribute('role')).toBe('status')
    expect(await results().count()).toBe(0)
    expect(await page.locator('#search-more').isVisible()).toBe(false)
  })

  it('works from the keyboard: tab to the field, type, Enter, tab to the result, Enter', async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${server.origin}/cari/`)
    const focused = () =>
      page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id ?? '')
    for (let i = 0; i < 30 && (await focused()) !== 'search-q'; i++) await page.keyboard.press('Tab')
    expect(await focused()).toBe('search-q')
    await page.keyboard.type('kereta api')
    await page.keyboard.press('Enter')
    await expect.poll(() => status().textContent()).toBe('1 berita untuk “kereta api”')
    // From the field: the search button, then the first result.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent),
    ).toBe(TITLE)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/2025\/05\/16\/taipei-tawarkan-/)
  })

  for (const width of [375, 1280]) {
    it(`the search page with results at ${width} px has no axe violations`, async () => {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`${server.origin}/cari/?q=osteoporosis`)
      await expect.poll(() => results().count()).toBe(1)
      const violations = await runAxe(page)
      expect(violations, describeViolations(violations)).toHaveLength(0)
    })
  }

  it('the empty search page has no axe violations in dark mode and fits 320 px', async () => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.setViewportSize({ width: 320, height: 800 })
    await page.goto(`${server.origin}/cari/`)
    const violations = await runAxe(page)
    expect(violations, describeViolations(violations)).toHaveLength(0)
    const scrollWidth = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    )
    expect(scrollWidth).toBeLessThanOrEqual(320)
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('without JavaScript the masthead form reaches the search page, which shows the form and where to browse', async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false })
    try {
      const { page: plain } = noScript
      await plain.goto(`${server.origin}/`)
      await plain.getByRole('searchbox', { name: 'Cari berita' }).fill('osteoporosis')
      await plain.getByRole('button', { name: 'Cari' }).click()
      await plain.waitForURL(`${server.origin}/cari/?q=osteoporosis`)
      expect(await plain.getByRole('searchbox', { name: 'Kata kunci' }).isVisible()).toBe(true)
      expect(await plain.locator('.search-page__status').last().textContent()).toContain(
        'Pencarian memerlukan JavaScript.',
      )
      expect(await plain.getByRole('link', { name: 'Indeks berita' }).getAttribute('href')).toBe('/arsip/')
      expect(await plain.locator('#search-more').isVisible()).toBe(false)
    } finally {
      await noScript.close()
    }
  })

  it('asked for nothing that is not there', () => {
    expect(server.misses).toEqual([])
  })
})

describe('a site with search: false', () => {
  let site: BuiltSite

  beforeAll(async () => {
    site = await buildExample({ search: false })
  })
  afterAll(() => site?.dispose())

  it('has no index, no search page and no search field', async () => {
    const files = (await readdir(site.dir, { recursive: true })).map((f) => f.split(path.sep).join('/'))
    expect(files.filter((f) => f.startsWith('pagefind/') || f.startsWith('cari/'))).toEqual([])
    const home = await readFile(path.join(site.dir, 'index.html'), 'utf8')
    expect(home).not.toContain('search-form')
    expect(home).not.toContain('role="search"')
  })
})
