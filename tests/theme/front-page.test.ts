// The front page for sites of 1, 3, 7, 12 and 13 stories, measured in Chromium at phone, tablet
// and desktop widths: each story once, no empty grid cell or half-filled row, no section block
// without news, a live badge on every card of the live blog; the section menu's scroll hint; and
// relative times counted in the browser from <time datetime>.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, describeViolations, emptyGridCells, launchBrowser, runAxe } from './browser.js'
import { type StaticServer, serveStatic } from './example-site.js'
import { createNewsSite, type NewsSite, SECTIONS } from './news-site.js'

const WIDTHS = [375, 768, 1280] as const
/** What the news theme's front page shows above the section blocks: the lead, 2 cards, 6 in the list. */
const ABOVE_SECTIONS = 9

/** The page's own globals: the root tsconfig has no DOM types. */
type Dom = {
  document: {
    querySelector(s: string): DomElement | null
    querySelectorAll(s: string): Iterable<DomElement>
  }
}
type DomElement = {
  textContent: string | null
  getAttribute(name: string): string | null
  getBoundingClientRect(): { left: number; right: number }
  closest(s: string): DomElement | null
  querySelector(s: string): DomElement | null
  scrollLeft: number
  scrollWidth: number
  clientWidth: number
}

/** Each card in <main>: the story it links to, and whether it wears the live badge. */
const cardsOf = (page: Page) =>
  page.evaluate(() =>
    [...(globalThis as unknown as Dom).document.querySelectorAll('main .card')].map((card) => ({
      title: card.querySelector('.card__title a')?.textContent ?? '',
      live: card.querySelector('.live-badge') !== null,
    })),
  )

