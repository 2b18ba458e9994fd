// Quality gates in headless Chromium: axe-core finds no violations, nothing scrolls sideways
// at 320 px, pages load nothing from other origins, and the theme's scripts do their job.
// (Screenshots for review are `pnpm screenshots`, not a test: a picture nobody checks asserts nothing.)
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, describeViolations, launchBrowser, runAxe } from './browser.js'
import { type BuiltSite, buildExample, type StaticServer, serveStatic } from './example-site.js'

const PAGES = ['home', 'article', 'category', 'tag', '404'] as const
type PageName = (typeof PAGES)[number]
const WIDTHS = [375, 1280] as const

describe('theme in a browser', () => {
  let site: BuiltSite
  let server: StaticServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const urls = {} as Record<PageName, string>
  const foreign = new Set<string>()

  const open = async (name: PageName, width: number, colorScheme: 'light' | 'dark' = 'light') => {
    await page.setViewportSize({ width, height: 900 })
    await page.emulateMedia({ colorScheme })
    await page.goto(urls[name], { waitUntil: 'load' })
  }

  const href = async (selector: string, what: string): Promise<string> => {
    const value = await page
      .locator(selector)
      .first()
      .getAttribute('href', { timeout: 2_000 })
      .catch(() => null)
    if (!value) throw new Error(`Could not find ${what} (${selector}) on ${page.url()}`)
    return new URL(value, page.url()).href
  }

  beforeAll(async () => {
    site = await buildExample()
    server = await serveStatic(site.dir)
    browser = await launchBrowser()
    ;({ context, page } = browser)
    page.on('request', (request) => {
      const url = request.url()
      if (!url.startsWith(server.origin) && !url.startsWith('data:')) foreign.add(url)
    })
    urls.home = `${server.origin}/`
    urls['404'] = `${server.origin}/no-such-page/`
    await page.goto(urls.home)
    urls.article = await href('main .card__title a', 'a link to an article')
    urls.category = await href('.sections__list li:nth-child(2) a', 'a section link in the navigation')
    await page.goto(urls.article)
    urls.tag = await href('.tags__list a', 'a tag link on the article page')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await site?.dispose()
  })

  const axe = () => runAxe(page)

  for (const width of WIDTHS) {
    for (const name of PAGES) {
      it(`${name} page at ${width} px has no axe violations`, async () => {
        await open(name, width)
        const violations = await axe()
        expect(violations, describeViolations(violations)).toHaveLength(0)
      })
    }
  }

  for (const name of ['home', 'article'] as const) {
    it(`${name} page in dark mode has no axe violations`, async () => {
      await open(name, 1280, 'dark')
      const violations = await axe()
      expect(violations, describeViolations(violations)).toHaveLength(0)
    })
  }

  for (const name of PAGES) {
    it(`${name} page does not scroll sideways at 320 px`, async () => {
      await open(name, 320)
      // The page's own globals: the root tsconfig has no DOM types.
      const scrollWidth = await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
            .documentElement.scrollWidth,
      )
      expect(scrollWidth).toBeLessThanOrEqual(320)
    })
  }

  it("brings the masthead date up to the reader's day, in the site's zone, from its script file", async () => {
    // 23:30 UTC is already the next day in Samarinda (UTC+8).
    await page.clock.setFixedTime(new Date('2031-03-04T23:30:00Z'))
    await open('home', 1280)
    const time = page.locator('.masthead__date time')
    await expect.poll(() => time.getAttribute('datetime')).toBe('2031-03-05')
    expect(await time.textContent()).toBe('Rabu, 5 Maret 2031')
    expect(await page.locator('script:not([src]):not([type="application/ld+json"])').count()).toBe(0)
  })

  it('shows the copy-link button where the clipboard works', async () => {
    await open('article', 1280)
    const button = page.locator('.share__button')
    await expect.poll(() => button.isVisible()).toBe(true)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin })
    await button.click()
    await expect.poll(() => button.textContent()).toContain('Tautan disalin')
    const copied = await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    )
    expect(copied).toBe(await page.inputValue('#share-url'))
  })

  it('loads nothing from other origins and nothing missing', () => {
    expect([...foreign]).toEqual([])
    expect(server.misses.filter((p) => p !== '/no-such-page/')).toEqual([])
  })
})
