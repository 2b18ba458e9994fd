import { describe, expect, test } from 'vitest'
import { createArticleSchema } from '../../src/content/article-schema.js'
import { type ArticleRecord, processSource } from '../../src/content/process-source.js'
import { createProcessor } from '../../src/markdown/create-processor.js'
import { DEFAULT_EMBEDS } from '../../src/markdown/embed-allowlist.js'

const context = {
  schema: createArticleSchema('Asia/Makassar'),
  processor: createProcessor({
    html: 'sanitize',
    gfm: true,
    embeds: DEFAULT_EMBEDS,
    remarkPlugins: [],
    rehypePlugins: [],
  }),
  timeZone: 'Asia/Makassar',
}

const article = [
  '---',
  'title: Banjir Rendam Tiga Kelurahan',
  'date: 2025-05-14T08:30',
  'tags: [Banjir, Samarinda]',
  '---',
  '',
  'Hujan deras sejak Selasa malam merendam tiga kelurahan.',
  '',
  '## Warga mengungsi',
  '',
  'Sebagian warga mengungsi ke masjid terdekat.',
  '',
].join('\n')

async function recordOf(path: string, text: string): Promise<ArticleRecord> {
  const { record, diagnostics } = await processSource(path, text, context)
  expect(diagnostics).toEqual([])
  if (!record) throw new Error('expected a record')
  return record
}

describe('processSource', () => {
  test('turns a source into a record with HTML, excerpt, word count, headings and key positions', async () => {
    const record = await recordOf('content/banjir.md', article)
    expect(record).toMatchObject({
      sourcePath: 'content/banjir.md',
      data: { title: 'Banjir Rendam Tiga Kelurahan', tags: ['Banjir', 'Samarinda'] },
      html: [
        '<p>Hujan deras sejak Selasa malam merendam tiga kelurahan.</p>',
        '<h2 id="warga-mengungsi">Warga mengungsi</h2>',
        '<p>Sebagian warga mengungsi ke masjid terdekat.</p>',
      ].join('\n'),
      excerpt: 'Hujan deras sejak Selasa malam merendam tiga kelurahan.',
      wordCount: 16,
      headings: [{ depth: 2, id: 'warga-mengungsi', text: 'Warga mengungsi', line: 9, column: 1 }],
      positions: {
        title: { line: 2, column: 8 },
        date: { line: 3, column: 7 },
        tags: { line: 4, column: 7 },
      },
    })
    expect(record.sourceHash).toMatch(/^[\w-]{22}$/)
  })

  test('a file with a byte-order mark and CRLF line endings gives the same record as with LF', async () => {
    const lf = await recordOf('content/banjir.md', article)
    const crlf = await recordOf('content/banjir.md', `\uFEFF${article.replace(/\n/g, '\r\n')}`)
    const cr = await recordOf('content/banjir.md', article.replace(/\n/g, '\r'))
    expect({ ...crlf, sourceHash: '' }).toEqual({ ...lf, sourceHash: '' })
    expect({ ...cr, sourceHash: '' }).toEqual({ ...lf, sourceHash: '' })
  })

  test('hashes the raw text, so that a changed line ending counts as a change', async () => {
    const lf = await recordOf('content/banjir.md', article)
    const crlf = await recordOf('content/banjir.md', article.replace(/\n/g, '\r\n'))
    expect(crlf.sourceHash).not.toBe(lf.sourceHash)
  })

  test('an empty file is an error, not an empty article', async () => {
    const result = await processSource('content/kosong.md', '', context)
    expect(result.record).toBeUndefined()
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: 'content/kosong.md', ruleId: 'empty-file', severity: 'error' }),
    ])
  })

  test('a file holding only a byte-order mark and blank lines is empty too', async () => {
    const result = await processSource('content/kosong.md', '\uFEFF\r\n\r\n', context)
    expect(result.diagnostics).toEqual([expect.objectContaining({ ruleId: 'empty-file' })])
  })

  test('---js front matter is refused and never run', async () => {
    const marker = `__warta_process_source_ran_${Date.now()}`
    const result = await processSource(
      'content/js.md',
      `---js\n{ title: (globalThis["${marker}"] = "x"), date: "2025-05-16" }\n---\nBody\n`,
      context,
    )
    expect(result.record).toBeUndefined()
    expect(result.diagnostics).toEqual([expect.objectContaining({ ruleId: 'front-matter-dialect' })])
    expect(marker in globalThis).toBe(false)
  })

  test('front matter closed with "..." stays out of the body', async () => {
    const record = await recordOf('content/a.md', '---\ntitle: x\ndate: 2025-05-16\n...\n\nIsi berita.\n')
    expect(record.html).toBe('<p>Isi berita.</p>')
    expect(record.excerpt).toBe('Isi berita.')
    expect(record.wordCount).toBe(2)
  })

  test('a thematic break in the body is not mistaken for front matter', async () => {
    const record = await recordOf(
      'content/a.md',
      '---\ntitle: x\ndate: 2025-05-16\n---\nSatu\n\n---\n\nDua\n',
    )
    expect(record.html).toBe('<p>Satu</p>\n<hr>\n<p>Dua</p>')
  })

  test('the excerpt is the summary when there is one', async () => {
    const record = await recordOf(
      'content/a.md',
      '---\ntitle: x\ndate: 2025-05-16\nsummary: Ringkasan singkat.\n---\nParagraf pertama.\n',
    )
    expect(record.excerpt).toBe('Ringkasan singkat.')
  })

  test('an article with no body is valid, with an empty excerpt and no words', async () => {
    const record = await recordOf('content/a.md', '---\ntitle: x\ndate: 2025-05-16\n---')
    expect(record).toMatchObject({ html: '', excerpt: '', wordCount: 0, headings: [] })
  })

  test('schema errors come back as diagnostics, one per problem, with no record', async () => {
    const result = await processSource('content/a.md', '---\ntitle: ""\ndate: 2025-02-30\n---\nx\n', context)
    expect(result.record).toBeUndefined()
    expect(result.diagnostics.map((d) => [d.place, d.ruleId])).toEqual([
      [{ line: 2, column: 8 }, 'front-matter-schema'],
      [{ line: 3, column: 7 }, 'front-matter-schema'],
    ])
  })

  test('a body nested too deeply to convert is reported instead of crashing the build', async () => {
    const deep = `${'>'.repeat(6_000)} x`
    const result = await processSource(
      'content/deep.md',
      `---\ntitle: x\ndate: 2025-05-16\n---\n${deep}\n`,
      context,
    )
    expect(result.record).toBeUndefined()
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: 'content/deep.md', ruleId: 'markdown-failed', severity: 'error' }),
    ])
  })
})
