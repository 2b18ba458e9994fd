import { mkdir, readdir, symlink } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../packages/core/src/errors/diagnostic.js'
import {
  article,
  buildFiles,
  buildSite,
  createSite,
  errorLines,
  listFiles,
  type TempSite,
} from './helpers.js'

// Slugs and permalinks that try to write outside the output folder, or names that some file
// system refuses or folds together: each is an error naming the file (and the slug's line).

/** Slugs, each written with the permalink `/:slug/` and with the default `/:year/:month/:day/:slug/`. */
const UNSAFE_SLUGS: [string, string][] = [
  ['a parent segment', '../x'],
  ['two parent segments to /etc', '../../etc/passwd'],
  ['a parent segment in the middle', 'a/../../b'],
  ['an absolute path', '/abs'],
  ['an absolute path with folders', '/abs/x'],
  ['an encoded parent segment', '%2e%2e'],
  ['an encoded parent segment with a folder', '%2e%2e/x'],
  ['an encoded slash', 'a%2fb'],
  ['a backslash', 'a\\b'],
  ['backslash parent segments', '..\\..\\x'],
  ['a NUL byte', 'a\u0000b'],
  ['a newline', 'a\nb'],
  ['a single dot', '.'],
  ['a double dot', '..'],
  ['an empty segment', 'a//b'],
  ['a dot segment', 'a/./b'],
  ['a hidden file name', '.htaccess'],
  ['a hidden folder', '.well-known/acme-challenge/token'],
  ['Windows CON', 'con'],
  ['Windows CON in capitals', 'CON'],
  ['Windows AUX with an extension', 'aux.html'],
  ['Windows NUL', 'nul'],
  ['Windows COM1', 'com1'],
  ['Windows LPT9 with an extension', 'lpt9.txt'],
  ['a trailing dot', 'x.'],
  ['a colon', 'a:b'],
  ['a question mark', 'a?b'],
  ['a hash', 'a#b'],
  ['angle brackets', 'a<b>'],
  ['a name over 255 bytes', 'x'.repeat(256)],
]

interface Case {
  file: string
  slug: string
}

const withSlugPattern = new Map<string, Case>()
const withDatePattern = new Map<string, Case>()
const slugFiles: Record<string, string> = {}
UNSAFE_SLUGS.forEach(([name, slug], i) => {
  const file = `content/unsafe-${i}.md`
  slugFiles[file] = `---\ntitle: Unsafe ${i}\ndate: 2025-05-01\nslug: ${JSON.stringify(slug)}\n---\nBody.\n`
  withSlugPattern.set(name, { file, slug })
  withDatePattern.set(name, { file, slug })
})

let site: TempSite
let bySlug: Diagnostic[] = []
let byDate: Diagnostic[] = []

beforeAll(async () => {
  site = await createSite(slugFiles)
  const first = await buildSite(site.root, { permalinks: { article: '/:slug/' } })
  expect(first.ok).toBe(false)
  bySlug = first.diagnostics
  const second = await buildSite(site.root)
  expect(second.ok).toBe(false)
  byDate = second.diagnostics
}, 60_000)

afterAll(() => site?.dispose())

const expectUnsafe = (diagnostics: Diagnostic[], { file }: Case) => {
  expect(diagnostics.filter((d) => d.file === file && d.severity === 'error')).toEqual([
    expect.objectContaining({ file, place: { line: 4, column: 7 }, ruleId: 'unsafe-url' }),
  ])
}

describe('unsafe slugs are errors naming the file and the slug’s line', () => {
  it.each([...withSlugPattern.keys()])('%s, in /:slug/', (name) => {
    expectUnsafe(bySlug, withSlugPattern.get(name) as Case)
  })

  it.each([...withDatePattern.keys()])('%s, in /:year/:month/:day/:slug/', (name) => {
    expectUnsafe(byDate, withDatePattern.get(name) as Case)
  })

  it('nothing was written, inside or outside the site', async () => {
    expect(await listFiles(site.outDir)).toEqual([])
    expect((await readdir(path.dirname(site.root))).filter((n) => /^(x|abs|b|etc)$/.test(n))).toEqual([])
  })
})

describe('unsafe permalink patterns', () => {
  it.each([
    ['a parent segment before the slug', '/../:slug/'],
    ['an encoded parent segment', '/%2e%2e/:slug/'],
    ['a backslash', '/a\\:slug/'],
    ['a doubled leading slash', '//:slug/'],
    ['a reserved name', '/con/:slug/'],
  ])('%s (%s) is an error on every article', async (_name, pattern) => {
    const probe = await createSite({
      'content/a.md': article({ title: 'A' }),
      'content/b.md': article({ title: 'B' }),
    })
    try {
      const outcome = await buildSite(probe.root, { permalinks: { article: pattern } })
      const unsafe = outcome.diagnostics.filter((d) => d.ruleId === 'unsafe-url').map((d) => d.file)
      expect(unsafe.sort()).toEqual(['content/a.md', 'content/b.md'])
      expect(await listFiles(probe.outDir)).toEqual([])
    } finally {
      await probe.dispose()
    }
  })
})

