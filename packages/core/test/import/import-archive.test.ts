import { cp, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { importArchive } from '../../src/import/import-archive.js'
import { build } from '../../src/pipeline/build.js'
import { createTempDir, listFiles, NOW, writePhoto } from '../helpers.js'
import { qualityTheme } from '../quality/fixtures/theme/index.js'

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url))

async function importFixture(generator: 'hugo' | 'jekyll' | 'eleventy' | 'astro') {
  const root = await createTempDir()
  const report = await importArchive({
    from: path.join(FIXTURES, generator),
    generator,
    root,
    label: generator,
  })
  const article = async (file: string) => {
    const text = await readFile(path.join(root, 'content', file), 'utf8')
    const [, yaml = '', body = ''] = /^---\n([\s\S]*?)---\n\n([\s\S]*)$/.exec(text) ?? []
    return { data: parse(yaml) as Record<string, unknown>, body }
  }
  const history = async () =>
    (
      JSON.parse(await readFile(path.join(root, 'warta.permalinks.json'), 'utf8')) as {
        articles: Record<string, string[]>
      }
    ).articles
  const lines = report.diagnostics.map(
    (d) => `${d.file}:${d.place?.line}:${d.place?.column} ${d.severity} ${d.ruleId}`,
  )
  return { root, report, article, history, lines }
}

describe('importing a Hugo site', () => {
  test('maps TOML and YAML front matter, converts shortcodes, keeps old URLs and copies static and bundle files', async () => {
    const { root, report, article, history, lines } = await importFixture('hugo')
    expect([report.found, report.imported, report.copied, report.redirects]).toEqual([4, 2, 2, 4])
    const budget = await article('posts/anggaran-2024.md')
    expect(budget.data).toEqual({
      title: 'DPRD Sahkan APBD 2024',
      date: '2023-11-28T14:30+08:00',
      publishAt: '2023-11-29T06:00+08:00',
      expireAt: '2025-11-28',
      authors: ['Rina Wati', 'Budi Santoso'],
      category: 'Pemerintahan',
      tags: ['Ekonomi', 'APBD', 'DPRD'],
      summary: 'APBD Kalimantan Timur 2024 disahkan Rp 21 triliun.',
      slug: 'anggaran-2024',
      id: 'posts/anggaran-2024',
    })
    expect(budget.body).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"')
    expect(budget.body).toContain(
      '<figure>\n<img src="/images/paripurna.jpg" alt="Rapat paripurna">\n<figcaption>Rapat paripurna, Selasa.</figcaption>\n</figure>',
    )
    expect(budget.body).toContain(
      '<blockquote class="twitter-tweet"><a href="https://twitter.com/dprdkaltim/status/1729000000000000000">',
    )
    const flood = await article('posts/banjir-samarinda.md')
    expect(flood.data).toMatchObject({
      date: '2024-05-14T08:00+08:00',
      updated: '2024-05-15',
      author: 'Siti Aminah',
      image: '/posts/banjir-tiga-kelurahan/foto-banjir.jpg',
      slug: 'banjir-tiga-kelurahan',
    })
    expect(flood.data).not.toHaveProperty('layout')
    expect(flood.body).toContain(
      '![Warga mengungsi dengan perahu](/posts/banjir-tiga-kelurahan/foto-banjir.jpg)',
    )
    expect(flood.body).toContain('```text\nPosko: Jl. Pahlawan 12\n```')
    expect(await history()).toEqual({
      'posts/anggaran-2024': ['/posts/anggaran-2024/', '/berita/apbd-2024/', '/posts/apbd-lama/'],
      'posts/banjir-samarinda': ['/posts/banjir-tiga-kelurahan/'],
    })
    expect((await listFiles(path.join(root, 'public'))).sort()).toEqual([
      'images/paripurna.jpg',
      'posts/banjir-tiga-kelurahan/foto-banjir.jpg',
    ])
    expect(lines).toEqual([
      'hugo/content/_index.md:1:1 warning import-file',
      'hugo/content/posts/anggaran-2024.md:23:1 warning import-template',
      'hugo/content/posts/tanggal-salah.md:3:7 error import-file',
    ])
    expect(report.diagnostics[2]?.message).toBe('The date "kemarin sore" is not a date Warta can read.')
  })

  test('the imported site builds, with a redirect from every old URL and alias to the new page', async () => {
    const { root } = await importFixture('hugo')
    // The fixture's photos are stand-in bytes; the image stage reads real pixels.
    for (const file of ['images/paripurna.jpg', 'posts/banjir-tiga-kelurahan/foto-banjir.jpg'])
      await writePhoto(path.join(root, 'public', file), 1600, 1067)
    const report = await build(
      {
        root,
        outDir: path.join(root, 'dist'),
        site: { title: 'Kabar', url: 'https://kabar.example' },
        theme: qualityTheme,
      },
      { now: NOW, cache: false },
    )
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const files = new Set(await listFiles(report.outDir))
    for (const old of [
      'posts/anggaran-2024',
      'berita/apbd-2024',
      'posts/apbd-lama',
      'posts/banjir-tiga-kelurahan',
    ])
      expect(files).toContain(`${old}/index.html`)
    const redirect = await readFile(path.join(report.outDir, 'berita/apbd-2024/index.html'), 'utf8')
    expect(redirect).toContain(
      '<link rel="canonical" href="https://kabar.example/2023/11/28/anggaran-2024/">',
    )
    expect(files).toContain('posts/banjir-tiga-kelurahan/foto-banjir.jpg')
  })

  test('never replaces a file: a second import keeps the first one’s articles and says so', async () => {
    const { root } = await importFixture('hugo')
    const file = path.join(root, 'content', 'posts', 'anggaran-2024.md')
    await writeFile(file, 'edited by the newsroom\n')
    const before = (await stat(file)).mtimeMs
    const again = await importArchive({
      from: path.join(FIXTURES, 'hugo'),
      generator: 'hugo',
      root,
      label: 'hugo',
    })
    expect(again.imported).toBe(0)
    expect(await readFile(file, 'utf8')).toBe('edited by the newsroom\n')
    expect((await stat(file)).mtimeMs).toBe(before)
    expect(again.diagnostics.filter((d) => d.ruleId === 'import-exists')).toHaveLength(4)
  })
})

