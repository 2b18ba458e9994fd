import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.js'
import type { WartaConfig } from '../../src/config/types.js'
import { build } from '../../src/pipeline/build.js'
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js'
import type { SiteBuildResult } from '../../src/pipeline/run-types.js'
import { testTheme } from '../fixtures/theme/index.js'
import { copySite, listFiles, NOW, readOutput, siteConfig } from '../helpers.js'

const searchTheme = { ...testTheme, search: true }

/** Pagefind's files are gzip with a signature in front of the data. */
const unpack = (bytes: Uint8Array): string => {
  const data = gunzipSync(bytes)
  expect(data.subarray(0, 12).toString()).toBe('pagefind_dcd')
  return data.subarray(12).toString('utf8')
}

interface Fragment {
  url: string
  content: string
  meta: Record<string, string>
  filters: Record<string, string[]>
}

/** The index's pages, read back from its fragment files. */
async function fragmentsIn(outDir: string): Promise<Fragment[]> {
  const dir = path.join(outDir, 'pagefind', 'fragment')
  const files = (await readdir(dir)).sort()
  return Promise.all(
    files.map(async (f) => JSON.parse(unpack(await readFile(path.join(dir, f)))) as Fragment),
  )
}

async function newsroom(config: Partial<WartaConfig> = {}) {
  const root = await copySite('newsroom')
  return siteConfig(root, {
    theme: searchTheme,
    ...config,
    site: {
      title: 'Warta',
      url: 'https://news.example',
      lang: 'id-ID',
      timezone: 'Asia/Makassar',
      ...config.site,
    },
  })
}

/** The index files of a run, by path, as bytes. */
const indexFiles = (result: SiteBuildResult) =>
  new Map(
    result.files
      .filter((f) => f.path.startsWith('pagefind/'))
      .map((f) => [f.path, Buffer.from(f.contents as Uint8Array).toString('base64')]),
  )

