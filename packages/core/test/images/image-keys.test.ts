// A changed photo re-renders exactly the pages that show it; an unchanged one is never encoded
// again, in this builder or the next process (the persistent cache).
import { mkdir, readdir, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.js'
import { build, imageCacheDirOf } from '../../src/pipeline/build.js'
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js'
import { createTempDir, NOW, siteConfig, writePhoto } from '../helpers.js'

const hourAgo = () => new Date(Date.now() - 3600_000)

/** Two articles in two sections, each with its own lead photo. */
async function twoPhotoSite() {
  const root = await createTempDir()
  await mkdir(path.join(root, 'content'), { recursive: true })
  await mkdir(path.join(root, 'public/images'), { recursive: true })
  const article = (slug: string, section: string, day: number) =>
    `---\ntitle: Berita ${slug}\ndate: 2025-05-${day}T08:00\ncategory: ${section}\nsummary: Ringkas.\nimage: { src: /images/${slug}.jpg, alt: Foto ${slug} }\n---\n\nTeks ${slug}.\n`
  for (const [slug, section, day, seed] of [
    ['banjir', 'Lingkungan', 14, 1],
    ['pasar', 'Ekonomi', 15, 2],
  ] as const) {
    await writePhoto(path.join(root, `public/images/${slug}.jpg`), 1400, 933, { seed })
    await writeFile(path.join(root, `content/${slug}.md`), article(slug, section, day))
    for (const file of [`public/images/${slug}.jpg`, `content/${slug}.md`])
      await utimes(path.join(root, file), hourAgo(), hourAgo())
  }
  return {
    root,
    config: await siteConfig(root, { site: { title: 'Warta Uji', url: 'https://uji.example' } }),
  }
}

describe('page keys and the image cache', () => {
  test('a changed photo re-renders the pages that show it, and only those', async () => {
    const { root, config } = await twoPhotoSite()
    const builder = createSiteBuilder(resolveConfig(config), { imageCacheDir: path.join(root, 'cache') })
    const first = await builder.run({ now: NOW.getTime() })
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const again = await builder.run({ now: NOW.getTime() })
    expect([...again.changed]).toEqual([])

    await writePhoto(path.join(root, 'public/images/pasar.jpg'), 1400, 933, { seed: 7 })
    const changed = await builder.run({ now: NOW.getTime() })
    const pages = [...changed.changed].filter((p) => p.endsWith('.html')).sort()
    // The pasar article and every page with its card (the 404 page lists the latest); not the
    // banjir article or its section.
    expect(pages).toEqual([
      '2025/05/15/berita-pasar/index.html',
      '404.html',
      'archive/index.html',
      'category/ekonomi/index.html',
      'index.html',
    ])
    const images = [...changed.changed].filter((p) => p.startsWith('assets/img/'))
    // Five widths (320 to the photo's own 1,400) in three formats, and four share crops.
    expect(images).toHaveLength(19)
    expect(images.every((p) => p.includes('/pasar-'))).toBe(true)
    await builder.dispose()
  }, 120_000)

  test('a new process finds unchanged photos in the persistent cache: it copies them, it does not encode them', async () => {
    const { root, config } = await twoPhotoSite()
    await build(config, { now: NOW })
    const cacheDir = path.join(imageCacheDirOf(root), 'files')
    const made = await readdir(cacheDir, { recursive: true })
    const mtimes = await Promise.all(made.map((f) => stat(path.join(cacheDir, f)).then((s) => s.mtimeMs)))
    // Another output folder: nothing there is current, every picture comes from the cache.
    const elsewhere = path.join(root, 'elsewhere')
    const report = await build({ ...config, outDir: elsewhere }, { now: NOW })
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(await readdir(cacheDir, { recursive: true })).toEqual(made)
    expect(await Promise.all(made.map((f) => stat(path.join(cacheDir, f)).then((s) => s.mtimeMs)))).toEqual(
      mtimes,
    )
    const served = (await readdir(path.join(elsewhere, 'assets/img'))).filter((f) => !/^(card|logo)-/.test(f))
    expect(served.length).toBe(made.filter((f) => /\.(avif|webp|jpeg)$/.test(f)).length)
  }, 120_000)
})
