import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from 'vitest'
import { createTempDir } from '../helpers.js'
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
  if (options.leadImage !== false) await writeFile(path.join(root, 'public', 'images', 'banjir.jpg'), 'jpeg')
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

test('a lead image missing from the site is reported at the image key, with where to put it', async () => {
  const { diagnostics } = await siteUnderBasePath('Teks.', { leadImage: false })
  expect(linesOf(diagnostics, 'broken-link')).toEqual([
    'content/banjir.md:5:8 The lead image /images/banjir.jpg is not in the site: the build writes no images/banjir.jpg.',
  ])
  expect(diagnostics.find((d) => d.ruleId === 'broken-link')?.hint).toBe(
    'Put the file in the site’s public/ folder (public/images/banjir.jpg), or correct the path.',
  )
})
