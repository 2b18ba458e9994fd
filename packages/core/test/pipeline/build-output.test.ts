import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { WartaBuildError } from '../../src/errors/build-error.js'
import { build } from '../../src/pipeline/build.js'
import {
  copySite,
  createTempDir,
  listFiles,
  NOW,
  readOutput,
  siteConfig,
  sitesDir,
  snapshotDir,
  textOf,
} from '../helpers.js'

const TAIPEI = '2025/05/16/taipei-tawarkan-kerja-sama-strategis-dengan-pemprov-kaltim/index.html'
const GURU = '2025/05/15/dinas-pendidikan-kaltim-1-000-guru-honorer-diangkat/index.html'
const BANJIR = '2025/05/14/banjir-rendam-tiga-kelurahan-di-samarinda/index.html'
const FUTURE = '2030/01/01/ibu-kota-nusantara-resmi-berfungsi/index.html'
const DRAFT = '2025/05/13/rancangan-anggaran-perubahan-belum-dibahas/index.html'
const WITA = { timezone: 'Asia/Makassar' }

/** Copies the newsroom site and builds it once; returns its root, config and output folder. */
async function builtNewsroom(options: { cache?: boolean } = {}) {
  const root = await copySite('newsroom')
  const config = await siteConfig(root, {
    site: { title: 'Warta Test', url: 'https://news.example', ...WITA },
  })
  const report = await build(config, { now: NOW, ...options })
  return { root, config, report, outDir: report.outDir }
}

