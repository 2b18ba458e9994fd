import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from 'vitest'
import { WartaBuildError } from '../../src/errors/build-error.js'
import { createTempDir, writePhoto } from '../helpers.js'
import { buildAndCheck, linesOf, qualityConfig } from './build-and-check.js'

const ARTICLE = (body: string) =>
  [
    '---',
    'title: Banjir Rendam Tiga Kelurahan',
    'date: 2025-05-14T08:00',
    'summary: Hujan deras merendam tiga kelurahan di Samarinda.',
    'image: { src: /images/banjir.jpg, alt: Jalan yang terendam, width: 1600 }',
    '---',
    '',
    body,
    '',
  ].join('\n')

/** A one-article site served under /berita/, with the given body. */
async function siteUnderBasePath(body: string, options: { leadImage?: boolean } = {}) {
  const root = await createTempDir()
  await mkdir(path.join(root, 'content'), { recursive: true })
  await mkdir(path.join(root, 'public', 'images'), { recursive: true })
  if (options.leadImage !== false)
    await writePhoto(path.join(root, 'public', 'images', 'banjir.jpg'), 1600, 1067)
  await writeFile(path.join(root, 'content', 'banjir.md'), ARTICLE(body))
  return buildAndCheck(
    await qualityConfig(root, { url: 'https://warta.example/berita', basePath: '/berita/' }),
  )
}

test('under a base path, links written with it, relative links and the lead image resolve', async () => {
  const { diagnostics } = await siteUnderBasePath(
    'Lihat [arsip](/berita/archive/), [beranda](../../../../), [ini](./) dan [luar](https://warta.example/toko/).',
  )
  expect(linesOf(diagnostics, 'broken-link')).toEqual([])
})

test('under a base path, a site-relative link without it is reported when the site has the page it means', async () => {
  const { diagnostics } = await siteUnderBasePath('Lihat [arsip](/archive/) dan [toko](/toko/).')
  expect(linesOf(diagnostics, 'broken-link')).toEqual([
    'content/banjir.md:8:7 The link /archive/ leads outside the site, which is at /berita/; the page is at /berita/archive/.',
  ])
  expect(diagnostics.find((d) => d.ruleId === 'broken-link')?.hint).toBe(
    'Links in the body are not given the base path: write /berita/archive/, or a relative link.',
  )
})

test('under a base path, a lead image and body images written with the base path or without it are found in public/', async () => {
  const { report } = await siteUnderBasePath('![Peta](/berita/images/banjir.jpg) ![Foto](/images/banjir.jpg)')
  const html = await readFile(
    path.join(report.outDir, '2025/05/14/banjir-rendam-tiga-kelurahan/index.html'),
    'utf8',
  )
  const sources = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1])
  expect(sources.length).toBeGreaterThanOrEqual(2)
  for (const src of sources) expect(src).toMatch(/^\/berita\/assets\/img\/banjir-[0-9a-f]{10}-\d+\.jpg$/)
  expect(report.diagnostics.filter((d) => d.ruleId === 'image-missing')).toEqual([])
})

test('a lead image missing from the site fails the build at the image key, with where to put it', async () => {
  const failure = await siteUnderBasePath('Teks.', { leadImage: false }).catch(
    (error: WartaBuildError) => error,
  )
  expect(failure).toBeInstanceOf(WartaBuildError)
  const diagnostics = (failure as WartaBuildError).diagnostics
  expect(linesOf(diagnostics, 'image-missing')).toEqual([
    'content/banjir.md:5:8 The lead image /images/banjir.jpg does not exist (looked for public/images/banjir.jpg).',
  ])
  expect(diagnostics.find((d) => d.ruleId === 'image-missing')?.severity).toBe('error')
  expect(diagnostics.find((d) => d.ruleId === 'image-missing')?.hint).toBe(
    'Put the file in public/ (for /images/x.jpg) or beside the article (for x.jpg), or correct the path.',
  )
})
