// The pictures in a browser, as a reader gets them: on a phone (375 px, DPR 2) and a desktop
// (1280 px, DPR 1 and 2), every picture of the home page, a section, a photo article and an
// article without a photo is served in AVIF, at no more than twice the pixels its place shows
// (the target), and no page shifts while its pictures load.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_LAUNCH } from '../../scripts/chromium.mjs'
import { type StaticServer, serveStatic } from '../theme/example-site.js'
import { createNewsSite, type NewsSite } from '../theme/news-site.js'
import { buildPhotoSite, type PhotoSite } from './photo-site.js'

const DEVICES = [
  { name: 'phone', width: 375, height: 812, scale: 2 },
  { name: 'desktop', width: 1280, height: 900, scale: 1 },
  { name: 'desktop, DPR 2', width: 1280, height: 900, scale: 2 },
] as const

interface Served {
  src: string
  /** Pixels of the file the browser chose. */
  natural: number
  /** Device pixels the picture is drawn over (object-fit: cover draws past its box). */
  needed: number
  /** The widest file of its srcset: the photo has no more pixels. */
  widest: number
}

/**
 * Runs in the page (as source text: the root tsconfig has no DOM types). Scrolls through it so
 * that lazy pictures load, waits for them, and gives each shown picture's file and the device
 * pixels it is drawn over: object-fit: cover draws a picture past its box. naturalWidth is
 * corrected by the srcset's density, so a file's own width is read from its name.
 */
const SERVED_PROBE = `(async () => {
  for (let y = 0; y < document.body.scrollHeight; y += 400) {
    window.scrollTo(0, y)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await Promise.all([...document.images].map((img) =>
    img.complete ? undefined : new Promise((resolve) => img.addEventListener('load', resolve, { once: true }))))
  return [...document.images]
    .filter((img) => img.getBoundingClientRect().width > 0)
    .map((img) => {
      const box = img.getBoundingClientRect()
      const cover = getComputedStyle(img).objectFit === 'cover'
      const drawn = cover ? Math.max(box.width, (box.height * img.naturalWidth) / img.naturalHeight) : box.width
      const natural = Number((/-(?:sq)?(\\d+)\\.\\w+$/.exec(img.currentSrc) || [])[1] || img.naturalWidth)
      const widest = Math.max(0, ...img.srcset.split(',').map((c) => Number.parseInt(c.trim().split(/\\s+/)[1] || '0', 10)))
      return { src: img.currentSrc, natural, widest, needed: drawn * devicePixelRatio }
    })
})()`

/** Runs in the page: sums its layout shifts (those not caused by input) as they are reported, from load on. */
const SHIFT_PROBE = `(() => {
  window.__shift = 0
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value
  }).observe({ type: 'layout-shift', buffered: true })
})()`

describe('pictures in a browser', () => {
  let site: PhotoSite
  let news: NewsSite
  let server: StaticServer
  let newsServer: StaticServer
  let profile: string
  let pages: Record<string, string>
  const ratios: { page: string; device: string; ratio: number; src: string }[] = []

  beforeAll(async () => {
    profile = await mkdtemp(path.join(tmpdir(), 'warta-chromium-'))
    const dir = path.join(profile, 'site')
    server = await serveStatic(dir)
    site = await buildPhotoSite({ url: server.origin, outDir: dir })
    // A fuller front page: 25 stories, rows of cards that fill themselves, author portraits.
    const newsDir = path.join(profile, 'news')
    newsServer = await serveStatic(newsDir)
    news = await createNewsSite({ stories: 25, url: newsServer.origin, outDir: newsDir })
    pages = {
      home: `${server.origin}/`,
      section: `${server.origin}/kategori/daerah/`,
      'photo article': `${server.origin}/2025/05/19/banjir-rendam-tiga-kelurahan-di-samarinda/`,
      'article without a photo': `${server.origin}/2025/05/17/dprd-kaltim-bahas-anggaran-pendidikan/`,
      'a 25-story front page': `${newsServer.origin}/`,
      'a section of 4 stories': `${newsServer.origin}/kategori/pemerintahan/`,
      'the archive': `${newsServer.origin}/arsip/`,
      "an author's page": `${newsServer.origin}/penulis/rina-wati/`,
    }
  })

  afterAll(async () => {
    console.log(
      'Largest served-to-slot ratios (file pixels / device pixels drawn):\n' +
        ratios
          .sort((a, b) => b.ratio - a.ratio)
          .slice(0, 6)
          .map((r) => `  ${r.ratio.toFixed(2)} ${r.page} (${r.device}) ${r.src.split('/').pop()}`)
          .join('\n'),
    )
    await server?.close()
    await newsServer?.close()
    await site?.dispose()
    await news?.dispose()
    if (profile) await rm(profile, { recursive: true, force: true })
  })

  for (const device of DEVICES) {
    it(`${device.name}: every picture in AVIF, at most twice its drawn size, sharp, and no layout shift`, async () => {
      let n = 0
      for (const [name, url] of Object.entries(pages)) {
        // A fresh profile for each page: a browser reuses a larger file it already has for the
        // same picture, which would hide what this page's own sizes ask for.
        const context: BrowserContext = await chromium.launchPersistentContext(
          path.join(profile, `${device.name}-${n++}`),
          {
            ...CHROMIUM_LAUNCH,
            viewport: { width: device.width, height: device.height },
            deviceScaleFactor: device.scale,
          },
        )
        try {
          const page = context.pages()[0] ?? (await context.newPage())
          await page.goto(url, { waitUntil: 'load' })
          await page.evaluate(SHIFT_PROBE)
          // A picture shown twice on a page is downloaded once: only first showings are downloads.
          const seen = new Set<string>()
          const served = ((await page.evaluate(SERVED_PROBE)) as Served[]).filter(
            (p) => !seen.has(p.src) && seen.add(p.src),
          )
          if (name !== 'article without a photo') expect(served.length, name).toBeGreaterThan(0)
          for (const picture of served) {
            const ratio = picture.natural / picture.needed
            ratios.push({ page: name, device: device.name, ratio, src: picture.src })
            expect(picture.src, `${name}: ${picture.src}`).toMatch(/\/assets\/img\/[a-z0-9-]+\.avif$/)
            expect(
              ratio,
              `${name}: ${picture.src} is ${picture.natural} px for ${picture.needed.toFixed(0)}`,
            ).toBeLessThanOrEqual(2)
            // Sharp: never fewer pixels than drawn, unless it is the photo's largest file.
            if (picture.natural < picture.widest)
              expect(
                ratio,
                `${name}: ${picture.src} for ${picture.needed.toFixed(0)}`,
              ).toBeGreaterThanOrEqual(0.99)
          }
          expect(await page.evaluate('window.__shift'), name).toBeLessThan(0.01)
        } finally {
          await context.close()
        }
      }
    }, 120_000)
  }
})
