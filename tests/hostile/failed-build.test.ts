import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as built from '../../packages/core/dist/index.js'
import {
  article,
  buildSite,
  createSite,
  errorLines,
  hashesOf,
  NOW,
  siteConfig,
  snapshotDir,
  type TempSite,
  writeFiles,
} from './helpers.js'

// A build that fails, at any stage, leaves the output folder exactly as it was: the same
// bytes and the same mtimes. And the same input always gives the same bytes.

/** Makes writes into a staging folder fail after a number of them, as a full disk would. */
const disk = vi.hoisted(() => ({ failAfter: Number.POSITIVE_INFINITY, writes: 0 }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>()
  const writeFile: typeof actual.writeFile = async (file, ...rest) => {
    if (/[/\\]staging-/.test(String(file)) && ++disk.writes > disk.failAfter)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    return actual.writeFile(file, ...rest)
  }
  return { ...actual, writeFile, default: { ...actual, writeFile } }
})

const SOURCES: Record<string, string> = {}
for (let i = 0; i < 30; i++)
  SOURCES[`content/story-${i}.md`] = article(
    {
      title: `Story ${i}: Café «${i}» & <more>`,
      date: `2025-05-${String((i % 28) + 1).padStart(2, '0')}T08:00:00+08:00`,
      category: ['Politik', 'Ekonomi', 'Budaya'][i % 3],
      tags: [`Tag ${i % 4}`],
      author: `Writer ${i % 3}`,
    },
    `First paragraph of story ${i}.\n\n| a | b |\n|---|---|\n| ${i} | ~~x~~ |\n\n## Heading ${i}\n\nMore.\n`,
  )
SOURCES['public/robots-extra.txt'] = 'static file'

let site: TempSite

/** Folders a build works in, left over: beside the output folder, or in the site's .warta/output/dist/. */
const leftovers = async () => [
  ...(await readdir(site.root)).filter((n) => n.startsWith('.dist')),
  ...(await readdir(path.join(site.root, '.warta', 'output', 'dist'))).filter(
    (n) => !['record.json', 'spare'].includes(n),
  ),
]

beforeAll(async () => {
  site = await createSite(SOURCES)
  const first = await buildSite(site.root)
  expect(errorLines(first)).toEqual([])
}, 60_000)

afterAll(() => site?.dispose())

describe('a failed build leaves the output folder byte for byte as it was, mtimes included', () => {
  /** What breaks, how to break and repair it, the config to build with, and the error to expect. */
  const failures: [string, () => Promise<() => Promise<void>>, Parameters<typeof buildSite>[1], RegExp][] = [
    [
      'an invalid article',
      async () => {
        await writeFiles(site.root, { 'content/broken.md': '---\ntitle: [unclosed\n---\nx\n' })
        return () => rm(path.join(site.root, 'content/broken.md'))
      },
      {},
      /content\/broken\.md:\d+:\d+: error Invalid YAML/,
    ],
    [
      'a template syntax error',
      async () => {
        await writeFiles(site.root, { 'layouts/article.hbs': '{{!< base}}\n{{#if article}}\n' })
        return () => rm(path.join(site.root, 'layouts'), { recursive: true })
      },
      {},
      /layouts\/article\.hbs.*template-syntax/,
    ],
    [
      'a helper that throws while rendering',
      async () => {
        await writeFiles(site.root, { 'layouts/listing.hbs': '{{!< base}}\n{{asset "missing.css"}}\n' })
        return () => rm(path.join(site.root, 'layouts'), { recursive: true })
      },
      {},
      /missing\.css.*template-render/,
    ],
    [
      'two articles with the same URL',
      async () => {
        await writeFiles(site.root, { 'content/copy.md': SOURCES['content/story-3.md'] as string })
        return () => rm(path.join(site.root, 'content/copy.md'))
      },
      {},
      /duplicate-url/,
    ],
    ['an invalid config', async () => async () => {}, { pageSize: 0 }, /pageSize must be a whole number/],
    [
      'a disk that fills up halfway through writing',
      async () => {
        // A change, so that files are written rather than linked from the previous build.
        await writeFiles(site.root, { 'content/story-0.md': article({ title: 'Story 0, rewritten' }) })
        disk.writes = 0
        disk.failAfter = 3
        return async () => {
          disk.failAfter = Number.POSITIVE_INFINITY
          await writeFiles(site.root, { 'content/story-0.md': SOURCES['content/story-0.md'] as string })
        }
      },
      {},
      /ENOSPC: no space left on device/,
    ],
  ]

  it.each(failures)('%s', async (_name, breakIt, config, expected) => {
    const before = await snapshotDir(site.outDir)
    expect(Object.keys(before).length).toBeGreaterThan(30)
    const repair = await breakIt()
    try {
      const outcome = await buildSite(site.root, config)
      expect(outcome.ok).toBe(false)
      if (!outcome.ok) expect(outcome.error.message).toMatch(expected)
    } finally {
      await repair()
    }
    expect(await snapshotDir(site.outDir)).toEqual(before)
    expect(await leftovers()).toEqual([])
  })

  it('after the failures, the site builds again and nothing changed on disk', async () => {
    const before = await snapshotDir(site.outDir)
    const outcome = await buildSite(site.root)
    expect(errorLines(outcome)).toEqual([])
    if (outcome.ok) expect(outcome.report.written).toBe(0)
    expect(await snapshotDir(site.outDir)).toEqual(before)
  })
})