describe('build', () => {
  test('writes a page per article and listing, the 404 page, theme assets and public files', async () => {
    const { report, outDir } = await builtNewsroom()
    const files = await listFiles(outDir)
    expect(files.filter((file) => file.endsWith('.html'))).toEqual([
      BANJIR,
      GURU,
      TAIPEI,
      '404.html',
      'archive/index.html',
      'author/dhv/index.html',
      'author/rina/index.html',
      'category/lingkungan/index.html',
      'category/pemerintahan/index.html',
      'index.html',
      'tag/banjir/index.html',
      'tag/guru/index.html',
      'tag/pendidikan/index.html',
      'tag/samarinda/index.html',
      'tag/taiwan/index.html',
    ])
    expect(files).toEqual(expect.arrayContaining(['ads.txt', 'images/logo.svg']))
    expect(files.filter((file) => file.startsWith('assets/') && !file.startsWith('assets/img/'))).toEqual([
      expect.stringMatching(/^assets\/style\.[\w]{10}\.css$/),
    ])
    // No article has a photo: each shares a card with its headline; the site, its own card and a logo.
    expect(files.filter((file) => file.startsWith('assets/img/'))).toEqual([
      ...Array.from({ length: 4 }, () => expect.stringMatching(/^assets\/img\/card-[0-9a-f]{10}\.png$/)),
      expect.stringMatching(/^assets\/img\/logo-[0-9a-f]{10}\.png$/),
    ])
    expect(report).toMatchObject({ articles: 3, pages: 15, written: report.files, unchanged: 0, removed: 0 })
  })

  test('renders the article page from its front matter and body, dated in the site’s zone', async () => {
    const { outDir } = await builtNewsroom()
    const html = await readOutput(outDir, TAIPEI)
    expect(textOf(html, 'h1', 'title')).toEqual([
      'Taipei Tawarkan Kerja Sama Strategis dengan Pemprov Kaltim',
    ])
    expect(html).toContain('<time datetime="2025-05-16T00:00:00+08:00">')
    expect(textOf(html, 'p', 'dateline')).toEqual(['SAMARINDA'])
    expect(textOf(html, 'p', 'source')).toEqual(['Swarakaltim.com'])
    expect(textOf(html, 'p', 'kicker')).toEqual(['Kerja sama internasional'])
    expect(textOf(html, 'ul', 'tags')[0]?.split(/\s+/)).toEqual(['Taiwan', 'Pendidikan'])
    expect(html).toContain('<a class="category" href="/category/pemerintahan/">Pemerintahan</a>')
    expect(html).toContain('<link rel="canonical" href="https://news.example/2025/05/16/taipei')
    expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/style\.\w{10}\.css">/)
    expect(textOf(html, 'div', 'body')[0]?.split('\n')).toEqual([
      'Pemerintah Provinsi Kalimantan Timur menerima kunjungan resmi dari Kantor Dagang dan Ekonomi Taipei, Jumat (16/5/2025).',
      'Gubernur Kaltim mengatakan kunjungan ini merupakan langkah awal dalam menjalin kemitraan jangka panjang.',
    ])
  })

  test.each([
    ['from the build cache', true],
    ['without the build cache', false],
  ])(
    'gives the article page its headings %s (they are kept with the body, not in memory)',
    async (_, cache) => {
      const { outDir } = await builtNewsroom({ cache })
      const html = await readOutput(outDir, GURU)
      expect(html).toContain(
        '<nav class="toc"><a href="#sebaran-per-kabupaten">Sebaran per kabupaten</a></nav>',
      )
      expect(html).toContain('<h2 id="sebaran-per-kabupaten">Sebaran per kabupaten</h2>')
    },
  )

  test('lists the home page newest first and relates articles that share a tag', async () => {
    const { outDir } = await builtNewsroom()
    const home = await readOutput(outDir, 'index.html')
    const order = [...home.matchAll(/class="card" href="([^"]+)"/g)].map((m) => m[1])
    expect(order.slice(0, 3)).toEqual(
      [`/${TAIPEI}`, `/${GURU}`, `/${BANJIR}`].map((p) => p.replace('index.html', '')),
    )
    const guru = await readOutput(outDir, GURU)
    const related = [...(textOf(guru, 'ul', 'related')[0] ?? '').matchAll(/^(.*) \d{4}-\d\d-\d\dT/gm)]
    expect(related.map((m) => m[1])).toEqual(['Taipei Tawarkan Kerja Sama Strategis dengan Pemprov Kaltim'])
  })

  test('copies the site’s public folder byte for byte', async () => {
    const { outDir } = await builtNewsroom()
    for (const file of ['ads.txt', 'images/logo.svg']) {
      expect(await readFile(path.join(outDir, file))).toEqual(
        await readFile(path.join(sitesDir, 'newsroom', 'public', file)),
      )
    }
  })

  test('leaves drafts and future articles out by default', async () => {
    const { outDir } = await builtNewsroom()
    const files = await listFiles(outDir)
    expect(files).not.toContain(DRAFT)
    expect(files).not.toContain(FUTURE)
    expect(await readOutput(outDir, 'category/pemerintahan/index.html')).not.toContain('Ibu Kota Nusantara')
  })

  test('includes drafts and future articles when asked, marking the future one noindex', async () => {
    const root = await copySite('newsroom')
    const config = await siteConfig(root, {
      site: { title: 'Warta Test', url: 'https://news.example', ...WITA },
    })
    const { outDir } = await build(config, { now: NOW, drafts: true, future: true })
    const files = await listFiles(outDir)
    expect(files).toContain(DRAFT)
    expect(files).toContain(FUTURE)
    expect(await readOutput(outDir, FUTURE)).toContain('<meta name="robots" content="noindex">')
    expect(await readOutput(outDir, TAIPEI)).not.toContain('noindex')
  })

  test('judges future articles against the build’s clock', async () => {
    const root = await copySite('newsroom')
    const config = await siteConfig(root, {
      site: { title: 'Warta Test', url: 'https://news.example', ...WITA },
    })
    const before = await build(config, { now: new Date('2030-01-01T00:59:59Z') })
    expect(await listFiles(before.outDir)).not.toContain(FUTURE)
    const after = await build(config, { now: new Date('2030-01-01T01:00:00Z') })
    expect(await listFiles(after.outDir)).toContain(FUTURE)
    expect(await readOutput(after.outDir, FUTURE)).not.toContain('noindex')
  })

  test('puts every URL under the base path', async () => {
    const root = await copySite('newsroom')
    const config = await siteConfig(root, {
      site: { title: 'W', url: 'https://news.example', basePath: '/berita/' },
    })
    const { outDir } = await build(config, { now: NOW })
    const html = await readOutput(outDir, TAIPEI)
    expect(html).toContain('href="/berita/category/pemerintahan/"')
    expect(html).toMatch(/href="\/berita\/assets\/style\.\w{10}\.css"/)
    expect(html).toContain('<link rel="canonical" href="https://news.example/berita/2025/05/16/taipei')
  })

  test('uses the theme’s words for listing URLs in the site’s language', async () => {
    const root = await copySite('newsroom')
    const config = await siteConfig(root, {
      site: { title: 'W', url: 'https://news.example', lang: 'id-ID' },
    })
    const files = await listFiles((await build(config, { now: NOW })).outDir)
    expect(files).toEqual(
      expect.arrayContaining(['kategori/pemerintahan/index.html', 'topik/banjir/index.html']),
    )
    expect(files).toEqual(expect.arrayContaining(['penulis/rina/index.html', 'arsip/index.html']))
  })

  test('paginates listings by pageSize: the newest first, then archive pages numbered from the oldest', async () => {
    const root = await copySite('newsroom')
    const config = await siteConfig(root, { pageSize: 1 })
    const { outDir } = await build(config, { now: NOW })
    const files = await listFiles(outDir)
    expect(files).toEqual(
      expect.arrayContaining(['category/pemerintahan/page/1/index.html', 'archive/page/2/index.html']),
    )
    expect(files).not.toContain('archive/page/3/index.html')
    const oldest = await readOutput(outDir, 'archive/page/1/index.html')
    expect(oldest).toContain('data-current="1" data-total=""')
    expect(oldest).toContain('<a rel="prev" href="/archive/page/2/">')
    expect(oldest).not.toContain('rel="next"')
    const newest = await readOutput(outDir, 'archive/page/2/index.html')
    expect(newest).toContain('<a rel="prev" href="/archive/">')
    expect(newest).toContain('<a rel="next" href="/archive/page/1/">')
    // The oldest article is on page 1, the newest on the listing itself.
    const cards = (html: string) => html.match(/<ol class="cards">([\s\S]*?)<\/ol>/)?.[1] ?? ''
    const first = await readOutput(outDir, 'archive/index.html')
    expect(cards(first).match(/<li>/g)).toHaveLength(1)
    expect(cards(oldest).match(/<li>/g)).toHaveLength(1)
    expect(cards(first)).not.toEqual(cards(oldest))
  })

  test('pageNumbering: newest-first numbers pages on from the first', async () => {
    const root = await copySite('newsroom')
    const config = await siteConfig(root, { pageSize: 1, pageNumbering: 'newest-first' })
    const { outDir } = await build(config, { now: NOW })
    const files = await listFiles(outDir)
    expect(files).toEqual(
      expect.arrayContaining(['category/pemerintahan/page/2/index.html', 'archive/page/3/index.html']),
    )
    expect(files).not.toContain('archive/page/1/index.html')
    const second = await readOutput(outDir, 'archive/page/2/index.html')
    expect(second).toContain('data-current="2" data-total="3"')
    expect(second).toContain('<a rel="prev" href="/archive/">')
    expect(second).toContain('<a rel="next" href="/archive/page/3/">')
  })

  test('a source saved with a byte-order mark and CRLF line endings builds the same page as with LF', async () => {
    const { root, config, outDir } = await builtNewsroom({ cache: false })
    const lf = await snapshotDir(outDir)
    const source = path.join(root, 'content', '2025', '05', 'guru-honorer.md')
    await writeFile(source, `\uFEFF${(await readFile(source, 'utf8')).replace(/\n/g, '\r\n')}`)
    await build(config, { now: NOW, cache: false })
    const crlf = await snapshotDir(outDir)
    expect([...crlf].map(([file, s]) => [file, s.hash])).toEqual([...lf].map(([file, s]) => [file, s.hash]))
  })

  test('markdown.html in the config decides whether raw HTML in bodies is kept', async () => {
    const root = await copySite('newsroom')
    const source = path.join(root, 'content', '2025', '05', 'banjir-samarinda.md')
    await writeFile(source, `${await readFile(source, 'utf8')}\n<mark onclick="x()">Siaga</mark> satu.\n`)
    const sanitized = await build(await siteConfig(root), { now: NOW })
    // <mark> is news HTML the sanitizer keeps; the event handler goes, with a warning.
    expect(await readOutput(sanitized.outDir, BANJIR)).toContain('<p><mark>Siaga</mark> satu.</p>')
    expect(sanitized.diagnostics).toContainEqual(
      expect.objectContaining({
        ruleId: 'html-removed',
        message: 'The sanitizer removed the onclick attribute of a <mark>.',
      }),
    )
    const trusted = await build(await siteConfig(root, { markdown: { html: 'trusted' } }), { now: NOW })
    expect(await readOutput(trusted.outDir, BANJIR)).toContain(
      '<p><mark onclick="x()">Siaga</mark> satu.</p>',
    )
  })

  test('a site’s schema extension in its config validates and passes new fields to templates', async () => {
    const root = await copySite('newsroom')
    const schema = (base: z.ZodObject) => base.extend({ kicker: z.string().max(40).optional() })
    const config = await siteConfig(root, { schema })
    const { outDir } = await build(config, { now: NOW })
    expect(textOf(await readOutput(outDir, TAIPEI), 'p', 'kicker')).toEqual(['Kerja sama internasional'])

    const strict = await siteConfig(root, {
      schema: (base) => base.extend({ kicker: z.string().max(10).optional() }),
    })
    const error = await build(strict, { now: NOW }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WartaBuildError)
    expect((error as WartaBuildError).diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({
        file: 'content/2025/05/taipei-tawarkan-kerja-sama.md',
        place: { line: 13, column: 9 },
        message: expect.stringContaining('"kicker"'),
      }),
    ])
  })

  test('a schema extension can make a field required', async () => {
    const root = await copySite('newsroom')
    const config = await siteConfig(root, {
      schema: (base) => base.extend({ desk: z.enum(['kota', 'daerah']) }),
    })
    const error = (await build(config, { now: NOW }).catch((e: unknown) => e)) as WartaBuildError
    const errors = error.diagnostics.filter((d) => d.severity === 'error')
    expect(errors.map((d) => [d.file, d.place?.line, d.message])).toEqual(
      [
        'content/2025/05/banjir-samarinda.md',
        'content/2025/05/guru-honorer.md',
        'content/2025/05/rancangan-anggaran.md',
        'content/2025/05/taipei-tawarkan-kerja-sama.md',
        'content/2030/01/ibu-kota-baru.md',
      ].map((file) => [file, 1, 'Missing required field "desk".']),
    )
  })
})