describe('the search index', () => {
  test('a build writes a Pagefind index of every published article under pagefind/, in Indonesian, and the search page', async () => {
    const config = await newsroom()
    const report = await build(config, { now: NOW, cache: false })
    const out = config.outDir as string
    const entry = JSON.parse(await readOutput(out, 'pagefind/pagefind-entry.json'))
    // Three articles of 2025; a draft and the 2030 one (not published yet) must not be findable.
    expect(Object.keys(entry.languages)).toEqual(['id'])
    expect(entry.languages.id.page_count).toBe(3)
    expect(entry.languages.id.wasm).toBe('id')
    const files = await listFiles(out)
    expect(files).toContain('pagefind/pagefind.js')
    expect(files).toContain('pagefind/wasm.id.pagefind')
    expect(report.search).toMatchObject({ documents: 3, indexed: 3 })
    expect(report.search?.files).toBe(files.filter((f) => f.startsWith('pagefind/')).length)

    const search = await readOutput(out, 'cari/index.html')
    expect(search).toContain('<form class="search" action="/cari/" method="get" data-index="/pagefind/">')
    expect(await readOutput(out, 'index.html')).toContain('<form class="site-search" action="/cari/"')
    // The page is a page like any other: in the sitemap.
    expect(await readOutput(out, 'sitemap.xml')).toContain('<loc>https://news.example/cari/</loc>')
  })

  test('each article is indexed with its headline, summary and body only, with filters, sort key and date', async () => {
    const config = await newsroom()
    await build(config, { now: NOW, cache: false })
    const fragments = await fragmentsIn(config.outDir as string)
    const guru = fragments.find((f) => f.url.includes('guru'))
    expect(guru?.meta.title).toMatch(/Guru Honorer/i)
    expect(guru?.content).toContain(
      'Seribu guru honorer di Kalimantan Timur diangkat menjadi pegawai tahun ini.',
    )
    const taipei = fragments.find((f) => f.url.includes('taipei')) as Fragment
    expect(taipei.url).toBe('/2025/05/16/taipei-tawarkan-kerja-sama-strategis-dengan-pemprov-kaltim/')
    expect(taipei.content).toContain('menerima kunjungan resmi dari Kantor Dagang dan Ekonomi Taipei')
    expect(taipei.filters).toEqual({
      section: ['Pemerintahan'],
      tag: ['Taiwan', 'Pendidikan'],
      author: ['DHV'],
    })
    expect(taipei.meta.date).toBe('2025-05-16T00:00:00+08:00')
    expect(taipei.meta.section).toBe('Pemerintahan')
    // Sort keys live in the index's metadata, in UTC so that they order across zone changes.
    const meta = (await readdir(path.join(config.outDir as string, 'pagefind'))).find((f) =>
      f.endsWith('.pf_meta'),
    )
    const sorts = unpack(await readFile(path.join(config.outDir as string, 'pagefind', meta as string)))
    expect(sorts).toContain('date')
    // Nothing of the page around the article: navigation, footer, other stories.
    for (const fragment of fragments) {
      expect(fragment.content).not.toContain('©')
      expect(fragment.content).not.toMatch(/Beranda/)
    }
  })

  test('two builds of the same site write the same index, byte for byte', async () => {
    const config = await newsroom()
    const builder = () => createSiteBuilder(resolveConfig(config))
    const [a, b] = [await builder().run({ now: NOW.getTime() }), await builder().run({ now: NOW.getTime() })]
    expect(indexFiles(a).size).toBeGreaterThan(5)
    expect(indexFiles(b)).toEqual(indexFiles(a))
  })

  test('a builder run after an edit sends Pagefind the edited article alone, and writes what a cold build writes', async () => {
    const config = await newsroom()
    const resolved = resolveConfig(config)
    const builder = createSiteBuilder(resolved)
    const first = await builder.run({ now: NOW.getTime() })
    expect(first.search).toMatchObject({ documents: 3, indexed: 3 })
    expect((await builder.run({ now: NOW.getTime() })).search).toMatchObject({ documents: 3, indexed: 0 })

    const source = path.join(resolved.contentDir, '2025/05/banjir-samarinda.md')
    await writeFile(source, (await readFile(source, 'utf8')).replace('merendam', 'merendam (kebanjiran)'))
    const edited = await builder.run({ now: NOW.getTime() })
    expect(edited.search).toMatchObject({ documents: 3, indexed: 1 })
    const cold = await createSiteBuilder(resolveConfig(config)).run({ now: NOW.getTime() })
    expect(indexFiles(edited)).toEqual(indexFiles(cold))
    expect(indexFiles(edited)).not.toEqual(indexFiles(first))

    // An article gone: Pagefind cannot drop a page from an index, so the index is made anew.
    await rm(path.join(resolved.contentDir, '2025/05/guru-honorer.md'))
    const removed = await builder.run({ now: NOW.getTime() })
    expect(removed.search).toMatchObject({ documents: 2, indexed: 2 })
    expect(indexFiles(removed)).toEqual(
      indexFiles(await createSiteBuilder(resolveConfig(config)).run({ now: NOW.getTime() })),
    )
  })

  test("in the preview, a body edit writes its page first, then an index with the edited article alone re-read, equal to a cold build's", async () => {
    const config = await newsroom()
    const resolved = resolveConfig(config)
    const builder = createSiteBuilder(resolved, { mode: 'preview' })
    const first = await builder.run({ now: NOW.getTime() })
    // The pages come without a new index; the index follows in `searchIndex`.
    expect(first.files.some((f) => f.path.startsWith('pagefind/'))).toBe(false)
    const firstIndex = await first.searchIndex
    expect(firstIndex?.stats).toMatchObject({ documents: 3, indexed: 3 })
    expect(firstIndex?.removed).toEqual([])

    const source = path.join(resolved.contentDir, '2025/05/banjir-samarinda.md')
    await writeFile(source, (await readFile(source, 'utf8')).replace('merendam', 'merendam (kebanjiran)'))
    const changes = { changed: new Set([source]), removed: new Set<string>() }
    const edited = await builder.run({ now: NOW.getTime(), changes })
    // Meanwhile the run lists the last index's files, so that the preview keeps serving them.
    const lastPaths = firstIndex?.files.map((f) => f.path).sort()
    expect(
      edited.files
        .filter((f) => f.path.startsWith('pagefind/'))
        .map((f) => f.path)
        .sort(),
    ).toEqual(lastPaths)
    const update = await edited.searchIndex
    expect(update?.stats).toMatchObject({ documents: 3, indexed: 1 })
    const cold = await createSiteBuilder(resolveConfig(config)).run({ now: NOW.getTime() })
    const coldIndex = indexFiles(cold)
    expect(
      new Map(update?.files.map((f) => [f.path, Buffer.from(f.contents as Uint8Array).toString('base64')])),
    ).toEqual(coldIndex)
    // What changed is written, what the new index lacks is removed from the preview folder.
    expect(update?.removed.length).toBeGreaterThan(0)
    for (const path of update?.removed ?? []) expect(coldIndex.has(path)).toBe(false)
    expect([...(update?.changed ?? [])].some((p) => p.startsWith('pagefind/fragment/'))).toBe(true)
  })

  test('a warm build with nothing changed reuses the index on disk without running Pagefind', async () => {
    const config = await newsroom()
    const cold = await build(config, { now: NOW })
    expect(cold.search?.indexed).toBe(3)
    const warm = await build(config, { now: NOW })
    expect(warm.search).toMatchObject({ documents: 3, indexed: 0, bytes: undefined })
    expect(warm.unchanged).toBe(warm.files)
  })

  test('search: false builds no index, no search page and no search field', async () => {
    const config = await newsroom({ search: false })
    const report = await build(config, { now: NOW, cache: false })
    const files = await listFiles(config.outDir as string)
    expect(files.some((f) => f.startsWith('pagefind/') || f.startsWith('cari/'))).toBe(false)
    expect(report.search).toBeUndefined()
    expect(await readOutput(config.outDir as string, 'index.html')).not.toContain('site-search')
  })

  test('a theme without a search page gets no index', async () => {
    const config = await newsroom({ theme: testTheme })
    await build(config, { now: NOW, cache: false })
    const files = await listFiles(config.outDir as string)
    expect(
      files.some((f) => f.startsWith('pagefind/') || f.startsWith('search/') || f.startsWith('cari/')),
    ).toBe(false)
  })

  test('the index and the search page live under the base path; English sites get /search/', async () => {
    const config = await newsroom({
      site: { title: 'Warta', url: 'https://news.example', basePath: '/news/', lang: 'en' },
    })
    await build(config, { now: NOW, cache: false })
    const out = config.outDir as string
    expect(await readOutput(out, 'search/index.html')).toContain(
      'action="/news/search/" method="get" data-index="/news/pagefind/"',
    )
    const entry = JSON.parse(await readOutput(out, 'pagefind/pagefind-entry.json'))
    expect(Object.keys(entry.languages)).toEqual(['en'])
    // URLs are site paths: Pagefind's script puts the folder it is served from in front.
    const fragments = await fragmentsIn(out)
    expect(fragments.every((f) => f.url.startsWith('/2025/'))).toBe(true)
  })
})