describe('front page', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const stories of [1, 3, 7, 12, 13]) {
    describe(`of a site with ${stories} ${stories === 1 ? 'story' : 'stories'}`, () => {
      let site: NewsSite
      let server: StaticServer
      beforeAll(async () => {
        site = await createNewsSite({ stories })
        server = await serveStatic(site.dir)
      })
      afterAll(async () => {
        await server?.close()
        await site?.dispose()
      })

      for (const width of WIDTHS) {
        it(`shows each story once and fills every row at ${width} px`, async () => {
          const { page } = browser
          await page.setViewportSize({ width, height: 900 })
          await page.goto(`${server.origin}/`, { waitUntil: 'load' })
          const cards = await cardsOf(page)
          // Every story fits on these front pages, and none twice.
          expect(cards.map((c) => c.title).sort()).toEqual([...site.titles].sort())
          expect(await emptyGridCells(page)).toEqual([])
          // The story of the live blog (the second newest) carries the badge on its card, no other does.
          expect(cards.filter((c) => c.live).map((c) => c.title)).toEqual(stories > 1 ? [site.titles[1]] : [])
        })
      }

      it('leaves out the sections that have nothing new after the top stories', async () => {
        const { page } = browser
        await page.goto(`${server.origin}/`)
        const blocks = await page.locator('.section-block .block-title').allTextContents()
        const leftOver = new Set(
          site.titles.slice(ABOVE_SECTIONS).map((_, i) => SECTIONS[(i + ABOVE_SECTIONS) % 8]),
        )
        expect(blocks.map((b) => b.trim())).toEqual(SECTIONS.filter((s) => leftOver.has(s)))
        for (const block of await page.locator('.section-block').all())
          expect(await block.locator('.card').count()).toBeGreaterThan(0)
      })
    })
  }

  describe('of a 13-story site', () => {
    let site: NewsSite
    let server: StaticServer
    beforeAll(async () => {
      site = await createNewsSite({ stories: 13 })
      server = await serveStatic(site.dir)
    })
    afterAll(async () => {
      await server?.close()
      await site?.dispose()
    })

    it('measures: the probe finds the empty cells and half rows the old fixed grids left', async () => {
      const { page } = browser
      await page.setViewportSize({ width: 1280, height: 900 })
      await page.goto(`${server.origin}/`)
      expect(await emptyGridCells(page)).toEqual([])
      // Four section blocks in three fixed columns, as the theme had them: two empty cells.
      await page.addStyleTag({
        content: '.home__sections { display: grid; grid-template-columns: repeat(3, 1fr) }',
      })
      expect(await emptyGridCells(page)).toEqual([
        'div.home__sections: empty cell at row 2, column 2',
        'div.home__sections: empty cell at row 2, column 3',
      ])
      // Rows whose last stories do not grow: the second row of blocks is a third full.
      await page.goto(`${server.origin}/`)
      await page.addStyleTag({ content: '.home__sections > * { flex-grow: 0 }' })
      expect(await emptyGridCells(page)).toContainEqual(
        expect.stringMatching(/^div\.home__sections: row 2 fills 3\d\d of 11\d\d px$/),
      )
    })

    const navState = (page: Page) =>
      page.evaluate(() => {
        const { document } = globalThis as unknown as Dom
        const nav = document.querySelector('.sections')
        const list = document.querySelector('.sections__list')
        const current = document.querySelector('.sections__list [aria-current], .sections__list .is-active')
        const box = list?.getBoundingClientRect()
        const at = current?.getBoundingClientRect()
        const style = list
          ? (
              globalThis as unknown as { getComputedStyle(e: unknown): { maskImage: string } }
            ).getComputedStyle(list)
          : undefined
        return {
          more: nav?.getAttribute('data-more') ?? null,
          mask: style?.maskImage ?? 'none',
          scrolls: list ? list.scrollWidth > list.clientWidth : false,
          current: current?.textContent ?? null,
          currentInView: Boolean(box && at && at.left >= box.left - 0.5 && at.right <= box.right + 0.5),
        }
      })

    it('shows at 375 px that the section menu scrolls, and that the start has more once scrolled', async () => {
      const { page } = browser
      await page.setViewportSize({ width: 375, height: 800 })
      await page.goto(`${server.origin}/`)
      await expect.poll(async () => (await navState(page)).more).toBe('end')
      expect(await navState(page)).toMatchObject({ scrolls: true, current: 'Beranda', currentInView: true })
      expect((await navState(page)).mask).toMatch(/linear-gradient/)
      await page.locator('.sections__list').evaluate((list) => {
        ;(list as unknown as DomElement).scrollLeft = 10_000
      })
      await expect.poll(async () => (await navState(page)).more).toBe('start')
      // At 1280 px every section fits: nothing to hint at.
      await page.setViewportSize({ width: 1280, height: 800 })
      await expect.poll(async () => (await navState(page)).more).toBe(null)
      expect((await navState(page)).mask).toBe('none')
    })

    it('scrolls the current section into view at 375 px, on its page and on its articles', async () => {
      const { page } = browser
      await page.setViewportSize({ width: 375, height: 800 })
      await page.goto(`${server.origin}/kategori/budaya/`)
      await expect.poll(async () => (await navState(page)).currentInView).toBe(true)
      expect(await navState(page)).toMatchObject({ current: 'Budaya', more: 'start' })
      await page.locator('main .card__title a').first().click()
      await page.waitForURL(/\/2025\//)
      await expect.poll(async () => (await navState(page)).current).toBe('Budaya')
      await expect.poll(async () => (await navState(page)).currentInView).toBe(true)
    })

    it('says how long ago recent stories appeared, in Indonesian, counted in the browser', async () => {
      const { page } = browser
      // Half an hour after the build: the newest story is 2.5 hours old.
      await page.clock.setFixedTime(new Date(site.now + 30 * 60_000))
      await page.setViewportSize({ width: 1280, height: 900 })
      await page.goto(`${server.origin}/`)
      const times = page.locator('.card__meta time')
      await expect.poll(() => times.first().textContent()).toBe('2 jam lalu')
      expect(await times.first().getAttribute('title')).toBe('2 Jun 2025')
      const all = await times.allTextContents()
      expect(all).toContain('4 jam lalu')
      // Older than a day: the date, as the HTML has it.
      expect(all.at(-1)).toMatch(/Jun 2025/)
      // The HTML keeps the absolute date, so builds do not depend on the clock and pages read without JavaScript.
      const html = await readFile(path.join(site.dir, 'index.html'), 'utf8')
      expect(html).toMatch(/<time datetime="2025-06-02T08:00:00\+08:00">2 Jun 2025<\/time>/)
      expect(html).not.toMatch(/<time[^>]*>[^<]*lalu/)
    })

    for (const width of [375, 1280]) {
      it(`has no axe violations on the home page and a live blog at ${width} px`, async () => {
        const { page } = browser
        await page.setViewportSize({ width, height: 900 })
        for (const url of ['/', `/kategori/ekonomi/`]) {
          await page.goto(`${server.origin}${url}`)
          const violations = await runAxe(page)
          expect(violations, `${url}\n${describeViolations(violations)}`).toHaveLength(0)
        }
        await page
          .locator('main .live-badge')
          .first()
          .locator('xpath=../..')
          .locator('.card__title a')
          .click()
        await page.waitForURL(/\/2025\//)
        expect(await page.locator('.article .live-badge').count()).toBe(1)
        const violations = await runAxe(page)
        expect(violations, describeViolations(violations)).toHaveLength(0)
      })
    }
  })

  describe('in English', () => {
    let site: NewsSite
    let server: StaticServer
    beforeAll(async () => {
      site = await createNewsSite({ stories: 3, lang: 'en', photos: false })
      server = await serveStatic(site.dir)
    })
    afterAll(async () => {
      await server?.close()
      await site?.dispose()
    })

    it('says "hours ago" and "hour ago", and "Live" on the live blog', async () => {
      const { page } = browser
      // 55 minutes before the build's clock: the newest story is an hour and five minutes old.
      await page.clock.setFixedTime(new Date(site.now - 55 * 60_000))
      await page.goto(`${server.origin}/`)
      const times = page.locator('.card__meta time')
      await expect.poll(() => times.allTextContents()).toEqual(['1 hour ago', '3 hours ago', '5 hours ago'])
      expect(await page.locator('.live-badge').textContent()).toBe('Live')
    })
  })
})
