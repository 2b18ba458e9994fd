import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { createArticleCache } from '../../src/cache/article-cache.js'
import { createArticleSchema } from '../../src/content/article-schema.js'
import {
  checkFrontMatter,
  type ProcessSourceContext,
  processSource,
} from '../../src/content/process-source.js'
import type { SourceProcessor } from '../../src/content/process-sources.js'
import { createProcessor } from '../../src/markdown/create-processor.js'
import { DEFAULT_EMBEDS } from '../../src/markdown/embed-allowlist.js'
import { createSourceStore, type SourceStoreOptions } from '../../src/pipeline/source-store.js'
import { createTempDir } from '../helpers.js'

const article = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2025-05-16\n---\n\n${body}\n`

async function storeIn(root: string, extra: Partial<SourceStoreOptions> = {}) {
  const context: ProcessSourceContext = {
    processor: createProcessor({
      html: 'sanitize',
      gfm: true,
      embeds: DEFAULT_EMBEDS,
      remarkPlugins: [],
      rehypePlugins: [],
    }),
    schema: createArticleSchema('Asia/Makassar'),
    timeZone: 'Asia/Makassar',
  }
  let processed = 0
  const localContext = async () => context
  const store = createSourceStore({
    root,
    contentDir: path.join(root, 'content'),
    contentIgnore: [],
    fingerprint: 'test',
    siteHost: 'news.example',
    cache: createArticleCache(path.join(root, 'cache')),
    localContext,
    checkFrontMatter: async (sourcePath, raw) => checkFrontMatter(sourcePath, raw, context.schema),
    ...extra,
  })
  // On this thread: the store is under test, not the worker pool.
  const processor: SourceProcessor = {
    async process(sources, onResult) {
      for (const source of sources) {
        processed++
        await onResult(
          source,
          await processSource(source.sourcePath, source.raw, context, source.rawHash, source.frontMatter),
        )
      }
    },
  }
  const update = (options: Omit<Parameters<typeof store.update>[0], 'processor'> = {}) =>
    store.update({ ...options, processor })
  return { store, update, processed: () => processed }
}

describe('createSourceStore', () => {
  test('processes each source once, keeps records without bodies, and reads bodies back from the cache', async () => {
    const root = await createTempDir()
    await mkdir(path.join(root, 'content'), { recursive: true })
    const body = [
      '## Air naik',
      '',
      'Air naik di *Samarinda* ([BMKG](https://bmkg.go.id/), [arsip](/2025/05/), [lalu](../kemarin/)).',
      '',
      '#### Rincian',
      '',
      'Lihat <https://news.example/peta/> dan [surel](mailto:redaksi@news.example).',
    ].join('\n')
    await writeFile(path.join(root, 'content', 'banjir.md'), article('Banjir', body))
    const { store, update: run, processed } = await storeIn(root)
    const first = await run()
    expect(first.paths).toEqual(['content/banjir.md'])
    expect(first.read).toEqual(['content/banjir.md'])
    const record = first.entries[0]?.record
    if (!record) throw new Error('no record')
    // In memory: no body, no headings, only the links the link check reads; what needs the
    // headings was found while they were at hand.
    expect(record).toMatchObject({ html: '', headings: [] })
    expect(record.links.map((l) => l.url)).toEqual(['/2025/05/', '../kemarin/', 'https://news.example/peta/'])
    expect(record.findings.map((f) => [f.ruleId, f.place?.line])).toEqual([['heading-order', 10]])
    const read = await store.bodyOf({ sourcePath: 'content/banjir.md', record })
    expect(read.html).toContain('<p>Air naik di <em>Samarinda</em> (<a href="https://bmkg.go.id/">BMKG</a>')
    expect(read.headings.map((h) => [h.depth, h.text, h.line])).toEqual([
      [2, 'Air naik', 6],
      [4, 'Rincian', 10],
    ])
    const again = await run()
    expect(again.replaced.size).toBe(0)
    expect(processed()).toBe(1)
  })

  test('reports what changed, with the entry it replaces, and forgets removed sources', async () => {
    const root = await createTempDir()
    await mkdir(path.join(root, 'content'), { recursive: true })
    const file = path.join(root, 'content', 'a.md')
    await writeFile(file, article('A', 'Satu.'))
    await writeFile(path.join(root, 'content', 'b.md'), article('B', 'Dua.'))
    const { store, update: run } = await storeIn(root)
    const before = await run()
    await writeFile(file, article('A', 'Satu, diperbarui.'))
    const after = await run({ changes: { changed: new Set([file]), removed: new Set() } })
    expect([...after.replaced.keys()]).toEqual(['content/a.md'])
    expect(after.replaced.get('content/a.md')?.rawHash).toBe(before.entries[0]?.rawHash)
    const removed = await run({
      changes: { changed: new Set(), removed: new Set([path.join(root, 'content', 'b.md')]) },
    })
    expect(removed.paths).toEqual(['content/a.md'])
    expect(store.entry('content/b.md')).toBeUndefined()
  })

  test('keeps the slugs it made in the source index for the next process, and only its own', async () => {
    const root = await createTempDir()
    await mkdir(path.join(root, 'content'), { recursive: true })
    await writeFile(path.join(root, 'content', 'a.md'), article('A', 'Satu.'))
    const sourceIndexFile = path.join(root, 'sources.ndjson')
    const { store, update: run } = await storeIn(root, { sourceIndexFile })
    const update = await run()
    expect(store.slugger.slug('Kalimantan Timur')).toBe('kalimantan-timur')
    await store.saveIndex(update)
    const next = (await storeIn(root, { sourceIndexFile })).store
    expect(next.slugger.known().slugs).toContainEqual(['Kalimantan Timur', 'kalimantan-timur'])
    expect((await storeIn(root)).store.slugger.known().slugs).toEqual([])
  })

  test('checks every front matter first: one broken file fails without any body converted, and nothing is kept of the others', async () => {
    const root = await createTempDir()
    await mkdir(path.join(root, 'content'), { recursive: true })
    for (let i = 0; i < 30; i++)
      await writeFile(path.join(root, 'content', `berita-${i}.md`), article(`Berita ${i}`, 'Isi.'))
    await writeFile(path.join(root, 'content', 'rusak.md'), '---\ntitle: Tanpa tanggal\n---\n\nIsi.\n')
    const { store, update: run, processed } = await storeIn(root)
    const update = await run()
    expect(processed()).toBe(0)
    expect(update.entries.flatMap((e) => e.diagnostics)).toEqual([
      expect.objectContaining({ file: 'content/rusak.md', ruleId: 'front-matter-schema' }),
    ])
    expect(store.entry('content/berita-0.md')).toBeUndefined()
    await writeFile(path.join(root, 'content', 'rusak.md'), article('Dengan tanggal', 'Isi.'))
    const fixed = await run()
    expect(processed()).toBe(31)
    expect(fixed.entries.filter((e) => e.record)).toHaveLength(31)
  })

  test('names the files that look like content but are not markdown', async () => {
    const root = await createTempDir()
    await mkdir(path.join(root, 'content', 'lama'), { recursive: true })
    await writeFile(path.join(root, 'content', 'a.md'), article('A', 'Satu.'))
    for (const name of ['b.mdx', 'c.mdx', 'lama/d.markdown', 'foto.jpg'])
      await writeFile(path.join(root, 'content', name), 'x')
    const update = await (await storeIn(root)).update()
    expect(update.paths).toEqual(['content/a.md'])
    expect([...update.skipped]).toEqual([
      ['.markdown', 1],
      ['.mdx', 2],
    ])
  })
})
