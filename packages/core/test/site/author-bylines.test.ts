import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { build } from '../../src/pipeline/build.js'
import { createTempDir, NOW, readOutput, siteConfig } from '../helpers.js'

// "author: a name, { name, url }, or an id from authors/" (README): adding one author file must
// not turn every byline that was a plain name into an error.

const article = (slug: string, byline: string) =>
  `---\ntitle: Berita ${slug}\ndate: 2025-05-16T09:00\nslug: ${slug}\nsummary: Ringkasan berita ${slug}.\n${byline}\n---\nSAMARINDA — Isi berita ${slug}.\n`

async function siteWithAuthors() {
  const root = await createTempDir()
  await mkdir(path.join(root, 'authors'))
  await mkdir(path.join(root, 'content'))
  await writeFile(
    path.join(root, 'authors', 'rina.yml'),
    'name: Rina Wulandari\nrole: Redaktur Pelaksana\nbio: Meliput pemerintahan daerah sejak 2012.\n',
  )
  const files: Record<string, string> = {
    'plain.md': article('plain', 'author: DHV'),
    'entity.md': article('entity', 'author: rina'),
    'object.md': article('object', 'author: { name: rina, url: "https://rina.example" }'),
    'typo.md': article('typo', 'authors: [rnia, DHV]'),
  }
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, 'content', name), text)
  const config = await siteConfig(root, { permalinks: { article: '/:slug/', author: '/penulis/:slug/' } })
  return { root, config }
}

const bylines = (html: string) =>
  [...html.matchAll(/<li><a href="([^"]*)">([^<]*)<\/a><\/li>/g)].map((m) => `${m[2]} → ${m[1]}`)

describe('bylines on a site with an authors/ folder', () => {
  test('a name that is no author file’s id builds as the plain name it is, with a warning', async () => {
    const { config } = await siteWithAuthors()
    const report = await build(config, { now: NOW })
    expect(bylines(await readOutput(report.outDir, 'plain/index.html'))).toEqual(['DHV → /penulis/dhv/'])
    expect(report.diagnostics.filter((d) => d.ruleId === 'unknown-author')).toEqual([
      {
        file: 'content/plain.md',
        place: { line: 6, column: 9 },
        message: '"DHV" is not the id of a file in authors/, so it is shown as a plain name.',
        hint: 'For an author page with a bio, add authors/dhv.yml with `name: DHV` and write its id here; the ids are rina.',
        ruleId: 'unknown-author',
        severity: 'warning',
      },
      expect.objectContaining({
        file: 'content/typo.md',
        message:
          '"rnia" is not the id of a file in authors/, so it is shown as a plain name. Did you mean "rina"?',
        severity: 'warning',
      }),
      expect.objectContaining({
        file: 'content/typo.md',
        message: expect.stringMatching(/^"DHV" is not the id/),
      }),
    ])
  })

  test('an id names the author file: its name, and its page with the bio', async () => {
    const { config } = await siteWithAuthors()
    const report = await build(config, { now: NOW })
    expect(bylines(await readOutput(report.outDir, 'entity/index.html'))).toEqual([
      'Rina Wulandari → /penulis/rina/',
    ])
    expect(await readOutput(report.outDir, 'penulis/rina/index.html')).toContain('Rina Wulandari')
  })

  test('{ name, url } is always a plain author, even when its name is an id', async () => {
    const { config } = await siteWithAuthors()
    const report = await build(config, { now: NOW })
    const html = await readOutput(report.outDir, 'object/index.html')
    expect(bylines(html)).toEqual(['rina → /penulis/rina/'])
    expect(html).not.toContain('Rina Wulandari')
    expect(
      report.diagnostics.filter((d) => d.file === 'content/object.md' && d.ruleId === 'unknown-author'),
    ).toEqual([])
  })

  test('with --strict, the warning fails the build like any other', async () => {
    const { config } = await siteWithAuthors()
    await expect(build(config, { now: NOW, strict: true })).rejects.toMatchObject({
      diagnostics: expect.arrayContaining([
        expect.objectContaining({ ruleId: 'unknown-author', file: 'content/plain.md', severity: 'error' }),
      ]),
    })
  })
})
