import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../packages/core/src/errors/diagnostic.js'
import { buildSite, createSite, errorLines, readOutput, type TempSite } from './helpers.js'

// Front matter that tries to run code, exhaust memory or slip wrong values past the schema.
// All cases go into one build: each file must fail on its own, with its own message.

let site: TempSite
let diagnostics: Diagnostic[] = []
let durationMs = 0
let rssGrowth = 0
const marker = (dialect: string) => path.join(site.root, `EVALUATED-${dialect}`)

/** A front matter payload that, if evaluated in any dialect, writes a marker file. */
const payload = (dialect: string) =>
  `require('fs').writeFileSync(${JSON.stringify(`EVALUATED-${dialect}`)}, 'x')`

const DIALECTS: Record<string, string> = {
  js: `---js\n{ title: ${payload('js')}, date: '2025-05-01' }\n---\nBody.\n`,
  javascript: `---javascript\nmodule.exports = { title: ${payload('javascript')}, date: '2025-05-01' }\n---\nBody.\n`,
  coffee: `---coffee\ntitle: ${payload('coffee')}\ndate: '2025-05-01'\n---\nBody.\n`,
  'js after a space': `--- js\n{ title: ${payload('js-space')} }\n---\nBody.\n`,
  JS: `---JS\n{ title: ${payload('JS')} }\n---\nBody.\n`,
}

