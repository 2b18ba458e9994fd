import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { build, cacheDirOf } from '../../src/pipeline/build.js'
import { copySite, NOW, readOutput, siteConfig } from '../helpers.js'

const BANJIR = '2025/05/14/banjir-rendam-tiga-kelurahan-di-samarinda/index.html'

async function newsroom() {
  const root = await copySite('newsroom')
  const config = await siteConfig(root, { site: { title: 'Warta Test', url: 'https://news.example' } })
  const source = path.join(root, 'content/2025/05/banjir-samarinda.md')
  return { root, config, source, index: path.join(cacheDirOf(root), 'sources.ndjson') }
}

/** Sets a file's mtime back an hour, out of the window in which a same-size edit could go unseen. */
const age = (file: string) => utimes(file, new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000))

describe('the source index', () => {
  test('a warm build takes unchanged sources from the index; an edit with the same size and a new mtime is seen', async () => {
    const { config, source, index } = await newsroom()
    await age(source)
    await build(config, { now: NOW })
    expect((await readFile(index, 'utf8')).split('\n')[0]).toMatch(/"format":5/)
    const text = await readFile(source, 'utf8')
    const edited = text.replace('merendam', 'merendax')
    expect(edited.length).toBe(text.length)
    await writeFile(source, edited)
    await build(config, { now: NOW })
    expect(await readOutput(config.outDir as string, BANJIR)).toContain('merendax')
  })

  test('a link to the site’s new address is checked after the site moves, though the index kept only links to the old', async () => {
    const { root, source } = await newsroom()
    await age(source)
    const text = await readFile(source, 'utf8')
    await writeFile(source, `${text}\nPeta: [banjir](https://kabar.example/peta-banjir/).\n`)
    await age(source)
    const brokenLinks = async (url: string) => {
      const config = await siteConfig(root, { site: { title: 'Warta Test', url } })
      const report = await build(config, { now: NOW })
      return report.diagnostics.filter((d) => d.ruleId === 'broken-link').map((d) => d.message)
    }
    expect(await brokenLinks('https://news.example')).toEqual([])
    expect(await brokenLinks('https://kabar.example')).toEqual([
      'The link https://kabar.example/peta-banjir/ leads nowhere: the build writes no peta-banjir/index.html.',
    ])
  })

  test('an edit that keeps size and mtime is still seen when it lands within two seconds of the last check', async () => {
    const { config, source } = await newsroom()
    // A whole second (exact in any clock), the one the build starts in.
    const tick = Math.floor(Date.now() / 1000)
    await utimes(source, tick, tick)
    await build(config, { now: NOW })
    const text = await readFile(source, 'utf8')
    await writeFile(source, text.replace('merendam', 'merenday'))
    // The same timestamp tick: what a coarse file system clock would record.
    await utimes(source, tick, tick)
    expect((await stat(source)).mtimeMs).toBe(tick * 1000)
    await build(config, { now: NOW })
    expect(await readOutput(config.outDir as string, BANJIR)).toContain('merenday')
  })

  test('a corrupt index, or article cache entries gone from under it, cost only speed', async () => {
    const { root, config, source, index } = await newsroom()
    await age(source)
    await build(config, { now: NOW })
    const before = await readOutput(config.outDir as string, BANJIR)
    await rm(path.join(cacheDirOf(root), 'articles'), { recursive: true })
    await rm(path.join(config.outDir as string, BANJIR))
    await build(config, { now: NOW })
    expect(await readOutput(config.outDir as string, BANJIR)).toBe(before)
    await writeFile(index, '{"format":3,"fingerprint":"x"}\n["content/x.md",{')
    await rm(path.join(config.outDir as string, BANJIR))
    await build(config, { now: NOW })
    expect(await readOutput(config.outDir as string, BANJIR)).toBe(before)
  })
})

describe('generated files in a warm build', () => {
  test('a feed or sitemap changed on disk since the last build is made again; untouched ones keep their mtime', async () => {
    const { config } = await newsroom()
    const outDir = config.outDir as string
    await build(config, { now: NOW })
    const feed = path.join(outDir, 'feed', 'rss.xml')
    const sitemap = path.join(outDir, 'sitemap.xml')
    const [feedBefore, sitemapBefore] = await Promise.all([readFile(feed, 'utf8'), readFile(sitemap, 'utf8')])
    const sitemapStat = await stat(sitemap)
    await writeFile(feed, 'tampered')
    await build(config, { now: NOW })
    expect(await readFile(feed, 'utf8')).toBe(feedBefore)
    expect(await readFile(sitemap, 'utf8')).toBe(sitemapBefore)
    expect((await stat(sitemap)).mtimeMs).toBe(sitemapStat.mtimeMs)
  })
})

describe('the source index file', () => {
  test('grows by appended lines for changed sources, and a cut-off last line costs only that entry', async () => {
    const { root, config, source, index } = await newsroom()
    // Sources written just now are read again by every build (see the two-second test above).
    const content = path.join(root, 'content')
    for (const file of await readdir(content, { recursive: true })) await age(path.join(content, file))
    await build(config, { now: NOW })
    const lines = (await readFile(index, 'utf8')).trimEnd().split('\n')
    const text = await readFile(source, 'utf8')
    await writeFile(source, text.replace('merendam', 'menggenangi'))
    await age(source)
    await build(config, { now: NOW })
    const after = (await readFile(index, 'utf8')).trimEnd().split('\n')
    // One line for the edited source and one of slugs: the rest was not written again.
    expect(after.slice(0, lines.length)).toEqual(lines)
    expect(after.slice(lines.length).map((line) => JSON.parse(line)[0])).toEqual(['source', 'slugs'])
    // A build killed while appending leaves half a line: it is skipped, the file read again.
    await writeFile(index, `${after.join('\n')}\n["source","content/2025/05/banjir-samarinda.md",{"size":1`)
    await rm(path.join(config.outDir as string, BANJIR))
    await build(config, { now: NOW })
    expect(await readOutput(config.outDir as string, BANJIR)).toContain('menggenangi')
  })
})