describe('the same input gives the same bytes', () => {
  it('two builds into two folders are byte-identical', async () => {
    const a = path.join(site.root, 'out-a')
    const b = path.join(site.root, 'out-b')
    expect(errorLines(await buildSite(site.root, { outDir: a }))).toEqual([])
    expect(errorLines(await buildSite(site.root, { outDir: b }))).toEqual([])
    const first = hashesOf(await snapshotDir(a))
    expect(Object.keys(first).length).toBeGreaterThan(30)
    expect(hashesOf(await snapshotDir(b))).toEqual(first)
    expect(hashesOf(await snapshotDir(site.outDir))).toEqual(first)
  })

  it('a build from the cache equals a build without it', async () => {
    const cold = path.join(site.root, 'out-cold')
    const warm = path.join(site.root, 'out-warm')
    await buildSite(site.root, { outDir: cold }, { cache: true })
    expect(errorLines(await buildSite(site.root, { outDir: warm }, { cache: true }))).toEqual([])
    expect(hashesOf(await snapshotDir(warm))).toEqual(hashesOf(await snapshotDir(cold)))
    expect(hashesOf(await snapshotDir(warm))).toEqual(hashesOf(await snapshotDir(site.outDir)))
  })

  it('worker threads make the same bytes as the build thread', async () => {
    const extra: Record<string, string> = {}
    for (let i = 30; i < 80; i++)
      extra[`content/more-${i}.md`] = article(
        { title: `More ${i} — ünïcödé`, date: '2025-04-01', category: 'Politik' },
        `Body ${i} with **bold** and \`code\`.\n`,
      )
    const big = await createSite({ ...SOURCES, ...extra }, { inRepo: true })
    const previous = process.env.WARTA_WORKERS
    try {
      process.env.WARTA_WORKERS = '0'
      await built.build(siteConfig(big.root, { outDir: 'one-thread' }), { cache: false, now: NOW })
      process.env.WARTA_WORKERS = '2'
      await built.build(siteConfig(big.root, { outDir: 'workers' }), { cache: false, now: NOW })
      const oneThread = hashesOf(await snapshotDir(path.join(big.root, 'one-thread')))
      expect(Object.keys(oneThread).length).toBeGreaterThan(80)
      expect(hashesOf(await snapshotDir(path.join(big.root, 'workers')))).toEqual(oneThread)
    } finally {
      process.env.WARTA_WORKERS = previous
      await big.dispose()
    }
  }, 120_000)
})
