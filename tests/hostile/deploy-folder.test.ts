import { lstat, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dev } from '../../packages/core/src/dev/dev.js'
import { build } from '../../packages/core/src/pipeline/build.js'
import { article, createSite, listFiles, NOW, siteConfig, type TempSite, writeFiles } from './helpers.js'

// The usual GitHub Pages deploy: the output folder is a worktree of the gh-pages branch, with
// a .git of its own and the host's CNAME and .nojekyll. Warta never wrote them; no build, no
// --no-cache build, no preview may remove or change them.

const DEPLOY_FILES: Record<string, string> = {
  CNAME: 'hostile.news.example\n',
  '.nojekyll': '',
  '.git/HEAD': 'ref: refs/heads/gh-pages\n',
  '.git/config': '[core]\n\tbare = false\n',
  '.git/objects/pack/pack-0badc0de.idx': 'not really a pack index',
  '.well-known/security.txt': 'Contact: mailto:redaksi@hostile.news.example\n',
}

/** Each deploy file's bytes, inode and mtime: a file moved with the site keeps all three. */
async function deployState(outDir: string) {
  const state: Record<string, { text: string; ino: number; mtimeMs: number }> = {}
  for (const file of Object.keys(DEPLOY_FILES)) {
    const full = path.join(outDir, file)
    const info = await lstat(full)
    state[file] = { text: await readFile(full, 'utf8'), ino: info.ino, mtimeMs: info.mtimeMs }
  }
  return state
}

const story = (n: number) =>
  article({ title: `Berita ${n}`, slug: 'berita', date: '2025-05-01' }, `Isi ${n}.\n`)

let site: TempSite

beforeAll(async () => {
  site = await createSite({ 'content/berita.md': story(0) })
})

afterAll(() => site?.dispose())

describe('a gh-pages worktree as the output folder', () => {
  it('keeps CNAME and .git through two builds in a row', async () => {
    await writeFiles(site.outDir, DEPLOY_FILES)
    const before = await deployState(site.outDir)
    const config = siteConfig(site.root, { permalinks: { article: '/:slug/' } })
    const first = await build(config, { now: NOW })
    expect(first.kept.sort()).toEqual(['.git', '.nojekyll', '.well-known', 'CNAME'])
    await writeFiles(site.root, { 'content/berita.md': story(1) })
    await build(config, { now: NOW })
    expect(await deployState(site.outDir)).toEqual(before)
    expect(await readFile(path.join(site.outDir, 'berita', 'index.html'), 'utf8')).toContain('Isi 1.')
  })

  it('keeps them through a hundred builds, with and without the cache, the content changing each time', async () => {
    const before = await deployState(site.outDir)
    const config = siteConfig(site.root, { permalinks: { article: '/:slug/' } })
    for (let round = 2; round < 102; round++) {
      await writeFiles(site.root, { 'content/berita.md': story(round) })
      await build(config, { now: NOW, cache: round % 3 !== 0 })
    }
    expect(await deployState(site.outDir)).toEqual(before)
    expect(await readFile(path.join(site.outDir, 'berita', 'index.html'), 'utf8')).toContain('Isi 101.')
    // And nothing of them went anywhere else: not beside the output folder, not into the spare.
    expect((await listFiles(site.root)).filter((f) => f.endsWith('CNAME') || f.includes('.git/'))).toEqual([
      'dist/.git/HEAD',
      'dist/.git/config',
      'dist/.git/objects/pack/pack-0badc0de.idx',
      'dist/CNAME',
    ])
  }, 120_000)

  it('the preview, pointed at the same folder, keeps them too, and a build afterwards knows its files', async () => {
    const before = await deployState(site.outDir)
    const config = siteConfig(site.root, { permalinks: { article: '/:slug/' } })
    const preview = await dev(config, { port: 0, outDir: site.outDir, now: () => NOW.getTime() })
    try {
      await writeFiles(site.root, { 'content/berita.md': story(200) })
      const deadline = performance.now() + 10_000
      let text = ''
      while (performance.now() < deadline && !text.includes('Isi 200.')) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        text = await (await fetch(new URL('/berita/', preview.url))).text()
      }
      expect(text).toContain('Isi 200.')
    } finally {
      await preview.close()
    }
    expect(await deployState(site.outDir)).toEqual(before)
    await build(config, { now: NOW })
    expect(await deployState(site.outDir)).toEqual(before)
  }, 60_000)

  it('a file of the deploy folder where the site writes its own stops the build, and stays as it was', async () => {
    const config = siteConfig(site.root, { permalinks: { article: '/:slug/' } })
    // A page someone put into the deploy folder by hand, where a new article now goes.
    await writeFiles(site.outDir, { 'baru/index.html': '<h1>Halaman lama</h1>' })
    await writeFiles(site.root, { 'content/baru.md': article({ title: 'Baru', slug: 'baru' }) })
    const error = await build(config, { now: NOW }).catch((e: unknown) => e as Error)
    expect(String(error)).toContain(
      'dist/baru/index.html: error This file was not written by Warta, and the build writes its own here. [output-foreign]',
    )
    expect(await readFile(path.join(site.outDir, 'baru', 'index.html'), 'utf8')).toBe('<h1>Halaman lama</h1>')
    // Moved away, the build goes through.
    await rm(path.join(site.outDir, 'baru'), { recursive: true })
    await build(config, { now: NOW })
    expect(await readFile(path.join(site.outDir, 'baru', 'index.html'), 'utf8')).toContain('Baru')
  })
})
