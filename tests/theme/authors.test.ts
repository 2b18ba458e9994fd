// Author profiles from authors/<id>.yml, as a reader and a crawler get them: the author's page
// (portrait with its size, role, sanitized bio, links with rel="me"), the byline and the author
// box on their articles, the JSON-LD Person in both places; axe finds nothing on either page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, describeViolations, launchBrowser, runAxe } from './browser.js'
import { type StaticServer, serveStatic } from './example-site.js'
import { createNewsSite, type NewsSite } from './news-site.js'

type JsonLd = Record<string, unknown>

describe('author profiles', () => {
  let site: NewsSite
  let server: StaticServer
  let browser: Browser
  const jsonLd = async (): Promise<JsonLd[]> =>
    (await browser.page.locator('script[type="application/ld+json"]').allTextContents()).map(
      (text) => JSON.parse(text) as JsonLd,
    )

  beforeAll(async () => {
    site = await createNewsSite({ stories: 13 })
    server = await serveStatic(site.dir)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await site?.dispose()
  })

  it("opens an author's page with their portrait, role, bio and links elsewhere", async () => {
    const { page } = browser
    await page.goto(`${server.origin}/penulis/rina-wati/`)
    const profile = page.locator('.author-profile')
    const photo = profile.locator('img.author-photo')
    // The portrait as the image stage made it: a square set, AVIF where the browser takes it.
    expect(await photo.getAttribute('src')).toMatch(/^\/assets\/img\/rina-wati-[0-9a-f]{10}-sq480\.png$/)
    expect(await photo.evaluate((img) => (img as unknown as { currentSrc: string }).currentSrc)).toMatch(
      /\/assets\/img\/rina-wati-[0-9a-f]{10}-sq\d+\.avif$/,
    )
    expect(await photo.getAttribute('alt')).toBe('Rina Wati')
    expect([await photo.getAttribute('width'), await photo.getAttribute('height')]).toEqual(['160', '160'])
    // The portrait loaded (naturalWidth is the file's, corrected by its srcset density) and is drawn round and unstretched.
    expect(
      await photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0)
    const box = await photo.boundingBox()
    expect(box && Math.abs(box.width - box.height)).toBeLessThan(1)
    expect(await profile.locator('h1').textContent()).toBe('Rina Wati')
    expect(await profile.locator('.author-profile__role').textContent()).toBe('Redaktur Pelaksana')
    const bio = profile.locator('.author-profile__bio')
    expect(await bio.locator('strong').textContent()).toBe('pemerintahan daerah')
    expect(await bio.locator('em').textContent()).toBe('Jejak Anggaran')
    expect(await bio.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      'https://sekolah.warta.example/',
      'https://warta.example/kirim-informasi',
    ])
    // The bio's raw HTML is removed, as in article bodies.
    expect(await bio.innerHTML()).not.toMatch(/script|alert/)
    const links = await profile
      .locator('.author-profile__links a')
      .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]))
    expect(links).toEqual([
      ['X', 'https://x.com/rinawati', 'me'],
      ['Mastodon', 'https://mastodon.social/@rinawati', 'me'],
      ['Situs pribadi', 'https://rinawati.example', 'me'],
    ])
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toMatch(
      /^Rina Wati meliput pemerintahan daerah dan anggaran publik/,
    )
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(
      /^https:\/\/uji\.warta\.example\/assets\/img\/rina-wati-[0-9a-f]{10}-sq480\.png$/,
    )
    // Her articles follow the profile.
    expect(await page.locator('main .card').count()).toBeGreaterThan(3)
  })

  it("describes the author's page as a ProfilePage of a Person", async () => {
    await browser.page.goto(`${server.origin}/penulis/rina-wati/`)
    const [profilePage, breadcrumbs] = await jsonLd()
    expect(profilePage).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: 'https://uji.warta.example/penulis/rina-wati/',
      inLanguage: 'id-ID',
      isPartOf: { '@id': 'https://uji.warta.example/#website' },
      mainEntity: {
        '@type': 'Person',
        name: 'Rina Wati',
        url: 'https://uji.warta.example/penulis/rina-wati/',
        jobTitle: 'Redaktur Pelaksana',
        image: expect.stringMatching(
          /^https:\/\/uji\.warta\.example\/assets\/img\/rina-wati-[0-9a-f]{10}-sq480\.png$/,
        ),
        description: expect.stringMatching(/^Rina Wati meliput pemerintahan daerah .* Sekolah Wartawan\.$/),
        sameAs: ['https://x.com/rinawati', 'https://mastodon.social/@rinawati', 'https://rinawati.example/'],
      },
    })
    expect(breadcrumbs?.['@type']).toBe('BreadcrumbList')
  })

  it('links each author in the byline with their role, and ends the story with a box about them', async () => {
    const { page } = browser
    await page.goto(`${server.origin}/penulis/rina-wati/`)
    await page.locator('main .card__title a').first().click()
    await page.waitForURL(/\/2025\//)
    const byline = page.locator('.byline__authors')
    expect(await byline.locator('a[rel="author"]').getAttribute('href')).toBe('/penulis/rina-wati/')
    expect((await byline.textContent())?.replace(/\s+/g, ' ')).toBe('Oleh Rina Wati (Redaktur Pelaksana)')
    const box = page.locator('.author-box')
    expect(await box.count()).toBe(1)
    expect(await box.locator('.author-box__name a').getAttribute('href')).toBe('/penulis/rina-wati/')
    expect(await box.locator('.author-box__role').textContent()).toBe('Redaktur Pelaksana')
    expect(await box.locator('.author-box__bio strong').textContent()).toBe('pemerintahan daerah')
    const photo = box.locator('img.author-photo')
    expect([await photo.getAttribute('width'), await photo.getAttribute('loading')]).toEqual(['72', 'lazy'])
    const article = (await jsonLd()).find((node) => node['@type'] === 'NewsArticle')
    expect(article?.author).toEqual([
      expect.objectContaining({
        '@type': 'Person',
        name: 'Rina Wati',
        jobTitle: 'Redaktur Pelaksana',
        image: expect.stringMatching(
          /^https:\/\/uji\.warta\.example\/assets\/img\/rina-wati-[0-9a-f]{10}-sq480\.png$/,
        ),
        sameAs: expect.arrayContaining(['https://x.com/rinawati']),
        description: expect.stringMatching(/^Rina Wati meliput/),
      }),
    ])
  })

  it('gives an author with a role only a box without portrait or bio, and a bare name none', async () => {
    const { page } = browser
    await page.goto(`${server.origin}/penulis/budi-santoso/`)
    expect(await page.locator('.author-profile__role').textContent()).toBe('Wartawan')
    expect(await page.locator('.author-profile img, .author-profile__bio').count()).toBe(0)
    await page.locator('main .card__title a').first().click()
    await page.waitForURL(/\/2025\//)
    expect((await page.locator('.byline__authors').textContent())?.replace(/\s+/g, ' ')).toBe(
      'Oleh Budi Santoso (Wartawan)',
    )
    expect(await page.locator('.author-box img, .author-box__bio').count()).toBe(0)
    expect(await page.locator('.author-box__role').textContent()).toBe('Wartawan')
    await page.goto(`${server.origin}/penulis/siti-aminah/`)
    await page.locator('main .card__title a').first().click()
    await page.waitForURL(/\/2025\//)
    expect(await page.locator('.author-box, .byline__role').count()).toBe(0)
    const article = (await jsonLd()).find((node) => node['@type'] === 'NewsArticle')
    expect(article?.author).toEqual([
      {
        '@type': 'Person',
        name: 'Siti Aminah',
        url: 'https://uji.warta.example/penulis/siti-aminah/',
      },
    ])
  })

  for (const width of [375, 1280]) {
    it(`has no axe violations on an author's page and an article with the author box at ${width} px`, async () => {
      const { page } = browser
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`${server.origin}/penulis/rina-wati/`)
      let violations = await runAxe(page)
      expect(violations, describeViolations(violations)).toHaveLength(0)
      await page.locator('main .card__title a').first().click()
      await page.waitForURL(/\/2025\//)
      violations = await runAxe(page)
      expect(violations, describeViolations(violations)).toHaveLength(0)
      await page.emulateMedia({ colorScheme: 'dark' })
      violations = await runAxe(page)
      await page.emulateMedia({ colorScheme: 'light' })
      expect(violations, `dark mode\n${describeViolations(violations)}`).toHaveLength(0)
    })
  }
})
