import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
// The built package: the worker pool runs compiled workers from dist/.
import { build, buildShard, merge, type WartaConfig } from '../../dist/index.js'
import { testTheme, testThemeDir } from '../fixtures/theme/index.js'
import { createTempDir, listFiles, NOW } from '../helpers.js'

const SECTIONS = ['Pemerintahan', 'Ekonomi', 'Hukum', 'Olahraga']
const TAGS = ['Banjir', 'Pendidikan', 'Investasi', 'Kesehatan', 'Jalan', 'Pasar']

/** Enough articles for the worker pool to be used (it starts at 48 to convert). */
async function writeSite(root: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0')
    const month = String(1 + (i % 5)).padStart(2, '0')
    const text = [
      '---',
      `title: Berita nomor ${i} dari Samarinda`,
      `date: 2025-${month}-${day}T${String(i % 24).padStart(2, '0')}:15`,
      `category: ${SECTIONS[i % SECTIONS.length]}`,
      `tags: [${TAGS[i % TAGS.length]}, ${TAGS[(i * 7) % TAGS.length]}]`,
      `author: Penulis ${i % 3}`,
      '---',
      '',
      `Paragraf pembuka berita ${i} dengan *penekanan* dan [tautan](https://example.org/${i}).`,
      '',
      '## Rincian',
      '',
      `| Kota | Nilai |\n| --- | ---: |\n| Samarinda | ${i} |`,
      '',
      `> “Kutipan narasumber nomor ${i}.”`,
      '',
      '- satu\n- dua\n- tiga',
    ].join('\n')
    const file = path.join(root, 'content', month, `berita-${i}.md`)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, text)
  }
}

async function readTree(dir: string): Promise<Map<string, string>> {
  const tree = new Map<string, string>()
  for (const file of await listFiles(dir)) tree.set(file, await readFile(path.join(dir, file), 'utf8'))
  return tree
}

const config = (root: string, outDir: string): WartaConfig => ({
  root,
  outDir,
  site: { title: 'Warta Uji', url: 'https://uji.example', lang: 'id-ID', timezone: 'Asia/Makassar' },
  theme: testTheme,
})

describe('parallel and sharded builds', () => {
  const workers = process.env.WARTA_WORKERS
  afterEach(() => {
    if (workers === undefined) delete process.env.WARTA_WORKERS
    else process.env.WARTA_WORKERS = workers
  })

  test('one worker and two workers give byte-identical sites, and so do three merged shards', async () => {
    const root = await createTempDir()
    await writeSite(root, 120)

    process.env.WARTA_WORKERS = '1'
    const single = path.join(root, 'out-1')
    await build(config(root, single), { now: NOW, cache: false })
    process.env.WARTA_WORKERS = '2'
    const pooled = path.join(root, 'out-2')
    await build(config(root, pooled), { now: NOW, cache: false })

    const expected = await readTree(single)
    expect(expected.size).toBeGreaterThan(120)
    expect(await readTree(pooled)).toEqual(expected)

    const shardDirs = [1, 2, 3].map((i) => path.join(root, `shard-${i}`))
    const shares: number[] = []
    for (const [i, dir] of shardDirs.entries()) {
      const report = await buildShard(config(root, dir), { index: i, count: 3 })
      shares.push(report.articles)
    }
    // Every article is in exactly one shard, and no shard is empty.
    expect(shares.reduce((a, b) => a + b, 0)).toBe(120)
    expect(shares.every((n) => n > 0)).toBe(true)

    const merged = path.join(root, 'merged')
    await merge(config(root, merged), shardDirs, { now: NOW, cache: false })
    expect(await readTree(merged)).toEqual(expected)
  })

  test('pages are rendered on the worker threads when the theme says where to find it, with the same bytes', async () => {
    const root = await createTempDir()
    await writeSite(root, 120)
    const base = await readFile(path.join(testThemeDir, 'layouts', 'base.hbs'), 'utf8')
    await mkdir(path.join(root, 'layouts'), { recursive: true })
    await writeFile(
      path.join(root, 'layouts', 'base.hbs'),
      base.replace(
        '<meta charset="utf-8">',
        '<meta charset="utf-8"><meta name="rendered-on" content="{{thread}}">',
      ),
    )
    const { threadTheme } = await import('../fixtures/theme/thread-theme.mjs')
    const trees: Map<string, string>[] = []
    for (const count of ['1', '2', '4']) {
      process.env.WARTA_WORKERS = count
      const outDir = path.join(root, `out-${count}`)
      await build({ ...config(root, outDir), theme: threadTheme() }, { now: NOW, cache: false })
      trees.push(await readTree(outDir))
    }
    const [one, two, four] = trees as [Map<string, string>, Map<string, string>, Map<string, string>]
    const where = (tree: Map<string, string>) =>
      new Set(
        [...tree]
          .filter(([file]) => file.endsWith('.html'))
          .map(([, html]) => /rendered-on" content="(\w+)"/.exec(html)?.[1]),
      )
    expect(where(one)).toEqual(new Set(['main']))
    expect(where(two)).toEqual(new Set(['worker']))
    expect(where(four)).toEqual(new Set(['worker']))
    const withoutThread = (tree: Map<string, string>) =>
      new Map([...tree].map(([file, text]) => [file, text.replace(/rendered-on" content="\w+"/, '')]))
    expect(withoutThread(two)).toEqual(withoutThread(one))
    expect(withoutThread(four)).toEqual(withoutThread(one))
  })
})
