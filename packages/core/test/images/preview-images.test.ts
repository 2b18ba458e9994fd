// The preview never waits on pictures: a page shows its photo at once (the source file, with
// its real size), then its responsive set when the background work is done.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from 'vitest'
import { dev } from '../../src/dev/start-dev.js'
import { testTheme } from '../fixtures/theme/index.js'
import { createTempDir, NOW, writePhoto } from '../helpers.js'

const PAGE = '2025/05/14/banjir-di-samarinda/index.html'

test('the preview serves a new photo as its source at once, then its responsive set', async () => {
  const root = await createTempDir()
  await mkdir(path.join(root, 'content'), { recursive: true })
  await mkdir(path.join(root, 'public/images'), { recursive: true })
  await writePhoto(path.join(root, 'public/images/banjir.jpg'), 3000, 2000)
  await writeFile(
    path.join(root, 'content/banjir.md'),
    '---\ntitle: Banjir di Samarinda\ndate: 2025-05-14T08:00\nimage: { src: /images/banjir.jpg, alt: Banjir }\n---\n\nTeks.\n',
  )
  const server = await dev(
    { root, site: { title: 'Warta Uji', url: 'https://uji.example' }, theme: testTheme },
    { port: 0, now: () => NOW.getTime() },
  )
  try {
    const first = await readFile(path.join(server.outDir, PAGE), 'utf8')
    const pending =
      /<picture class="lead"><img src="\/(assets\/img\/banjir-[0-9a-f]{10}\.jpg)" alt="Banjir" width="3000" height="2000">/.exec(
        first,
      )
    expect(pending, first).not.toBeNull()
    expect((await stat(path.join(server.outDir, pending?.[1] ?? ''))).size).toBe(
      (await stat(path.join(root, 'public/images/banjir.jpg'))).size,
    )
    await server.idle()
    const made = await readFile(path.join(server.outDir, PAGE), 'utf8')
    const srcset = /<img src="[^"]+" srcset="([^"]+)"/.exec(made)?.[1] ?? ''
    const files = srcset.split(', ').map((entry) => entry.split(' ')[0]?.slice(1) ?? '')
    expect(files).toHaveLength(7)
    for (const file of files) expect((await stat(path.join(server.outDir, file))).isFile()).toBe(true)
    expect(made).toContain('<source type="image/avif"')
  } finally {
    await server.close()
  }
}, 120_000)
