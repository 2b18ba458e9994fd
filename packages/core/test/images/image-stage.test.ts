// The image stage through real builds: real-size photos made in the test (3000 × 2000 JPEGs
// of ~2 MB), a lead image in public/, a body image beside its article, an author photo.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { WartaConfig } from '../../src/config/types.js'
import { build, imageCacheDirOf } from '../../src/pipeline/build.js'
import { testTheme } from '../fixtures/theme/index.js'
import { NOW, readOutput, writePhoto } from '../helpers.js'

const BANJIR = '2025/05/14/banjir-rendam-tiga-kelurahan/index.html'
const RAPAT = '2025/05/15/dprd-gelar-rapat-paripurna/index.html'
const hour = new Date(Date.now() - 3600_000)

/** A site with three big photos; their mtimes are an hour back, as a photo copied in earlier would be. */
async function photoSite(root: string): Promise<{ root: string; config: WartaConfig }> {
  const article = path.join(root, 'content/2025/05')
  await mkdir(article, { recursive: true })
  await mkdir(path.join(root, 'public/images'), { recursive: true })
  await mkdir(path.join(root, 'authors'), { recursive: true })
  const photos = {
    'public/images/banjir.jpg': [3000, 2000, 1],
    'content/2025/05/peta wilayah.jpg': [3000, 2000, 2],
    'public/images/rina.jpg': [1200, 1600, 3],
  } as const
  for (const [file, [w, h, seed]] of Object.entries(photos)) {
    await writePhoto(path.join(root, file), w, h, { seed })
    await utimes(path.join(root, file), hour, hour)
  }
  await writeFile(
    path.join(root, 'authors/rina.yml'),
    'name: Rina Wulandari\nrole: Wartawan\nphoto: /images/rina.jpg\n',
  )
  await writeFile(
    path.join(article, 'banjir.md'),
    [
      '---',
      'title: Banjir rendam tiga kelurahan',
      'date: 2025-05-14T08:00',
      'summary: Hujan deras sejak Senin malam merendam tiga kelurahan di Samarinda.',
      'authors: [rina]',
      'image:',
      '  src: /images/banjir.jpg',
      '  alt: Warga menuntun sepeda motor di Jalan Pahlawan',
      '  caption: Jalan Pahlawan, Selasa pagi',
      '  credit: Redaksi',
      '  focus: [0.3, 0.4]',
      '---',
      '',
      'Hujan deras sejak Senin malam merendam tiga kelurahan.',
      '',
      '![Peta wilayah yang terendam](peta%20wilayah.jpg "Peta")',
      '',
      'Warga mengungsi ke masjid.',
      '',
    ].join('\n'),
  )
  await writeFile(
    path.join(article, 'rapat.md'),
    '---\ntitle: DPRD gelar rapat paripurna\ndate: 2025-05-15T08:00\nsummary: Rapat membahas anggaran.\n---\n\nRapat berlangsung.\n',
  )
  for (const file of ['banjir.md', 'rapat.md']) await utimes(path.join(article, file), hour, hour)
  const config: WartaConfig = {
    root,
    outDir: path.join(root, 'dist'),
    site: { title: 'Warta Uji', url: 'https://uji.example/berita', basePath: '/berita/' },
    theme: testTheme,
  }
  return { root, config }
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]
const imgTags = (html: string) => [...html.matchAll(/<img\s[^>]*>/g)].map((m) => m[0])
const decode = (text: string) => text.replace(/&#x26;|&amp;/g, '&')

/** Each `url width` of a srcset, as output paths. */
const srcsetFiles = (srcset: string) =>
  decode(srcset)
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .map(([url, width]) => ({
      file: (url ?? '').replace(/^\/berita\//, ''),
      width: Number.parseInt(width ?? '', 10),
    }))

describe('a build with real-size photos', () => {
  let site: { root: string; config: WartaConfig }
  let outDir: string
  let firstMs: number
  let work: string
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'warta-images-'))
    site = await photoSite(work)
    outDir = site.config.outDir as string
    const started = performance.now()
    await build(site.config, { now: NOW })
    firstMs = performance.now() - started
  }, 240_000)
  afterAll(() => rm(work, { recursive: true, force: true }))

  test('serves the body photo as a <picture> whose every file exists at the width its srcset says', async () => {
    const html = await readOutput(outDir, BANJIR)
    const picture = /<div class="body">[\s\S]*?(<picture>[\s\S]*?<\/picture>)/.exec(html)?.[1] ?? ''
    const sources = [...picture.matchAll(/<source type="([^"]+)" srcset="([^"]+)"/g)]
    expect(sources.map((s) => s[1])).toEqual(['image/avif', 'image/webp'])
    const [img] = imgTags(picture)
    expect(attr(img ?? '', 'width')).toBe('2048')
    expect(attr(img ?? '', 'height')).toBe('1365')
    expect(attr(img ?? '', 'loading')).toBe('lazy')
    expect(attr(img ?? '', 'alt')).toBe('Peta wilayah yang terendam')
    for (const srcset of [...sources.map((s) => s[2] as string), attr(img ?? '', 'srcset') as string]) {
      const files = srcsetFiles(srcset)
      expect(files.map((f) => f.width)).toEqual([320, 480, 640, 960, 1280, 1600, 2048])
      for (const { file, width } of files) {
        const meta = await sharp(path.join(outDir, file)).metadata()
        expect([meta.width, meta.height]).toEqual([width, Math.round((width * 2000) / 3000)])
      }
    }
  })

  test('gives every <img> of every page its width and height', async () => {
    const pages = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith('.html'))
    let count = 0
    for (const page of pages)
      for (const tag of imgTags(await readOutput(outDir, page))) {
        count++
        expect(attr(tag, 'width'), `${page}: ${tag}`).toMatch(/^\d+$/)
        expect(attr(tag, 'height'), `${page}: ${tag}`).toMatch(/^\d+$/)
      }
    expect(count).toBeGreaterThanOrEqual(2)
  })

  test('gives every page an og:image that is a file of the site at its stated size, 1200 × 630 but for the author’s portrait', async () => {
    const pages = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith('.html'))
    for (const page of pages) {
      const tag = /<meta property="og:image" content="([^"]+)" data-width="(\d+)" data-height="(\d+)">/.exec(
        await readOutput(outDir, page),
      )
      expect(tag, page).not.toBeNull()
      const file = new URL(tag?.[1] ?? '').pathname.replace(/^\/berita\//, '')
      const meta = await sharp(path.join(outDir, file)).metadata()
      // An author's page shares their portrait, a square.
      const size = page.startsWith('author/') ? [480, 480] : [1200, 630]
      expect([meta.width, meta.height, tag?.[2], tag?.[3]], page).toEqual([...size, ...size.map(String)])
    }
    // The photo article shares its photo; the one without, a card with its headline.
    expect(await readOutput(outDir, BANJIR)).toMatch(
      /og:image" content="https:\/\/uji\.example\/berita\/assets\/img\/banjir-[0-9a-f]{10}-og\.jpg"/,
    )
    expect(await readOutput(outDir, RAPAT)).toMatch(
      /og:image" content="https:\/\/uji\.example\/berita\/assets\/img\/card-[0-9a-f]{10}\.png"/,
    )
  })

  test('lists the 16:9, 4:3 and 1:1 crops in NewsArticle.image, and a publisher logo, each a file of that size', async () => {
    const html = await readOutput(outDir, BANJIR)
    const ld = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1] as string),
    )
    const news = ld.find((x) => x['@type'] === 'NewsArticle')
    expect(news.image.map((i: { width: number; height: number }) => [i.width, i.height])).toEqual([
      [1200, 675],
      [1200, 900],
      [1200, 1200],
    ])
    for (const image of [...news.image, news.publisher.logo]) {
      const meta = await sharp(
        path.join(outDir, new URL(image.url).pathname.replace(/^\/berita\//, '')),
      ).metadata()
      expect([meta.width, meta.height]).toEqual([image.width, image.height])
    }
  })

  test('feeds carry the image stage’s file under the base path, with its size', async () => {
    const rss = await readFile(path.join(outDir, 'feed/rss.xml'), 'utf8')
    expect(rss).toMatch(
      /<media:content [^>]*url="https:\/\/uji\.example\/berita\/assets\/img\/banjir-[0-9a-f]{10}-1280\.jpg" medium="image" type="image\/jpeg" width="1280" height="853"/,
    )
  })

  test('a warm build encodes nothing, keeps every picture with its mtime, and spends only stats and look-ups', async () => {
    const images = (await readdir(path.join(outDir, 'assets/img'))).sort()
    const before = await Promise.all(images.map((f) => stat(path.join(outDir, 'assets/img', f))))
    const cacheFiles = await readdir(imageCacheDirOf(site.root), { recursive: true })
    const started = performance.now()
    const report = await build(site.config, { now: NOW })
    const warmMs = performance.now() - started
    expect(report.written).toBe(0)
    const after = await Promise.all(images.map((f) => stat(path.join(outDir, 'assets/img', f))))
    expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs))
    expect(await readdir(imageCacheDirOf(site.root), { recursive: true })).toEqual(cacheFiles)
    // Not a timing test: a warm build that encoded a photo again would take seconds, not this.
    expect(warmMs).toBeLessThan(firstMs / 4)
  })
})
