import { mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { WartaBuildError } from '../../src/errors/build-error.js'
import { formatDiagnostic } from '../../src/errors/diagnostic.js'
import { build } from '../../src/pipeline/build.js'
import { copySite, createTempDir, listFiles, NOW, runCli, siteConfig, writeConfigFile } from '../helpers.js'

/** Builds a site and returns the error it rejects with; fails the test if it builds. */
async function buildError(root: string): Promise<WartaBuildError> {
  const config = await siteConfig(root)
  const error = await build(config, { now: NOW }).then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof WartaBuildError)) throw new Error(`expected a WartaBuildError, got ${String(error)}`)
  return error
}

/** The errors a failed build carries; warnings (quality checks) may come with them. */
const errorsOf = (error: WartaBuildError) => error.diagnostics.filter((d) => d.severity === 'error')

const where = (error: WartaBuildError) =>
  errorsOf(error).map((d) => `${d.file}:${d.place?.line}:${d.place?.column} ${d.ruleId}`)

describe('a build with invalid sources', () => {
  test('rejects with a WartaBuildError', async () => {
    const config = await siteConfig(await copySite('broken'))
    await expect(build(config, { now: NOW })).rejects.toBeInstanceOf(WartaBuildError)
  })

  test('reports every invalid file, each at its line and column', async () => {
    const error = await buildError(await copySite('broken'))
    expect(where(error)).toEqual([
      'content/bad-date.md:3:7 front-matter-schema',
      'content/bad-yaml.md:2:14 front-matter-yaml',
      'content/empty.md:1:1 empty-file',
      'content/missing-title.md:1:1 front-matter-schema',
      'content/number-title.md:2:8 front-matter-schema',
    ])
  })

  test('formats every problem as path:line:column in the error’s message', async () => {
    const error = await buildError(await copySite('broken'))
    expect(error.message).toMatch(/^Build failed with 5 errors:\n/)
    for (const diagnostic of errorsOf(error)) {
      expect(formatDiagnostic(diagnostic)).toMatch(/^content\/[\w-]+\.md:\d+:\d+: error /)
      expect(error.message).toContain(formatDiagnostic(diagnostic))
    }
  })

  test('writes no output at all', async () => {
    const config = await siteConfig(await copySite('broken'))
    await build(config, { now: NOW }).catch(() => undefined)
    const outDir = config.outDir as string
    expect(await readdir(path.dirname(outDir))).toEqual([])
  })
})

describe('warta build on the command line', () => {
  test('exits 1 and prints every problem when sources are invalid', async () => {
    const root = await copySite('broken')
    await writeConfigFile(root)
    const { code, out, err } = await runCli(['build', '--root', root])
    expect(code).toBe(1)
    expect(out).toBe('')
    const expected = errorsOf(await buildError(root)).map(formatDiagnostic)
    expect(expected).toHaveLength(5)
    for (const line of expected) expect(err).toContain(line)
    expect(err).toContain('Build failed: 5 errors. The previous output was left as it was.')
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow(/ENOENT/)
  })

  test('exits 0 and prints a summary when the site builds', async () => {
    const root = await copySite('newsroom')
    await writeConfigFile(root, { timezone: 'Asia/Makassar' })
    const { code, out, err } = await runCli([
      'build',
      '--root',
      root,
      '--out',
      path.join(root, 'public-html'),
    ])
    expect(code, err).toBe(0)
    // Warnings (quality checks) may be printed; errors may not.
    expect(err).not.toMatch(/: error /)
    expect(out).toMatch(/^Built \d+ pages from 3 articles in \d+ ms → /)
    expect(await listFiles(path.join(root, 'public-html'))).toContain('index.html')
  })

  test('exits 1 with a config error when the folder has no config', async () => {
    const root = await createTempDir()
    const { code, err } = await runCli(['build', '--root', root])
    expect(code).toBe(1)
    expect(err).toMatch(/^Config error: No config file in /)
  })
})