const BILLION_LAUGHS = [
  '---',
  'title: Laughs',
  'date: 2025-05-01',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const previous = 'abcdefgh'[i]
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`
  }),
  '---',
  'Body.',
  '',
].join('\n')

/** Fifty aliases of a 20,000-item list: a million values, which the alias limit must stop too. */
const WIDE_ALIASES = [
  '---',
  'title: Wide',
  'date: 2025-05-01',
  `big: &big [${Array(20_000).fill('x').join(',')}]`,
  `copies: [${Array(50).fill('*big').join(',')}]`,
  '---',
  'Body.',
  '',
].join('\n')

const SOURCES: Record<string, string> = {
  'content/laughs.md': BILLION_LAUGHS,
  'content/wide-aliases.md': WIDE_ALIASES,
  'content/feb-30.md': '---\ntitle: A\ndate: 2024-02-30\n---\nBody.\n',
  'content/feb-29-2023.md': '---\ntitle: A\ndate: 2023-02-29\n---\nBody.\n',
  'content/feb-30-quoted.md': '---\ntitle: A\ndate: "2024-02-30T10:00"\n---\nBody.\n',
  'content/updated-feb-29.md': '---\ntitle: A\ndate: 2024-02-28\nupdated: 2023-02-29\n---\nBody.\n',
  'content/title-2024.md': '---\ntitle: 2024\ndate: 2024-01-01\n---\nBody.\n',
  'content/title-true.md': '---\ntitle: true\ndate: 2024-01-01\n---\nBody.\n',
  'content/title-list.md': '---\ntitle: [a, b]\ndate: 2024-01-01\n---\nBody.\n',
  'content/duplicate.md': '---\ntitle: A\ndate: 2024-01-01\ntitle: B\n---\nBody.\n',
  'content/duplicate-quoted.md': '---\ntitle: A\ndate: 2024-01-01\n"title": B\n---\nBody.\n',
  'content/duplicate-nested.md':
    '---\ntitle: A\ndate: 2024-01-01\nauthor:\n  name: X\n  name: Y\n---\nBody.\n',
  'content/deep-yaml.md': `---\ntitle: A\ndate: 2024-01-01\ndeep: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\nBody.\n`,
  'content/error-flood.md': `---\ntitle: A\ndate: 2024-01-01\n${Array.from({ length: 50_000 }, (_, i) => `k${i}: !a !b 1`).join('\n')}\n---\nBody.\n`,
  'content/js-tag.md': `---\ntitle: !!js/function "function () { require('fs').writeFileSync('EVALUATED-js-tag', 'x') }"\ndate: 2024-01-01\n---\nBody.\n`,
  'content/proto.md':
    '---\ntitle: Proto\ndate: 2024-01-01\nslug: proto\n__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n---\nBody.\n',
  'content/feb-29-2024.md': '---\ntitle: Leap day\ndate: 2024-02-29\nslug: leap\n---\nBody.\n',
}
for (const [dialect, text] of Object.entries(DIALECTS))
  SOURCES[`content/dialect-${dialect.replace(/ /g, '-')}.md`] = text

beforeAll(async () => {
  site = await createSite(SOURCES)
  const rssBefore = process.memoryUsage().rss
  const started = performance.now()
  const outcome = await buildSite(site.root, { permalinks: { article: '/:slug/' } })
  durationMs = performance.now() - started
  rssGrowth = process.memoryUsage().rss - rssBefore
  expect(outcome.ok).toBe(false)
  diagnostics = outcome.diagnostics
}, 120_000)

afterAll(() => site?.dispose())

const errorsOf = (file: string) => diagnostics.filter((d) => d.file === file && d.severity === 'error')

describe('front matter in executable dialects', () => {
  it.each(Object.keys(DIALECTS))('---%s is refused and never run', (dialect) => {
    const file = `content/dialect-${dialect.replace(/ /g, '-')}.md`
    expect(errorsOf(file)).toEqual([
      expect.objectContaining({ ruleId: 'front-matter-dialect', place: { line: 1, column: 4 } }),
    ])
    expect(existsSync(marker(dialect.replace(/ /g, '-').replace('js-after-a-space', 'js-space')))).toBe(false)
  })

  it('no payload ran anywhere: no marker file exists in the site or the working folder', () => {
    for (const name of ['js', 'javascript', 'coffee', 'js-space', 'JS', 'js-tag']) {
      expect(existsSync(marker(name))).toBe(false)
      expect(existsSync(path.resolve(`EVALUATED-${name}`))).toBe(false)
    }
  })

  it('a !!js/function tag is read as text, not run', () => {
    expect(errorsOf('content/js-tag.md')).toEqual([])
    expect(existsSync(marker('js-tag'))).toBe(false)
  })
})

describe('YAML resource limits', () => {
  it('a billion-laughs alias bomb is an error, found quickly and in bounded memory', () => {
    expect(errorsOf('content/laughs.md')).toEqual([
      expect.objectContaining({ ruleId: 'front-matter-yaml', message: expect.stringMatching(/alias/i) }),
    ])
    // The whole build, every case here included: generous bounds, not performance targets.
    expect(durationMs).toBeLessThan(20_000)
    expect(rssGrowth).toBeLessThan(512 * 1024 * 1024)
  })

  it('fifty aliases of a huge list are refused as well', () => {
    expect(errorsOf('content/wide-aliases.md')).toEqual([
      expect.objectContaining({ ruleId: 'front-matter-yaml', message: expect.stringMatching(/alias/i) }),
    ])
  })

  it('YAML nested 100,000 levels deep is an error that says so', () => {
    expect(errorsOf('content/deep-yaml.md')).toEqual([
      expect.objectContaining({
        ruleId: 'front-matter-yaml',
        message: 'The front matter is nested too deeply to read.',
      }),
    ])
  })

  it('a mistake on 50,000 lines is reported 20 times and counted, not 50,000 times', () => {
    const errors = errorsOf('content/error-flood.md')
    expect(errors).toHaveLength(21)
    expect(errors.at(-1)?.message).toMatch(/^…and \d+ more YAML errors\.$/)
  })
})

describe('values the schema refuses', () => {
  it.each([
    ['content/feb-30.md', 'date', 3, 7, '"2024-02-30" does not exist'],
    ['content/feb-29-2023.md', 'date', 3, 7, '"2023-02-29" does not exist'],
    ['content/feb-30-quoted.md', 'date', 3, 7, '"2024-02-30T10:00" does not exist'],
    ['content/updated-feb-29.md', 'updated', 4, 10, '"2023-02-29" does not exist'],
  ])('%s: an impossible %s is an error at %i:%i', (file, field, line, column, reason) => {
    expect(errorsOf(file)).toEqual([
      expect.objectContaining({
        ruleId: 'front-matter-schema',
        place: { line, column },
        message: expect.stringContaining(`Field "${field}": ${reason}`),
      }),
    ])
  })

  it('2024-02-29 exists and builds', async () => {
    expect(errorsOf('content/feb-29-2024.md')).toEqual([])
  })

  it.each([
    ['content/title-2024.md', 'a number'],
    ['content/title-true.md', 'a boolean'],
    ['content/title-list.md', 'a list'],
  ])('%s: a title that is %s is an error naming the field', (file, kind) => {
    expect(errorsOf(file)).toEqual([
      expect.objectContaining({
        ruleId: 'front-matter-schema',
        place: { line: 2, column: 8 },
        message: `Field "title" must be text, but it is ${kind}.`,
      }),
    ])
  })

  it.each([
    ['content/duplicate.md', 4, 1],
    ['content/duplicate-quoted.md', 4, 1],
    ['content/duplicate-nested.md', 6, 3],
  ])('%s: a duplicate key is an error at the repeated key (%i:%i)', (file, line, column) => {
    expect(errorsOf(file)).toEqual([
      expect.objectContaining({
        ruleId: 'front-matter-yaml',
        place: { line, column },
        message: expect.stringMatching(/^Invalid YAML: the key "\w+" is given twice \(first on line \d\)\.$/),
      }),
    ])
  })
})

describe('prototype keys', () => {
  it('__proto__ and constructor keys neither fail the file nor reach Object.prototype', async () => {
    expect(errorsOf('content/proto.md')).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('once the other files are fixed, the article with prototype keys builds as plain text', async () => {
    const proto = await createSite({ 'content/proto.md': SOURCES['content/proto.md'] as string })
    try {
      const outcome = await buildSite(proto.root, { permalinks: { article: '/:slug/' } })
      expect(errorLines(outcome)).toEqual([])
      expect(await readOutput(proto.outDir, 'proto/index.html')).not.toContain('polluted')
    } finally {
      await proto.dispose()
    }
  })
})
