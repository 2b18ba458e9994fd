import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from 'vitest'
import { createTempDir } from '../helpers.js'
import { article, buildAndCheck, linesOf, qualityConfig } from './build-and-check.js'

test('a link to a release page whose name holds dots is not broken; a missing release is, at its place', async () => {
  const root = await createTempDir()
  await mkdir(path.join(root, 'content'), { recursive: true })
  await writeFile(
    path.join(root, 'content', 'v6.15.1.md'),
    article({ title: 'Rilis v6.15.1', slug: 'v6.15.1', category: 'release', summary: 'Perbaikan.' }),
  )
  await writeFile(
    path.join(root, 'content', 'catatan.md'),
    article(
      { title: 'Catatan rilis', category: 'release', summary: 'Daftar rilis.' },
      'Lihat [v6.15.1](/blog/release/v6.15.1), [juga](/blog/release/v6.15.1/) dan [v6.15.9](/blog/release/v6.15.9).',
    ),
  )
  const config = await qualityConfig(root)
  const { diagnostics, outputPaths } = await buildAndCheck({
    ...config,
    permalinks: { article: '/blog/:category/:slug/' },
  })
  expect(outputPaths).toContain('blog/release/v6.15.1/index.html')
  expect(linesOf(diagnostics, 'broken-link')).toEqual([
    'content/catatan.md:8:76 The link /blog/release/v6.15.9 leads nowhere: the build writes no blog/release/v6.15.9, blog/release/v6.15.9.html or blog/release/v6.15.9/index.html.',
  ])
})
