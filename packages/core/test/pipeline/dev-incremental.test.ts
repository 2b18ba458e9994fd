// The preview's incremental rebuilds must leave exactly what a cold build writes: after each
// edit in a series, every file of the preview folder is compared, byte for byte, with a fresh
// `build()` of the same site state at the same clock.
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  build,
  type DevServer,
  dev,
  type RebuildErrorEvent,
  type RebuildEvent,
  type WartaConfig,
} from '@warta/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testTheme, testThemeDir } from '../fixtures/theme/index.js'

/** The clock of every build here: after all generated articles, before the future one. */
const NOW = Date.parse('2025-06-15T00:00:00Z')
/** How long an edit may take to show up as a rebuild before the test gives up. */
const EVENT_TIMEOUT_MS = 15_000

const CATEGORIES = ['Pemerintahan', 'Ekonomi', 'Olahraga', 'Pendidikan', 'Lingkungan', 'Hukum', 'Kesehatan']
const TAGS = ['Banjir', 'Samarinda', 'IKN', 'Anggaran', 'Sekolah', 'Sungai Mahakam', 'Pilkada', 'Investasi']
/** Front matter names authors by id: plain names until the `authors/` folder says more. */
const AUTHORS = ['rina', 'budi', 'dewi']

/** One generated article, as its writer would type it. */
interface ArticleDraft {
  /** Path relative to the content folder. */
  file: string
  title: string
  date: string
  category: string
  tags: string[]
  author: string
  paragraphs: string[]
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * Article `i` of the generated site: categories and tags cycle at different rates so that
 * listings overlap and every article has related articles; two pairs share a timestamp so
 * that ties are broken by id; some live in nested folders.
 */
function generateArticle(i: number): ArticleDraft {
  const day = 1 + Math.floor(i / 2)
  const hour = i === 7 || i === 9 ? 12 : 6 + (i % 2) * 5
  const folder = i % 5 === 0 ? `2025/05/daerah/${pad(i % 3)}` : '2025/05'
  return {
    file: `${folder}/berita-${pad(i)}.md`,
    title: `Berita nomor ${i} tentang ${TAGS[i % TAGS.length]}`,
    date: `2025-05-${pad(day)}T${pad(hour)}:00`,
    category: CATEGORIES[i % 5] as string,
    tags: [
      ...new Set([TAGS[i % TAGS.length], TAGS[(i * 3 + 1) % TAGS.length], TAGS[(i + 5) % 7]]),
    ] as string[],
    author: AUTHORS[i % AUTHORS.length] as string,
    paragraphs: [
      `Paragraf pembuka berita ${i}, yang menjadi ringkasan di daftar berita.`,
      `Paragraf kedua berita ${i} dengan **rincian** dan [tautan](https://example.com/${i}).`,
      `Paragraf penutup berita ${i}.`,
    ],
  }
}

function toMarkdown(article: ArticleDraft): string {
  const tags = article.tags.map((tag) => `  - ${tag}`).join('\n')
  return `---
title: ${article.title}
date: ${article.date}
author: ${article.author}
category: ${article.category}
tags:
${tags}
---

${article.paragraphs.join('\n\n')}
`
}

/** Every file under a folder, relative to it with `/`, sorted. */
/** Every file and folder under a folder, relative to it with `/` (folders end in `/`), sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .map((entry) => {
      const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')
      return entry.isDirectory() ? `${relative}/` : relative
    })
    .sort()
}

/** Files with their bytes, and folders (with no bytes), so that a folder left empty shows up too. */
async function readAll(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const file of await listFiles(dir))
    files.set(file, file.endsWith('/') ? Buffer.alloc(0) : await readFile(path.join(dir, file)))
  return files
}

