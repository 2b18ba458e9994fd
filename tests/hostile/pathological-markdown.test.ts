import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as built from '../../packages/core/dist/index.js'
import type { Diagnostic } from '../../packages/core/src/errors/diagnostic.js'
import { article, buildSite, createSite, errorLines, NOW, readOutput, type TempSite } from './helpers.js'

// Markdown built to break the parser: deep nesting, long runs of delimiters, huge files.
// Each must give a per-file error, a warning or a page, in bounded time, and never take the
// build (or the worker pool) down with it.

/** A safety bound, not a performance target: far above what any of these take when handled. */
const BOUND_MS = 20_000

const PATHOLOGICAL: [string, () => string][] = [
  ['10,000 nested block quotes on one line', () => `${'>'.repeat(10_000)} deep\n`],
  ['10,000 nested block quotes with spaces', () => `${'> '.repeat(10_000)}deep\n`],
  ['10,000 nested list items on one line', () => `${'- '.repeat(10_000)}deep\n`],
  ['10,000 nested ordered list items on one line', () => `${'1. '.repeat(10_000)}deep\n`],
  ['5,000 alternating quotes and list items', () => `${'> - '.repeat(5_000)}deep\n`],
  [
    '1,000 levels of indented list items (1 MB)',
    () => `${Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n')}\n`,
  ],
  [
    '2,000 lines of ever deeper block quotes',
    () => `${Array.from({ length: 2_000 }, (_, i) => `${'>'.repeat(i + 1)} q`).join('\n')}\n`,
  ],
  ['100,000 asterisks in a row', () => `${'*'.repeat(100_000)}\n`],
  ['100,000 underscores in a row', () => `${'_'.repeat(100_000)}\n`],
  ['50,000 opening brackets', () => `${'['.repeat(50_000)}\n`],
  ['50,000 closing brackets and parentheses', () => `${'](x)'.repeat(50_000)}\n`],
  ['50,000 backticks', () => `${'`'.repeat(50_000)}x\n`],
  ['100,000 less-than signs', () => `${'<'.repeat(100_000)}\n`],
  ['50,000 unclosed <div> tags', () => `${'<div>'.repeat(50_000)}\n`],
  [
    'a 5 MB article',
    () => 'Lorem ipsum dolor sit amet, *consectetur* [elit](https://x.example).\n\n'.repeat(80_000),
  ],
  ['a 1 MB line without spaces', () => `${'a'.repeat(1_000_000)}\n`],
  ['a 5,000-row table', () => `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(5_000)}`],
]

const GOOD = article({ title: 'A good article', slug: 'good' }, 'This one is fine.\n')

/** The errors of one file; and no file but `file` may have any. */
function expectOnlyFileFailed(diagnostics: Diagnostic[], file: string) {
  const others = diagnostics.filter((d) => d.severity === 'error' && d.file !== file)
  expect(others).toEqual([])
}

describe('pathological markdown, processed on the build thread', () => {
  it.each(PATHOLOGICAL)('%s: a per-file error or a page, in bounded time', async (_name, body) => {
    const site = await createSite({
      'content/good.md': GOOD,
      'content/bad.md': article({ title: 'Bad', slug: 'bad' }, body()),
    })
    try {
      const started = performance.now()
      const outcome = await buildSite(site.root, { permalinks: { article: '/:slug/' } })
      expect(performance.now() - started).toBeLessThan(BOUND_MS)
      if (outcome.ok) {
        expect(await readOutput(site.outDir, 'good/index.html')).toContain('This one is fine.')
        expect(await readOutput(site.outDir, 'bad/index.html')).toContain('<h1 class="title">Bad</h1>')
      } else {
        // A per-file error, never a RangeError or another bare error out of the build.
        expect(outcome.error.name).toBe('WartaBuildError')
        expectOnlyFileFailed(outcome.diagnostics, 'content/bad.md')
        expect(errorLines(outcome).length).toBeGreaterThan(0)
      }
    } finally {
      await site.dispose()
    }
  })

  it('deep nesting is refused before parsing, at its line, under the markdown rule', async () => {
    const site = await createSite({
      'content/bad.md': article({ title: 'Bad' }, `Intro.\n\n${'- '.repeat(10_000)}deep\n`),
    })
    try {
      const outcome = await buildSite(site.root)
      expect(outcome.diagnostics).toEqual([
        expect.objectContaining({
          file: 'content/bad.md',
          place: { line: 7, column: 1 },
          ruleId: 'markdown-failed',
          message: expect.stringMatching(
            /^Lists or quotes here nest about \d+ levels deep; at most 100 are allowed\.$/,
          ),
        }),
      ])
    } finally {
      await site.dispose()
    }
  })

  it('nesting a real article uses (a dozen levels) still builds', async () => {
    const nested = Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')
    const quoted = Array.from({ length: 12 }, (_, i) => `${'> '.repeat(i + 1)}quote ${i + 1}`).join('\n')
    const site = await createSite({
      'content/ok.md': article({ title: 'Ok', slug: 'ok' }, `${nested}\n\n${quoted}\n`),
    })
    try {
      const outcome = await buildSite(site.root, { permalinks: { article: '/:slug/' } })
      expect(errorLines(outcome)).toEqual([])
      expect(await readOutput(site.outDir, 'ok/index.html')).toContain('level 12')
    } finally {
      await site.dispose()
    }
  })

  it('a file over 1 MiB is refused before parsing', async () => {
    const site = await createSite({ 'content/huge.md': article({ title: 'Huge' }, 'word '.repeat(250_000)) })
    try {
      const outcome = await buildSite(site.root)
      expect(outcome.diagnostics).toEqual([
        expect.objectContaining({
          file: 'content/huge.md',
          ruleId: 'source-too-large',
          message: 'The file is 1.2 MiB; articles may be at most 1 MiB.',
        }),
      ])
    } finally {
      await site.dispose()
    }
  })

  it('a schema extension that throws on one file fails that file only', async () => {
    const site = await createSite({
      'content/good.md': GOOD,
      'content/bad.md': article({ title: 'THROW', slug: 'bad' }),
    })
    try {
      const outcome = await buildSite(site.root, {
        schema: (base) =>
          base.superRefine((data) => {
            if (data.title === 'THROW') throw new Error('the refinement blew up')
          }),
      })
      expect(outcome.ok).toBe(false)
      if (!outcome.ok) expect(outcome.error.name).toBe('WartaBuildError')
      expect(outcome.diagnostics).toEqual([
        expect.objectContaining({
          file: 'content/bad.md',
          ruleId: 'content-failed',
          message: 'The file could not be processed: the refinement blew up',
        }),
      ])
    } finally {
      await site.dispose()
    }
  })

  // micromark matches emphasis markers and link brackets in time quadratic in their number in
  // one paragraph (micromark-core-commonmark/lib/attention.js calls the loop "a bottleneck for
  // malicious stuff"; see also https://github.com/micromark/micromark/issues/20): 100 KB of
  // `a*` took about two minutes, links nested 4,000 deep forty seconds. Such a paragraph is
  // refused before parsing (content/source-limits.ts), by count, not by a timer.
  it.each([
    [
      '100,000 alternating letters and asterisks (a*a*a*…)',
      `${'a*'.repeat(50_000)}\n`,
      /has 50,000 emphasis markers \(\*, _ or ~\); at most 5,000/,
    ],
    [
      'alternating letters and underscores over many lines of one paragraph',
      `${'a_b '.repeat(3_000)}\n${'c_d '.repeat(3_000)}\n`,
      /has 6,000 emphasis markers/,
    ],
    [
      '5,000 nested link-and-image openers ([![![…)',
      `${'[!'.repeat(5_000)}[a](x)${'](x)'.repeat(5_000)}\n`,
      /Links nest 5,001 deep in this paragraph; at most 200/,
    ],
  ])('%s is refused at its paragraph, in bounded time', async (_name, body, message) => {
    const site = await createSite({
      'content/good.md': GOOD,
      'content/bad.md': article({ title: 'Bad', slug: 'bad' }, `Pembuka yang biasa.\n\n${body}`),
    })
    try {
      const started = performance.now()
      const outcome = await buildSite(site.root, { permalinks: { article: '/:slug/' } })
      expect(performance.now() - started).toBeLessThan(BOUND_MS)
      expectOnlyFileFailed(outcome.diagnostics, 'content/bad.md')
      expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([
        expect.objectContaining({
          file: 'content/bad.md',
          // The front matter is lines 1–5, the opening paragraph 6, a blank line 7.
          place: { line: 8, column: 1 },
          ruleId: 'paragraph-too-complex',
          message: expect.stringMatching(message),
          hint: expect.stringMatching(/^Escape the/),
        }),
      ])
    } finally {
      await site.dispose()
    }
  })

  it('what is under the limits converts: 4,000 emphasis markers, linked images, a table of bold cells, code', async () => {
    const body = [
      `${'Kata *penting* lagi '.repeat(2_000)}`,
      '[![Foto banjir](/foto/banjir.jpg)](https://kaltim.example/banjir)',
      `| Kota | Curah hujan |\n|---|---|\n${'| **Samarinda** | **120** mm |\n'.repeat(2_000)}`,
      // In code, asterisks are text: no emphasis to match.
      `\`\`\`\n${'a*'.repeat(10_000)}\n\`\`\``,
    ].join('\n\n')
    const site = await createSite({ 'content/ok.md': article({ title: 'Ok', slug: 'ok' }, body) })
    try {
      const outcome = await buildSite(site.root, { permalinks: { article: '/:slug/' } })
      expect(errorLines(outcome)).toEqual([])
      const html = await readOutput(site.outDir, 'ok/index.html')
      expect(html.match(/<em>penting<\/em>/g)).toHaveLength(2_000)
      expect(html).toContain(
        // The photo is not in the site: the image stage leaves it as written (lazily loaded).
        '<a href="https://kaltim.example/banjir"><img src="/foto/banjir.jpg" alt="Foto banjir" loading="lazy" decoding="async"></a>',
      )
      expect(html.match(/<strong>Samarinda<\/strong>/g)).toHaveLength(2_000)
    } finally {
      await site.dispose()
    }
  })

  // V8's Intl.Segmenter takes time quadratic in the length of the text it is given: the quality
  // check's character count (quality/text-length.ts) of an 80,000-character first paragraph with
  // one emoji took 85 s. It now segments in pieces cut where a character surely ends.
  it.each([
    ['with an emoji', `${'Kata '.repeat(16_000)}😀 selesai.`, 80_010],
    ['of accented letters written as e + U+0301', 'e\u0301'.repeat(40_000), 40_000],
  ])(
    'an article whose 80,000-character first paragraph is %s builds in bounded time',
    async (_name, paragraph, characters) => {
      const site = await createSite({
        'content/long.md': article({ title: 'Panjang', slug: 'long' }, `${paragraph}\n`),
      })
      try {
        const started = performance.now()
        const outcome = await buildSite(site.root, { permalinks: { article: '/:slug/' } })
        expect(performance.now() - started).toBeLessThan(BOUND_MS)
        expect(errorLines(outcome)).toEqual([])
        // The count is the readers' one: the emoji, or the letter and its accent, is one character.
        expect(outcome.diagnostics.find((d) => d.ruleId === 'missing-summary')?.hint).toContain(
          `the first paragraph is used, ${characters.toLocaleString('en').replace(/,/g, '')} characters`,
        )
      } finally {
        await site.dispose()
      }
    },
  )
})

describe('pathological markdown in the worker pool', () => {
  const THEME_DIR = path.join(import.meta.dirname, 'fixtures', 'theme')
  let site: TempSite
  let outcome: { ok: boolean; diagnostics: Diagnostic[]; error?: Error; durationMs: number }
  const previousWorkers = process.env.WARTA_WORKERS

  beforeAll(async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 60; i++)
      files[`content/good-${i}.md`] = article(
        { title: `Good ${i}`, slug: `good-${i}` },
        `Fine article ${i}.\n`,
      )
    PATHOLOGICAL.forEach(([, body], i) => {
      files[`content/bad-${i}.md`] = article({ title: `Bad ${i}`, slug: `bad-${i}` }, body())
    })
    files['content/kills-worker.md'] = article({ title: 'Exit', slug: 'exit' }, 'EXIT-THE-WORKER\n')
    files['content/crashes-worker.md'] = article({ title: 'Crash', slug: 'crash' }, 'CRASH-THE-WORKER\n')
    // In the site folder inside the repository, so that workers can load the config file.
    site = await createSite(files, { inRepo: true })
    await writeFile(
      path.join(site.root, 'warta.config.mjs'),
      [
        "import { isMainThread } from 'node:worker_threads'",
        '// A plugin that takes its worker thread down on two files: one calls process.exit(),',
        '// the other throws where nothing can catch it, as a crash would.',
        'function remarkExitOnMarker() {',
        '  return (_tree, file) => {',
        '    if (isMainThread) return',
        "    if (String(file.value).includes('EXIT-THE-WORKER')) process.exit(3)",
        "    if (String(file.value).includes('CRASH-THE-WORKER')) {",
        "      setImmediate(() => { throw new Error('uncaught in a worker') })",
        '      return new Promise(() => {})',
        '    }',
        '  }',
        '}',
        'export default {',
        "  site: { title: 'Hostile Times', url: 'https://news.example' },",
        `  theme: { name: 'hostile-test-theme', dir: ${JSON.stringify(THEME_DIR)}, strings: { en: {} }, helpers: (c) => ({ asset: (n) => c.asset(n) }) },`,
        "  permalinks: { article: '/:slug/' },",
        '  markdown: { remarkPlugins: [remarkExitOnMarker] },',
        '}',
        '',
      ].join('\n'),
    )
    // Two workers whatever the machine has, so that the pool is used.
    process.env.WARTA_WORKERS = '2'
    const { config, file } = await built.loadConfig(site.root)
    const started = performance.now()
    try {
      await built.build(config, { configFile: file, cache: false, now: NOW })
      outcome = { ok: true, diagnostics: [], durationMs: performance.now() - started }
    } catch (error) {
      const diagnostics = (error as { diagnostics?: Diagnostic[] }).diagnostics ?? []
      outcome = { ok: false, diagnostics, error: error as Error, durationMs: performance.now() - started }
    }
  }, 180_000)

  afterAll(async () => {
    process.env.WARTA_WORKERS = previousWorkers
    await site?.dispose()
  })

  it('the build fails with file errors, not with a crashed pool', () => {
    expect(outcome.ok).toBe(false)
    expect(outcome.error?.name).toBe('WartaBuildError')
    expect(outcome.durationMs).toBeLessThan(3 * 60_000)
  })

  it('no good article has an error', () => {
    const good = outcome.diagnostics.filter(
      (d) => d.file.startsWith('content/good-') && d.severity === 'error',
    )
    expect(good).toEqual([])
  })

  it('every file that failed is one of the pathological ones, with its own error', () => {
    const failed = new Set(outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))
    for (const file of failed) expect(file).toMatch(/^content\/(bad-\d+|kills-worker|crashes-worker)\.md$/)
    // The ones that cannot be converted in bounded time are refused, each by name; 50,000 unclosed
    // <div>s (13) are raw HTML nested 50,000 deep once the HTML is parsed.
    for (const i of [0, 1, 2, 3, 4, 5, 6, 13, 14]) expect(failed).toContain(`content/bad-${i}.md`)
  })

  it('a file whose plugin calls process.exit() in its worker is that file’s error', () => {
    expect(outcome.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'content/kills-worker.md',
        ruleId: 'markdown-failed',
        message: expect.stringContaining('process.exit(3) was called in a worker thread'),
      }),
    )
  })

  it('a file that crashes its worker thread is that file’s error, and its batch went on', () => {
    expect(outcome.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'content/crashes-worker.md',
        ruleId: 'content-worker',
        message: expect.stringContaining('uncaught in a worker'),
      }),
    )
  })

  it('without the broken files, the same pool builds the site', async () => {
    const { rm } = await import('node:fs/promises')
    await rm(path.join(site.root, 'content', 'kills-worker.md'))
    await rm(path.join(site.root, 'content', 'crashes-worker.md'))
    for (const i of [0, 1, 2, 3, 4, 5, 6, 13, 14]) await rm(path.join(site.root, 'content', `bad-${i}.md`))
    const { config, file } = await built.loadConfig(site.root)
    const report = await built.build(config, { configFile: file, cache: false, now: NOW })
    expect(report.articles).toBe(60 + PATHOLOGICAL.length - 9)
    expect(await readOutput(report.outDir, 'good-59/index.html')).toContain('Fine article 59.')
  }, 180_000)
})