describe('unsafe and colliding URLs', () => {
  test('a slug that climbs out of the output folder is an error naming the file and the slug line', async () => {
    const error = await buildError(await copySite('traversal'))
    expect(errorsOf(error)).toEqual([
      expect.objectContaining({
        file: 'content/escape.md',
        place: { line: 4, column: 7 },
        ruleId: 'unsafe-url',
        message: expect.stringContaining('../../../../etc'),
      }),
    ])
  })

  test('nothing is written anywhere for a slug that climbs out', async () => {
    const parent = await createTempDir()
    const outDir = path.join(parent, 'a', 'b', 'out')
    const config = await siteConfig(await copySite('traversal'), { outDir })
    await expect(build(config, { now: NOW })).rejects.toThrow(WartaBuildError)
    expect(await listFiles(parent)).toEqual([])
  })

  test('two sources mapping to one URL is an error naming both files', async () => {
    const error = await buildError(await copySite('duplicate'))
    expect(errorsOf(error)).toHaveLength(1)
    const [duplicate] = errorsOf(error)
    expect(duplicate).toMatchObject({ ruleId: 'duplicate-url', severity: 'error' })
    const named = [duplicate?.file, ...(duplicate?.message.match(/content\/[\w/-]+\.md/g) ?? [])]
    expect(named.sort()).toEqual(['content/a/pengumuman.md', 'content/b/pengumuman.md'])
    expect(duplicate?.message).toContain('/2025/05/16/pengumuman-hasil-seleksi/')
  })

  test('a public file that takes a page’s URL is an error naming the file', async () => {
    const root = await copySite('newsroom')
    await mkdir(path.join(root, 'public', 'archive'), { recursive: true })
    await writeFile(path.join(root, 'public', 'archive', 'index.html'), '<p>old archive</p>')
    const error = await buildError(root)
    expect(errorsOf(error)).toEqual([
      expect.objectContaining({ file: 'public/archive/index.html', ruleId: 'duplicate-url' }),
    ])
  })
})

describe('errors found fast, and none hidden', () => {
  const article = (title: string, date = '2025-05-16') =>
    `---\ntitle: ${title}\n${date ? `date: ${date}\n` : ''}---\n\nIsi berita dengan [tautan](https://example.org/).\n`

  test('one file without a date fails the build before any body is converted', async () => {
    const root = await createTempDir()
    await mkdir(path.join(root, 'content'), { recursive: true })
    for (let i = 0; i < 200; i++)
      await writeFile(path.join(root, 'content', `berita-${i}.md`), article(`Berita ${i}`))
    await writeFile(path.join(root, 'content', 'tanpa-tanggal.md'), article('Tanpa tanggal', ''))
    const error = await buildError(root)
    expect(where(error)).toEqual(['content/tanpa-tanggal.md:1:1 front-matter-schema'])
    // No article was converted, so the cache holds none.
    const cached = await listFiles(path.join(root, '.warta', 'cache', 'articles')).catch(() => [])
    expect(cached).toEqual([])
  })

  test('a schema extension that makes date optional is named, not a crash or an empty site', async () => {
    const root = await createTempDir()
    await mkdir(path.join(root, 'content'), { recursive: true })
    await writeFile(path.join(root, 'content', 'a.md'), article('Tanpa tanggal', ''))
    const config = await siteConfig(root, {
      schema: (base) => base.extend({ date: base.shape.date.optional() }),
    })
    const error = await build(config, { now: NOW }).then(
      () => undefined,
      (e: unknown) => e as WartaBuildError,
    )
    expect(error?.diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/a.md',
        ruleId: 'schema-extension',
        message: 'The site’s schema extension lets "date" through as missing; Warta needs it as a date.',
      }),
    ])
  })

  test('a schema extension that turns date into text is named with the key’s position', async () => {
    const root = await createTempDir()
    await mkdir(path.join(root, 'content'), { recursive: true })
    await writeFile(path.join(root, 'content', 'a.md'), article('Tanggal teks', 'kemarin'))
    const { z } = await import('zod')
    const config = await siteConfig(root, { schema: (base) => base.extend({ date: z.string() }) })
    const error = await build(config, { now: NOW }).catch((e: unknown) => e as WartaBuildError)
    expect(where(error as WartaBuildError)).toEqual(['content/a.md:3:7 schema-extension'])
  })

  test('files that are not markdown are named once, by extension', async () => {
    const root = await createTempDir()
    await mkdir(path.join(root, 'content', 'lama'), { recursive: true })
    await writeFile(path.join(root, 'content', 'a.md'), article('Satu'))
    for (const name of ['b.mdx', 'c.mdx', 'lama/d.mdx', 'lama/e.markdown'])
      await writeFile(path.join(root, 'content', name), article('Lain'))
    const report = await build(await siteConfig(root), { now: NOW })
    expect(report.diagnostics.filter((d) => d.ruleId === 'skipped-files')).toEqual([
      expect.objectContaining({
        file: 'content',
        severity: 'warning',
        message: 'Skipped 1 .markdown file, 3 .mdx files: Warta reads .md files only.',
      }),
    ])
  })
})