describe('output paths too long to write', () => {
  it('a permalink that makes a path of thousands of bytes is an error naming the file, not a failed write', async () => {
    const outcome = await buildFiles(
      {
        'content/a.md': `---\ntitle: A\ndate: 2025-05-01\nslug: ${'x'.repeat(240)}\n---\nBody.\n`,
      },
      { permalinks: { article: `/${':slug/'.repeat(18)}` } },
    )
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error.name).toBe('WartaBuildError')
    expect(outcome.diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/a.md',
        ruleId: 'unsafe-url',
        message: expect.stringContaining('bytes; at most 1024 are allowed'),
      }),
    ])
  })
})

describe('URLs that differ only in letter case or Unicode form are duplicates', () => {
  it.each([
    ['letter case', 'Berita', 'berita'],
    ['NFC and NFD é', 'caf\u00e9', 'cafe\u0301'],
    ['the Kelvin sign and K', 'K', '\u212a'],
    ['title-case and lower-case digraphs', '\u01c5', '\u01c6'],
  ])('%s: an error naming both files', async (_name, first, second) => {
    const outcome = await buildFiles({
      'content/first.md': `---\ntitle: First\ndate: 2025-05-01\nslug: ${JSON.stringify(first)}\n---\nBody.\n`,
      'content/second.md': `---\ntitle: Second\ndate: 2025-05-01\nslug: ${JSON.stringify(second)}\n---\nBody.\n`,
    })
    expect(outcome.diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/second.md',
        place: { line: 4, column: 7 },
        ruleId: 'duplicate-url',
        message: expect.stringContaining('content/first.md maps to'),
      }),
    ])
  })

  it('headlines that slug to the same URL in NFC and NFD are duplicates too', async () => {
    const outcome = await buildFiles({
      'content/nfc.md': article({ title: 'Caf\u00e9 baru' }),
      'content/nfd.md': article({ title: 'Cafe\u0301 baru' }),
    })
    expect(errorLines(outcome)).toEqual([
      expect.stringMatching(/^content\/nfd\.md:2:8 Duplicate URL .*content\/nfc\.md maps to/),
    ])
  })

  it('an article that takes a listing’s URL is reported at the article, naming the listing', async () => {
    const outcome = await buildFiles(
      {
        'content/a.md': article({ title: 'A', category: 'Berita' }),
        'content/b.md': `---\ntitle: B\ndate: 2025-05-01\nslug: Berita\n---\nBody.\n`,
      },
      { permalinks: { article: '/:slug/', category: '/:slug/' } },
    )
    expect(outcome.diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/b.md',
        place: { line: 4, column: 7 },
        ruleId: 'duplicate-url',
        message: expect.stringContaining('the category listing "Berita"'),
      }),
    ])
  })

  it('a public file that differs from a generated one only in case is a duplicate', async () => {
    const outcome = await buildFiles({ 'content/a.md': article({ title: 'A' }), 'public/Robots.TXT': 'x' })
    expect(errorLines(outcome)).toEqual([expect.stringMatching(/Duplicate URL \/Robots\.TXT/)])
  })
})

describe('symlinks in the site never copy files from outside it', () => {
  it('links in content/ and public/ to files and folders outside the site are skipped', async () => {
    const probe = await createSite({ 'content/a.md': article({ title: 'A' }), 'public/ok.txt': 'ok' })
    try {
      await symlink('/etc/passwd', path.join(probe.root, 'content', 'leak.md'))
      await symlink('/etc', path.join(probe.root, 'content', 'etc'))
      await symlink('/etc/passwd', path.join(probe.root, 'public', 'passwd.txt'))
      await symlink('/etc', path.join(probe.root, 'public', 'etc'))
      await mkdir(path.join(probe.root, 'public', 'nested'))
      await symlink('../../../../../../etc/hostname', path.join(probe.root, 'public', 'nested', 'host.txt'))
      const outcome = await buildSite(probe.root)
      expect(errorLines(outcome)).toEqual([])
      const files = await listFiles(probe.outDir)
      expect(files).toContain('ok.txt')
      expect(files.filter((f) => /passwd|etc\/|host/.test(f))).toEqual([])
      if (outcome.ok) expect(outcome.report.articles).toBe(1)
    } finally {
      await probe.dispose()
    }
  })
})