describe('importing a Jekyll site', () => {
  test('reads dates from file names and Jekyll’s formats, categories and tags as words, redirect_from and drafts', async () => {
    const { report, article, history, lines } = await importFixture('jekyll')
    expect([report.found, report.imported]).toEqual([4, 3])
    const flood = await article('2019/banjir-samarinda.md')
    expect(flood.data).toEqual({
      title: 'Banjir Samarinda: Ribuan Warga Mengungsi',
      date: '2019-03-14T09:15+08:00',
      authors: ['Rina Wati', 'Budi Santoso'],
      category: 'berita',
      tags: ['daerah', 'banjir', 'cuaca'],
      summary: 'Ribuan warga mengungsi setelah Sungai Karang Mumus meluap.',
      image: '/assets/img/banjir.jpg',
      slug: 'banjir-samarinda',
      id: '2019/banjir-samarinda',
    })
    expect(flood.body).toContain('![Banjir](/assets/img/banjir.jpg)')
    expect(flood.body).toContain('```ruby\nputs "posko"\n```')
    expect(flood.body).toContain('Tulis {{ nama }} apa adanya.')
    expect((await article('2019/tidak-terbit.md')).data).toMatchObject({ date: '2019-03-20', draft: true })
    expect((await article('drafts/rencana-liputan.md')).data).toMatchObject({ draft: true })
    expect(await history()).toEqual({
      '2019/banjir-samarinda': ['/berita/daerah/2019/03/14/banjir-samarinda.html', '/2019/banjir/'],
    })
    expect(lines).toEqual([
      'jekyll/_posts/2019-03-14-banjir-samarinda.md:24:1 warning import-template',
      'jekyll/_posts/catatan.md:1:1 warning import-file',
    ])
  })
})

describe('importing an Eleventy site', () => {
  test('drops collection tags and layouts, reads "A & B", keeps permalinks, and reports undated pages', async () => {
    const { report, article, history, lines } = await importFixture('eleventy')
    expect([report.found, report.imported]).toEqual([4, 2])
    expect((await article('blog/pelabuhan.md')).data).toEqual({
      title: 'Pelabuhan Baru Dibuka',
      date: '2021-08-02',
      authors: ['Andi Pratama', 'Maria Ulfa'],
      tags: ['ekonomi', 'pelabuhan'],
      summary: 'Pelabuhan peti kemas baru mulai beroperasi.',
      slug: 'pelabuhan',
      id: 'blog/pelabuhan',
    })
    expect((await article('blog/jembatan.md')).data).toMatchObject({ date: '2021-09-10T10:00Z', draft: true })
    expect(await history()).toEqual({ 'blog/pelabuhan': ['/kabar/pelabuhan-baru/'] })
    expect(lines).toEqual([
      'eleventy/content/blog/diubah.md:3:7 error import-file',
      'eleventy/content/blog/pelabuhan.md:14:19 warning import-template',
      'eleventy/content/tentang.md:2:8 error import-file',
    ])
  })
})

describe('importing an Astro site', () => {
  test('maps pubDate, updatedDate and heroImage, copies public/, and lists the .mdx file it skips', async () => {
    const { root, report, article, history, lines } = await importFixture('astro')
    expect([report.found, report.imported, report.copied]).toEqual([1, 1, 1])
    expect((await article('blog/first-post.md')).data).toEqual({
      title: 'Festival Budaya Dayak',
      date: '2022-07-08',
      updated: '2022-07-10',
      summary: 'Festival budaya digelar di Tenggarong.',
      image: '/blog-placeholder-3.jpg',
      slug: 'first-post',
      id: 'blog/first-post',
    })
    expect(await history()).toEqual({ 'blog/first-post': ['/blog/first-post/'] })
    expect(await listFiles(path.join(root, 'public'))).toEqual(['blog-placeholder-3.jpg'])
    expect(lines).toEqual(['astro/src/content/blog/using-mdx.mdx:1:1 warning import-file'])
  })
})

test('the fixtures stay as they are: an import reads the archive and never writes into it', async () => {
  const copy = await createTempDir()
  await cp(path.join(FIXTURES, 'hugo'), copy, { recursive: true })
  const before = (await listFiles(copy)).sort()
  await importArchive({ from: copy, generator: 'hugo', root: await createTempDir() })
  expect((await listFiles(copy)).sort()).toEqual(before)
})