describe('the output folder', () => {
  test('a failed build leaves the previous output byte for byte, mtimes included', async () => {
    const { root, config, outDir } = await builtNewsroom()
    const before = await snapshotDir(outDir)
    const beside = await readdir(path.dirname(outDir))
    await sleep(20)
    await writeFile(
      path.join(root, 'content', '2025', '05', 'rusak.md'),
      '---\ntitle: Rusak\ndate: 2025-13-01\n---\n',
    )
    await writeFile(path.join(root, 'content', '2025', '05', 'banjir-samarinda.md'), '---\ntitle: Diubah\n')
    await expect(build(config, { now: NOW })).rejects.toThrow(WartaBuildError)
    expect(await snapshotDir(outDir)).toEqual(before)
    expect(await readdir(path.dirname(outDir))).toEqual(beside)
  })

  test('two builds of the same input are byte-identical', async () => {
    const first = await builtNewsroom({ cache: false })
    const second = await builtNewsroom({ cache: false })
    const hashes = async (dir: string) =>
      [...(await snapshotDir(dir))].map(([file, { hash }]) => [file, hash] as const)
    expect(await hashes(second.outDir)).toEqual(await hashes(first.outDir))
  })

  test('a rebuild from the cache gives the same bytes as a cold build', async () => {
    const { config, outDir } = await builtNewsroom()
    const cold = await snapshotDir(outDir)
    await rm(outDir, { recursive: true })
    await build(config, { now: NOW })
    const warm = await snapshotDir(outDir)
    expect([...warm].map(([f, s]) => [f, s.hash])).toEqual([...cold].map(([f, s]) => [f, s.hash]))
  })

  test.each([
    ['with the build cache', true],
    ['without the build cache', false],
  ])('a second build %s keeps every unchanged file with its mtime', async (_, cache) => {
    const { config, outDir } = await builtNewsroom({ cache })
    const before = await snapshotDir(outDir)
    await sleep(20)
    const report = await build(config, { now: NOW, cache })
    expect(await snapshotDir(outDir)).toEqual(before)
    expect(report).toMatchObject({ written: 0, unchanged: before.size, removed: 0 })
  })

  test('editing one article’s body rewrites its page and keeps the others’ mtimes', async () => {
    const { root, config, outDir } = await builtNewsroom()
    const before = await snapshotDir(outDir)
    await sleep(20)
    const source = path.join(root, 'content', '2025', '05', 'taipei-tawarkan-kerja-sama.md')
    await writeFile(source, `${await readFile(source, 'utf8')}\nParagraf tambahan.\n`)
    await build(config, { now: NOW })
    const after = await snapshotDir(outDir)
    const changed = [...after].filter(([file, s]) => before.get(file)?.hash !== s.hash).map(([file]) => file)
    expect(changed).toEqual(expect.arrayContaining([TAIPEI]))
    expect(changed.filter((file) => file.endsWith('.html'))).toEqual([TAIPEI])
    for (const file of [GURU, BANJIR, 'index.html', 'category/pemerintahan/index.html', 'ads.txt']) {
      expect(after.get(file)).toEqual(before.get(file))
    }
    expect(textOf(await readOutput(outDir, TAIPEI), 'div', 'body')[0]).toContain('Paragraf tambahan.')
  })

  test('files whose source is gone disappear from the output', async () => {
    const { root, config, outDir } = await builtNewsroom()
    const before = await listFiles(outDir)
    await rm(path.join(root, 'content', '2025', '05', 'banjir-samarinda.md'))
    await rm(path.join(root, 'public', 'ads.txt'))
    const report = await build(config, { now: NOW })
    const files = await listFiles(outDir)
    for (const gone of [
      BANJIR,
      'category/lingkungan/index.html',
      'tag/banjir/index.html',
      'tag/samarinda/index.html',
      'ads.txt',
    ])
      expect(files).not.toContain(gone)
    expect(files).toContain(TAIPEI)
    expect(report.removed).toBe(before.filter((file) => !files.includes(file)).length)
    expect(await readOutput(outDir, 'index.html')).not.toContain('Banjir Rendam')
  })

  test('a file edited by hand in the output is put back by the next build', async () => {
    const { config, outDir } = await builtNewsroom()
    const original = await readOutput(outDir, TAIPEI)
    await writeFile(path.join(outDir, TAIPEI), 'defaced')
    await build(config, { now: NOW })
    expect(await readOutput(outDir, TAIPEI)).toBe(original)
  })

  test('a file added by hand to the output is kept by the next build, and reported as kept', async () => {
    const { config, outDir } = await builtNewsroom()
    await writeFile(path.join(outDir, 'stray.html'), 'stray')
    const report = await build(config, { now: NOW })
    expect(await readOutput(outDir, 'stray.html')).toBe('stray')
    expect(report.kept).toEqual(['stray.html'])
  })

  test('nothing is left beside the output; the spare (the site before) is kept in the site’s .warta/', async () => {
    const { root, config, outDir } = await builtNewsroom()
    await build(config, { now: NOW })
    const beside = await readdir(path.dirname(outDir))
    expect(beside).toEqual(['out'])
    const state = path.join(root, '.warta', 'output')
    const [name] = await readdir(state)
    expect(name).toMatch(/^out-[0-9a-f]{10}$/)
    expect((await readdir(path.join(state, name as string))).sort()).toEqual(['record.json', 'spare'])
  })

  test('without the cache no spare is kept either', async () => {
    const { root, config } = await builtNewsroom()
    await build(config, { now: NOW, cache: false })
    await build(config, { now: NOW, cache: false })
    const state = path.join(root, '.warta', 'output')
    const [name] = await readdir(state)
    expect(await readdir(path.join(state, name as string))).toEqual(['record.json'])
  })

  test('a build with a relative outDir writes inside the site folder only', async () => {
    const parent = await createTempDir()
    const root = path.join(parent, 'site')
    const { cp } = await import('node:fs/promises')
    await cp(path.join(sitesDir, 'newsroom'), root, { recursive: true })
    const config = await siteConfig(root, { outDir: 'dist' })
    const { outDir } = await build(config, { now: NOW })
    expect(outDir).toBe(path.join(root, 'dist'))
    expect(await readdir(parent)).toEqual(['site'])
  })
})
