// The preview in headless Chromium: an open article follows edits on disk without anyone
// reloading it, shows a build error in its overlay (which can be dismissed, and comes back
// with the next error) and drops the overlay once the file is fixed, swaps a changed
// stylesheet without reloading, and searches the site as it now is.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CHROMIUM_LAUNCH } from '../../scripts/chromium.mjs'
import { copyExample, type DevServer, EVENT_TIMEOUT_MS, type SiteCopy, startDev } from './dev-site.js'

const TAIPEI = 'content/2025/05/taipei-tawarkan-kerja-sama-strategis.md'
const OVERLAY = 'warta-error-overlay'

/** The little of the page's globals these tests use (the project's types have no DOM). */
interface PageGlobals {
  document: {
    body: { textContent: string | null }
    getElementById(id: string): { shadowRoot: { textContent: string | null } | null } | null
  }
  getComputedStyle(element: unknown): { outlineWidth: string }
  wartaMarker?: string
}

describe('the preview in a browser', () => {
  let site: SiteCopy
  let server: DevServer
  let profile: string
  let context: BrowserContext
  let page: Page
  let articleUrl: string
  let source: string

  /** The overlay's text (it lives in a shadow root), or null when none is shown. */
  const overlayText = () =>
    page.evaluate(
      (id) =>
        (globalThis as unknown as PageGlobals).document.getElementById(id)?.shadowRoot?.textContent ?? null,
      OVERLAY,
    )

  /** Waits, without reloading, until the page's text contains `text`. */
  const waitForText = (text: string) =>
    page.waitForFunction(
      (wanted) => (globalThis as unknown as PageGlobals).document.body.textContent?.includes(wanted),
      text,
      { timeout: EVENT_TIMEOUT_MS },
    )

  beforeAll(async () => {
    site = await copyExample({ ownTheme: true })
    source = await site.read(TAIPEI)
    server = await startDev(site)
    const pages = await readdir(server.outDir, { recursive: true })
    const article = pages.find((f) => f.includes('taipei-tawarkan') && f.endsWith('index.html'))
    articleUrl = new URL(article?.replace(/index\.html$/, '') ?? 'missing/', server.url).href

    profile = await mkdtemp(path.join(tmpdir(), 'warta-chromium-'))
    context = await chromium.launchPersistentContext(profile, {
      ...CHROMIUM_LAUNCH,
    })
    page = context.pages()[0] ?? (await context.newPage())
    await page.goto(articleUrl, { waitUntil: 'load' })
  })

  afterAll(async () => {
    await context?.close()
    await server?.close()
    await site?.dispose()
    if (profile) await rm(profile, { recursive: true, force: true })
  })

  test('an edit on disk shows up in the open page by itself', async () => {
    expect(await page.textContent('h1')).toContain('Taipei Tawarkan Kerja Sama Strategis')
    await site.write(TAIPEI, source.replace('Pertemuan ini juga', 'Pertemuan yang disunting ini juga'))
    await waitForText('Pertemuan yang disunting ini juga')
    expect(page.url()).toBe(articleUrl)
  })

  test('broken front matter shows the error overlay over the last good page', async () => {
    await site.write(TAIPEI, source.replace('tags:\n', 'tags: [Taiwan\n'))
    await page.waitForFunction(
      (id) => (globalThis as unknown as PageGlobals).document.getElementById(id)?.shadowRoot?.textContent,
      OVERLAY,
      { timeout: EVENT_TIMEOUT_MS },
    )
    const text = await overlayText()
    expect(text).toMatch(
      /Build failed: 1 error in content\/2025\/05\/taipei-tawarkan-kerja-sama-strategis\.md/,
    )
    expect(text).toMatch(/taipei-tawarkan-kerja-sama-strategis\.md:\d+:\d+: error /)
    // The page under it is still the last good one.
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.body.textContent),
    ).toContain('Pertemuan yang disunting ini juga')
  })

  test('the overlay can be dismissed to use the last good page, and comes back with the next error', async () => {
    const overlay = page.locator(`#${OVERLAY}`)
    await overlay.getByRole('button', { name: 'Dismiss' }).click()
    expect(await overlayText()).toBeNull()
    // The last good page is usable: a link in it takes the click (the overlay would intercept it).
    await page.locator('h1').click({ timeout: 2_000 })
    expect(await page.textContent('h1')).toContain('Taipei Tawarkan Kerja Sama Strategis')
    // Another mistake in the file: a new error, and the overlay is back.
    await site.write(TAIPEI, source.replace('tags:\n', 'tags:\n\t- Taiwan\n'))
    await page.waitForFunction(
      (id) =>
        /a tab indents this line/.test(
          (globalThis as unknown as PageGlobals).document.getElementById(id)?.shadowRoot?.textContent ?? '',
        ),
      OVERLAY,
      { timeout: EVENT_TIMEOUT_MS },
    )
  })

  test('fixing the file removes the overlay and shows the fixed page', async () => {
    await site.write(TAIPEI, source.replace('Pertemuan ini juga', 'Pertemuan yang sudah diperbaiki ini juga'))
    await waitForText('Pertemuan yang sudah diperbaiki ini juga')
    expect(await overlayText()).toBeNull()
  })

  test('a stylesheet edit is swapped in without reloading the page', async () => {
    const themeDir = site.themeDir as string
    await page.evaluate(() => {
      ;(globalThis as unknown as PageGlobals).wartaMarker = 'not reloaded'
    })
    const css = path.join(themeDir, 'assets', 'style.css')
    await writeFile(css, `${await readFile(css, 'utf8')}\nbody { outline: 7px solid rgb(1, 2, 3); }\n`)
    await page.waitForFunction(
      () => {
        const scope = globalThis as unknown as PageGlobals
        return scope.getComputedStyle(scope.document.body).outlineWidth === '7px'
      },
      undefined,
      { timeout: EVENT_TIMEOUT_MS },
    )
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).wartaMarker)).toBe('not reloaded')
  })

  test('search works in the preview, and finds the words an edit added', async () => {
    const search = async (query?: string) => {
      if (query) await page.goto(new URL(`cari/?q=${query}`, server.url).href, { waitUntil: 'load' })
      const status = page.locator('#search-status')
      await page.waitForFunction(
        () => {
          const text = (globalThis as unknown as PageGlobals).document.body.textContent ?? ''
          return text.includes('berita untuk')
        },
        undefined,
        { timeout: EVENT_TIMEOUT_MS },
      )
      return {
        status: await status.textContent(),
        results: await page.locator('.search-result__title a').count(),
      }
    }
    expect(await search('osteoporosis')).toEqual({ status: '1 berita untuk “osteoporosis”', results: 1 })
    expect((await search('xilofon')).results).toBe(0)
    // The index follows the page, in a `search` event: the one with the article's new fragment.
    const indexed = new Promise<void>((resolve) => {
      const onSearch = (event: { written: string[] }) => {
        if (!event.written.some((f) => f.startsWith('pagefind/fragment/'))) return
        server.off('search', onSearch)
        resolve()
      }
      server.on('search', onSearch)
    })
    // The search page still open on "xilofon" reloads by itself once the index is written.
    const reloaded = page.waitForEvent('load', { timeout: EVENT_TIMEOUT_MS })
    await site.write(TAIPEI, source.replace('Pertemuan ini juga', 'Pertemuan xilofon ini juga'))
    await indexed
    await reloaded
    expect(await search()).toEqual({
      status: '1 berita untuk “xilofon”',
      results: 1,
    })
  })
})