/** Files and folders missing from either side, or files differing in their bytes, with the first differing line. */
function differences(actual: Map<string, Buffer>, expected: Map<string, Buffer>): string[] {
  const problems: string[] = []
  for (const [file, bytes] of expected) {
    const got = actual.get(file)
    if (!got) problems.push(`${file}: missing from the preview`)
    else if (!got.equals(bytes)) {
      const want = bytes.toString('utf8').split('\n')
      const have = got.toString('utf8').split('\n')
      const line = want.findIndex((text, n) => text !== have[n])
      problems.push(
        `${file}:${line + 1}: preview has ${JSON.stringify(have[line])}, cold build ${JSON.stringify(want[line])}`,
      )
    }
  }
  for (const file of actual.keys()) if (!expected.has(file)) problems.push(`${file}: only in the preview`)
  return problems
}

describe('incremental rebuilds in dev()', () => {
  let work: string
  let root: string
  let themeDir: string
  let config: WartaConfig
  let server: DevServer
  /** Preview contents after the previous step, to check that rebuilds write only what changed. */
  let before: Map<string, Buffer>
  /** Articles in the site after the last step. */
  let articleCount = 0
  const latencies: { step: string; durationMs: number; written: number; removed: number }[] = []
  const errors: string[] = []
  /** The search index's events (each follows its pages' rebuild event). */
  const searchEvents: RebuildEvent[] = []

  const contentFile = (file: string) => path.join(root, 'content', file)
  const articles = Array.from({ length: 30 }, (_, i) => generateArticle(i + 1))
  const draftOf = (i: number) => articles[i - 1] as ArticleDraft
  const save = (article: ArticleDraft) => writeFile(contentFile(article.file), toMarkdown(article))

  /**
   * Resolves with the first rebuild that satisfies `until` (so that a late event of the
   * previous edit is not mistaken for this one's), once the queue is idle. Rejects on timeout.
   */
  function rebuildWhere(until: (event: RebuildEvent) => boolean): Promise<RebuildEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        server.off('rebuild', onRebuild)
        reject(new Error(`No matching rebuild within ${EVENT_TIMEOUT_MS} ms; errors: ${errors.join('\n')}`))
      }, EVENT_TIMEOUT_MS)
      const onRebuild = (event: RebuildEvent) => {
        if (!until(event)) return
        clearTimeout(timer)
        server.off('rebuild', onRebuild)
        server.idle().then(() => resolve(event), reject)
      }
      server.on('rebuild', onRebuild)
    })
  }

  function nextError(): Promise<RebuildErrorEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`No error event within ${EVENT_TIMEOUT_MS} ms`)),
        EVENT_TIMEOUT_MS,
      )
      server.once('error', (event) => {
        clearTimeout(timer)
        resolve(event)
      })
    })
  }

  /**
   * Builds the site as it is now from scratch, from a copy: `build()` records permalinks in
   * the site folder, which the preview would see as an edit.
   */
  async function coldBuild(): Promise<string> {
    const copy = path.join(work, 'cold')
    await rm(copy, { recursive: true, force: true })
    await cp(root, copy, {
      recursive: true,
      filter: (file) => !/[\\/](node_modules|\.warta)$/.test(file),
    })
    await build({ ...config, root: copy }, { outDir: path.join(copy, 'dist'), now: NOW, cache: false })
    return path.join(copy, 'dist')
  }

  /** Applies an edit, waits for its rebuild, and checks the preview against a cold build. */
  async function step(name: string, edit: () => Promise<void>, until: (event: RebuildEvent) => boolean) {
    const rebuilt = rebuildWhere(until)
    await edit()
    const event = await rebuilt
    articleCount = event.articles
    latencies.push({
      step: name,
      durationMs: event.durationMs,
      written: event.written.length,
      removed: event.removed.length,
    })

    const cold = await coldBuild()
    const preview = await readAll(server.outDir)
    expect(differences(preview, await readAll(cold))).toEqual([])

    // Page keys cover a card's data, not only what the theme shows of it, so some edits
    // (an excerpt the test theme does not print, a renamed file's id) rewrite pages whose
    // bytes stay the same; callers that expect none say so.
    const rewritten = event.written.filter((file) => before.get(file)?.equals(preview.get(file) as Buffer))
    before = preview
    return { ...event, rewritten }
  }

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'warta-incremental-'))
    root = path.join(work, 'site')
    // The theme is a copy outside the site folder, so that editing it exercises the theme watch.
    themeDir = path.join(work, 'theme')
    await cp(testThemeDir, themeDir, { recursive: true })
    for (const article of articles) {
      await mkdir(path.dirname(contentFile(article.file)), { recursive: true })
      await save(article)
    }
    await mkdir(path.join(root, 'public'), { recursive: true })
    await writeFile(path.join(root, 'public', 'ads.txt'), 'example.com, pub-0, DIRECT\n')
    config = {
      root,
      site: { title: 'Warta Uji', url: 'https://uji.example', lang: 'id-ID', timezone: 'Asia/Makassar' },
      // With search, so that the index the preview keeps up to date is checked against a cold build's too.
      theme: { ...testTheme, dir: themeDir, search: true },
    }
    server = await dev(config, { port: 0, now: () => NOW })
    server.on('error', (event) => errors.push(event.text))
    server.on('search', (event) => searchEvents.push(event))
    if (process.env.DEBUG_DEV) server.on('rebuild', (e) => console.log('REBUILD', JSON.stringify(e)))
    // The share cards are drawn in the background, then shown by a rebuild of their own.
    await server.idle()
    before = await readAll(server.outDir)
  })

  afterAll(async () => {
    await server?.close()
    console.log(
      'Rebuild latencies (ms) over the incremental edits:\n' +
        latencies
          .map((l) => `  ${l.step}: ${l.durationMs} ms, ${l.written} written, ${l.removed} removed`)
          .join('\n'),
    )
    if (work) await rm(work, { recursive: true, force: true })
  })

  test('the first build equals a cold build', async () => {
    expect(differences(await readAll(server.outDir), await readAll(await coldBuild()))).toEqual([])
    expect(before.size).toBeGreaterThan(60)
  })

  test('after a body edit', async () => {
    const article = draftOf(7)
    article.paragraphs[1] = 'Paragraf kedua yang sudah diperbaiki oleh redaktur.'
    const searchedBefore = searchEvents.length
    const event = await step(
      'body edit',
      () => save(article),
      (e) => e.written.some((f) => f.endsWith('/index.html')),
    )
    // The excerpt is the first paragraph, so listings keep their bytes: only the page and the
    // full-text feeds that carry it change (it is too old for the site's feed).
    expect(event.written.filter((f) => f.endsWith('.html'))).toEqual([
      '2025/05/04/berita-nomor-7-tentang-investasi/index.html',
    ])
    expect(event.written.filter((f) => !f.endsWith('.html')).every((f) => /(^|\/)feed\//.test(f))).toBe(true)
    // The search index follows the pages, in an event of its own, with the edited article's new
    // fragment (a second look at the saved file may add an empty rebuild and index after it).
    const indexed = searchEvents.slice(searchedBefore).flatMap((e) => e.written)
    expect(indexed.filter((f) => f.startsWith('pagefind/fragment/'))).toHaveLength(1)
    expect(event.written).toContain('kategori/olahraga/feed/rss.xml')
    expect(event.written).not.toContain('feed/rss.xml')
    expect(event.rewritten).toEqual([])
  })

  test('after a second body edit to the same article and one to another', async () => {
    const article = draftOf(7)
    article.paragraphs[2] = 'Paragraf ketiga juga diperbaiki.'
    const other = draftOf(3)
    other.paragraphs[1] = 'Paragraf kedua artikel lain, diperbaiki.'
    const event = await step(
      'two body edits',
      async () => {
        await save(article)
        await save(other)
      },
      (e) => e.written.filter((f) => f.endsWith('/index.html')).length === 2,
    )
    expect(event.written.filter((f) => f.endsWith('.html')).sort()).toEqual([
      '2025/05/02/berita-nomor-3-tentang-anggaran/index.html',
      '2025/05/04/berita-nomor-7-tentang-investasi/index.html',
    ])
    expect(event.rewritten).toEqual([])
  })

  test('after a title edit', async () => {
    const article = draftOf(3)
    article.title = 'Judul baru untuk berita ketiga'
    // The title is also the slug, so the page moves.
    await step(
      'title edit',
      () => save(article),
      (e) => e.written.some((f) => f.includes('judul-baru')),
    )
  })

  test('after a tag change', async () => {
    const article = draftOf(12)
    article.tags = [...article.tags.slice(1), 'Tambang Batu Bara']
    await step(
      'tag change',
      () => save(article),
      (e) => e.written.some((f) => f.includes('tambang-batu-bara')),
    )
  })

  test('after a category change', async () => {
    const article = draftOf(5)
    article.category = 'Hukum'
    await step(
      'category change',
      () => save(article),
      (e) => e.written.some((f) => f.includes('hukum')),
    )
  })

  test('after adding an article in a new nested folder', async () => {
    const article: ArticleDraft = {
      file: '2025/06/kota/balikpapan/pelabuhan-baru.md',
      title: 'Pelabuhan baru dibuka di Balikpapan',
      date: '2025-06-10T09:00',
      category: 'Ekonomi',
      tags: ['Investasi', 'IKN'],
      author: 'rina',
      paragraphs: ['Pelabuhan peti kemas baru mulai beroperasi.', 'Paragraf kedua.'],
    }
    articles.push(article)
    await step(
      'add article',
      async () => {
        await mkdir(path.dirname(contentFile(article.file)), { recursive: true })
        await save(article)
      },
      (e) => e.written.some((f) => f.includes('pelabuhan-baru')),
    )
  })

  test('after deleting an article', async () => {
    const article = draftOf(20)
    await step(
      'delete article',
      () => rm(contentFile(article.file)),
      (e) => e.removed.some((f) => f.includes('berita-nomor-20')),
    )
  })

  test('after an edit to a theme partial', async () => {
    const card = path.join(themeDir, 'partials', 'card.hbs')
    const source = await readFile(card, 'utf8')
    await step(
      'partial edit',
      () => writeFile(card, source.replace(/^/, '{{!-- edited --}}<span class="edited"></span>')),
      (e) => e.written.includes('index.html'),
    )
  })

  test('after a stylesheet edit', async () => {
    const css = path.join(themeDir, 'assets', 'style.css')
    const event = await step(
      'CSS edit',
      async () => writeFile(css, `${await readFile(css, 'utf8')}\nh1 { color: teal; }\n`),
      (e) => e.written.some((f) => f.endsWith('.css')),
    )
    expect(event.removed.filter((f) => f.endsWith('.css'))).toHaveLength(1)
  })

  test('after adding a site partial that overrides the theme', async () => {
    const nav = path.join(root, 'partials', 'nav.hbs')
    await step(
      'site partial added',
      async () => {
        await mkdir(path.dirname(nav), { recursive: true })
        await writeFile(
          nav,
          '<nav class="site-nav">{{#each site.nav}}<a href="{{url}}">{{name}}</a>{{/each}}</nav>\n',
        )
      },
      (e) => e.written.includes('index.html'),
    )
  })

  test('after removing that site partial again', async () => {
    await step(
      'site partial removed',
      () => rm(path.join(root, 'partials', 'nav.hbs')),
      (e) => e.written.includes('index.html'),
    )
  })

  test('after adding a site layout that overrides the theme', async () => {
    const layout = path.join(root, 'layouts', 'listing.hbs')
    const source = await readFile(path.join(themeDir, 'layouts', 'listing.hbs'), 'utf8')
    await step(
      'site layout added',
      async () => {
        await mkdir(path.dirname(layout), { recursive: true })
        await writeFile(layout, source.replace('{{!< base}}', '{{!< base}}<p class="site-listing"></p>'))
      },
      (e) => e.written.includes('arsip/index.html'),
    )
  })

  test('after adding a recent article with a tag spelled differently', async () => {
    // The newest article's spelling names the tag's listing; the news sitemap takes the last 48 hours.
    const article: ArticleDraft = {
      file: '2025/06/banjir-lagi.md',
      title: 'Banjir lagi di Samarinda',
      date: '2025-06-14T20:00',
      category: 'Lingkungan',
      tags: ['BANJIR', 'samarinda'],
      author: 'budi',
      paragraphs: ['Air kembali naik.'],
    }
    articles.push(article)
    await step(
      'recent article, tag spelling',
      () => save(article),
      (e) => e.written.includes('news-sitemap.xml'),
    )
  })

  test('after adding a future article', async () => {
    const article: ArticleDraft = {
      file: '2025/07/embargo.md',
      title: 'Berita yang belum boleh terbit',
      date: '2025-07-01T08:00',
      category: 'Ekonomi',
      tags: ['Investasi'],
      author: 'rina',
      paragraphs: ['Embargo sampai Juli.'],
    }
    articles.push(article)
    const rebuilt = rebuildWhere(() => true)
    await mkdir(path.dirname(contentFile(article.file)), { recursive: true })
    await save(article)
    const event = await rebuilt
    // Only compared here: a future article changes nothing, so no rebuild is told apart by its output.
    expect(differences(await readAll(server.outDir), await readAll(await coldBuild()))).toEqual([])
    expect(event.written).toEqual([])
  })

  test('after a date change that makes an old article the newest', async () => {
    const article = draftOf(2)
    article.date = '2025-06-12T07:00'
    await step(
      'date change',
      () => save(article),
      (e) => e.written.includes('index.html'),
    )
  })

  test('after renaming an article file', async () => {
    const article = draftOf(9)
    const from = contentFile(article.file)
    article.file = '2025/05/berita-sembilan.md'
    await step(
      'rename',
      () => rename(from, contentFile(article.file)),
      // Seen half-way (old name gone, new one not yet listed), the site has one article fewer.
      (e) => e.articles === articleCount,
    )
  })

  test('after marking an article as a draft', async () => {
    const article = draftOf(11)
    await step(
      'draft',
      () =>
        writeFile(contentFile(article.file), toMarkdown(article).replace('---\n\n', 'draft: true\n---\n\n')),
      (e) => e.removed.some((f) => f.includes('berita-nomor-11')),
    )
  })

  test('after adding a public file', async () => {
    await step(
      'public file',
      () => writeFile(path.join(root, 'public', 'robots-extra.txt'), 'hello\n'),
      (e) => e.written.includes('robots-extra.txt'),
    )
  })

  test('after adding author entities', async () => {
    const people: Record<string, string> = { rina: 'Rina Wati', budi: 'Budi Santoso', dewi: 'Dewi Lestari' }
    // Until all three files are seen, bylines naming the others are errors; the first good build is the one.
    await step(
      'author entities added',
      async () => {
        await mkdir(path.join(root, 'authors'))
        for (const [id, name] of Object.entries(people))
          await writeFile(path.join(root, 'authors', `${id}.yml`), `name: ${name}\nrole: Reporter\n`)
      },
      (e) => e.written.includes('index.html'),
    )
  })

  test('after editing an author entity', async () => {
    await step(
      'author entity edit',
      () => writeFile(path.join(root, 'authors', 'dewi.yml'), 'name: Dewi Lestari Putri\nrole: Redaktur\n'),
      (e) => e.written.includes('penulis/dewi/index.html'),
    )
  })

  test('after a broken article is fixed', async () => {
    const article = draftOf(14)
    const file = contentFile(article.file)
    const failed = nextError()
    await writeFile(file, toMarkdown(article).replace('title:', 'title: [unclosed'))
    expect((await failed).text).toMatch(/^content\/2025\/05\/berita-14\.md:\d+:\d+: error /m)
    article.paragraphs[0] = 'Pembuka yang sudah diperbaiki.'
    await step(
      'fix after error',
      () => save(article),
      (e) => e.written.some((f) => f.includes('berita-nomor-14')),
    )
  })
})
