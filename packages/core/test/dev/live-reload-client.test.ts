// The live-reload client in headless Chromium against a real preview server.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CHROMIUM_LAUNCH } from '../../../../scripts/chromium.mjs'
import { createPreviewServer, type PreviewServer } from '../../src/dev/preview-server.js'

const pageHtml = (stylesheet: string) =>
  `<!doctype html><html><head><title>Beranda</title><link rel="stylesheet" href="/assets/${stylesheet}"></head><body><h1>Beranda</h1></body></html>`

describe('live-reload client in a browser', () => {
  let workspace: string
  let profile: string
  let context: BrowserContext
  let page: Page
  let server: PreviewServer

  // Browser-side code is passed as strings: the project compiles without DOM types.
  /** Sets a value on window that only survives as long as the page is not reloaded. */
  const markPage = () => page.evaluate('window.wartaTestMarker = 1')
  const isMarked = () => page.evaluate('window.wartaTestMarker === 1')
  const waitForReload = () => page.waitForFunction('window.wartaTestMarker === undefined')
  const headingColor = () => page.evaluate('getComputedStyle(document.querySelector("h1")).color')
  const waitForStream = () =>
    page.waitForResponse((response) => response.url().includes('/__warta/events'), { timeout: 5_000 })

  const openHome = async () => {
    const connected = waitForStream()
    await page.goto(server.url)
    await connected
  }

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'warta-client-'))
    profile = await mkdtemp(join(tmpdir(), 'warta-chromium-'))
    context = await chromium.launchPersistentContext(profile, {
      ...CHROMIUM_LAUNCH,
    })
    page = context.pages()[0] ?? (await context.newPage())
  })

  beforeEach(async () => {
    await mkdir(join(workspace, 'dist', 'assets'), { recursive: true })
    await writeFile(join(workspace, 'dist', 'assets', 'site.aaaa.css'), 'h1{color:rgb(255, 0, 0)}')
    await writeFile(join(workspace, 'dist', 'index.html'), pageHtml('site.aaaa.css'))
    server = await createPreviewServer({ root: join(workspace, 'dist') })
    await openHome()
  })

  afterEach(async () => {
    await server?.close()
  })

  afterAll(async () => {
    await context?.close()
    await rm(workspace, { recursive: true, force: true })
    await rm(profile, { recursive: true, force: true })
  })

  it('reloads the page on reload', async () => {
    await markPage()
    const reconnected = waitForStream()
    server.reload()
    await waitForReload()
    await reconnected
  })

  it('swaps a changed stylesheet without reloading', async () => {
    expect(await headingColor()).toBe('rgb(255, 0, 0)')
    await markPage()
    await writeFile(join(workspace, 'dist', 'assets', 'site.bbbb.css'), 'h1{color:rgb(0, 0, 255)}')
    await writeFile(join(workspace, 'dist', 'index.html'), pageHtml('site.bbbb.css'))
    server.reload({ cssOnly: true })
    await page.waitForFunction('getComputedStyle(document.querySelector("h1")).color === "rgb(0, 0, 255)"')
    await page.waitForFunction('document.querySelectorAll("link[rel=stylesheet]").length === 1')
    expect(await page.getAttribute('link[rel="stylesheet"]', 'href')).toMatch(
      /^\/assets\/site\.bbbb\.css\?warta=\d+$/,
    )
    expect(await isMarked()).toBe(true)
  })

  it('shows a build error as text in an overlay, then clears it with a reload', async () => {
    await markPage()
    const text = 'content/news/a.md:3:7: error <img src=x onerror="window.pwned=1"> is not a date'
    server.sendError({ message: '1 error', text })
    const overlay = page.locator('#warta-error-overlay')
    await overlay.locator('pre').waitFor()
    expect(await overlay.locator('pre').textContent()).toBe(text)
    // The text lives in a shadow root, out of reach of the page's own styles and scripts.
    expect(await overlay.evaluate((host) => host.textContent)).toBe('')
    expect(await overlay.getAttribute('role')).toBe('alert')
    expect(await overlay.locator('b').textContent()).toBe('Build failed: 1 error')
    expect(await page.evaluate('document.querySelectorAll("img").length')).toBe(0)
    expect(await page.evaluate('"pwned" in window')).toBe(false)
    expect(await isMarked()).toBe(true)

    server.clearError()
    await waitForReload()
    expect(await overlay.count()).toBe(0)
  })

  it('dismisses the overlay: the page under it is usable, and stays so while the same error stands', async () => {
    await markPage()
    const report = { message: '1 error in content/a.md', text: 'content/a.md:2:8: error Invalid YAML' }
    server.sendError(report)
    const overlay = page.locator('#warta-error-overlay')
    await overlay.locator('pre').waitFor()
    // The button has the focus: Escape, or a click, hides the overlay.
    await overlay.getByRole('button', { name: 'Dismiss' }).click()
    expect(await overlay.count()).toBe(0)
    expect(await isMarked()).toBe(true)
    // The page is the page again: its own elements take clicks.
    await page.locator('h1').click({ timeout: 2_000 })
    // Opened again while the build is still broken with the same error, the page stays clear.
    await openHome()
    await page.waitForTimeout(300)
    expect(await overlay.count()).toBe(0)
  })

  it('Escape dismisses the overlay too', async () => {
    server.sendError({ message: 'broken', text: 'content/b.md:1:1: error y' })
    await page.locator('#warta-error-overlay pre').waitFor()
    await page.keyboard.press('Escape')
    await page.locator('#warta-error-overlay').waitFor({ state: 'detached', timeout: 2_000 })
  })

  it('a dismissed overlay comes back with the next error, and after a fix with the same one', async () => {
    const first = { message: '1 error in content/a.md', text: 'content/a.md:2:8: error first' }
    server.sendError(first)
    const overlay = page.locator('#warta-error-overlay')
    await overlay.locator('pre').waitFor()
    await overlay.getByRole('button', { name: 'Dismiss' }).click()
    server.sendError({ message: '1 error in content/a.md', text: 'content/a.md:3:1: error second' })
    await overlay.locator('pre').waitFor()
    expect(await overlay.locator('pre').textContent()).toBe('content/a.md:3:1: error second')
    // Fixed (the page reloads), then broken again the first way: shown, not remembered as dismissed.
    server.clearError()
    await waitForStream()
    server.sendError(first)
    await overlay.locator('pre').waitFor()
    expect(await overlay.locator('pre').textContent()).toBe(first.text)
  })

  it('shows the overlay on a page opened while the build is broken', async () => {
    server.sendError({ message: 'broken', text: 'content/a.md:1:1: error x' })
    await openHome()
    await page.locator('#warta-error-overlay pre').waitFor()
  })

  it('reconnects and reloads after the server restarts', async () => {
    await markPage()
    const port = Number(new URL(server.url).port)
    await server.close()
    server = await createPreviewServer({ root: join(workspace, 'dist'), port })
    await waitForReload()
  })
})
