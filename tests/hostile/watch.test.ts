import { rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../packages/core/src/config/load-config.js'
import {
  type DevServer,
  dev,
  type RebuildErrorEvent,
  type RebuildEvent,
} from '../../packages/core/src/dev/dev.js'
import { article, createSite, NOW, siteConfig, type TempSite, writeFiles } from './helpers.js'

// The preview under the edits editors and people really make: atomic saves, bursts of
// saves, deletes, renames, new folders, broken files and a broken config. One coherent
// rebuild per burst, never two at once, never a dead watcher, never a stale page, and the
// last good site served while something is broken.

const THEME_DIR = path.join(import.meta.dirname, 'fixtures', 'theme')
const DEBOUNCE_MS = 400
const WAIT_MS = 30_000

const configSource = (title: string) =>
  [
    'export default {',
    `  site: { title: ${JSON.stringify(title)}, url: 'https://news.example' },`,
    `  theme: { name: 'hostile-test-theme', dir: ${JSON.stringify(THEME_DIR)}, strings: { en: {} }, helpers: (c) => ({ asset: (n) => c.asset(n) }) },`,
    "  permalinks: { article: '/:slug/' },",
    '}',
    '',
  ].join('\n')

const siteConfigFor = (root: string) => siteConfig(root, { permalinks: { article: '/:slug/' } })

const story = (slug: string, text: string) => article({ title: `Story ${slug}`, slug }, `${text}\n`)

let site: TempSite
let server: DevServer
const rebuilds: (RebuildEvent & { at: number })[] = []
const errors: (RebuildErrorEvent & { at: number })[] = []

async function page(sitePath: string): Promise<{ status: number; text: string }> {
  const response = await fetch(new URL(sitePath, server.url))
  return { status: response.status, text: await response.text() }
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = performance.now() + WAIT_MS
  while (performance.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

/** Waits until the page shows `text`, then until the watcher has been quiet a while. */
async function waitForPage(sitePath: string, text: string): Promise<void> {
  await waitFor(`${sitePath} to show "${text}"`, async () => (await page(sitePath)).text.includes(text))
  await settle()
}

/** Waits until no change is pending or building, and no file event came in for a debounce. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 2))
  await server.idle()
}

beforeAll(async () => {
  site = await createSite(
    {
      'warta.config.ts': configSource('Hostile Times'),
      'content/a.md': story('a', 'version 0'),
      'content/b.md': story('b', 'to be deleted'),
    },
    { inRepo: true },
  )
  const { config, file } = await loadConfig(site.root)
  server = await dev(config, { port: 0, configFile: file, debounceMs: DEBOUNCE_MS, now: () => NOW.getTime() })
  server.on('rebuild', (event) => rebuilds.push({ ...event, at: performance.now() }))
  server.on('error', (event) => errors.push({ ...event, at: performance.now() }))
  await waitForPage('/a/', 'version 0')
}, 120_000)

afterAll(async () => {
  await server?.close()
  await site?.dispose()
})

/** Counts the rebuilds and errors an action causes, once everything has settled. */
async function during(
  action: () => Promise<void>,
): Promise<{ rebuilds: RebuildEvent[]; errors: RebuildErrorEvent[] }> {
  await settle()
  const firstRebuild = rebuilds.length
  const firstError = errors.length
  await action()
  await settle()
  return { rebuilds: rebuilds.slice(firstRebuild), errors: errors.slice(firstError) }
}

describe('the preview under real editing', () => {
  it('an atomic save (write a temporary file, rename it over) is one rebuild', async () => {
    const seen = await during(async () => {
      const temporary = path.join(site.root, 'content', '.a.md.swp')
      await writeFile(temporary, story('a', 'atomic save'))
      await rename(temporary, path.join(site.root, 'content', 'a.md'))
      await waitForPage('/a/', 'atomic save')
    })
    expect(seen.rebuilds).toHaveLength(1)
    expect(seen.errors).toEqual([])
  })

  it('twenty saves in a second are one rebuild, showing the last save', async () => {
    const seen = await during(async () => {
      for (let i = 0; i < 20; i++) {
        await writeFiles(site.root, { 'content/a.md': story('a', `burst ${i}`) })
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      await waitForPage('/a/', 'burst 19')
    })
    expect(seen.rebuilds).toHaveLength(1)
    expect(seen.errors).toEqual([])
    expect((await page('/a/')).text).not.toMatch(/burst (1[0-8]|[0-9])\b/)
  })

  it('a deleted article disappears from the preview', async () => {
    const seen = await during(async () => {
      await rm(path.join(site.root, 'content', 'b.md'))
      await waitFor('/b/ to be gone', async () => (await page('/b/')).status === 404)
    })
    expect(seen.rebuilds.length).toBeGreaterThanOrEqual(1)
    expect(seen.rebuilds.flatMap((r) => r.removed)).toContain('b/index.html')
    expect(seen.errors).toEqual([])
  })

  it('a renamed file keeps its page, without a duplicate-URL error', async () => {
    const seen = await during(async () => {
      await rename(path.join(site.root, 'content', 'a.md'), path.join(site.root, 'content', 'renamed.md'))
      await writeFiles(site.root, { 'content/renamed.md': story('a', 'after the rename') })
      await waitForPage('/a/', 'after the rename')
    })
    expect(seen.errors).toEqual([])
    expect((await page('/a/')).status).toBe(200)
  })

  it('a new file in a new nested folder is built', async () => {
    const seen = await during(async () => {
      await writeFiles(site.root, { 'content/2025/new/deep/c.md': story('c', 'nested new file') })
      await waitForPage('/c/', 'nested new file')
    })
    expect(seen.errors).toEqual([])
  })

  it('a broken file is reported while the last good page stays up, and its fix is built', async () => {
    const broken = await during(async () => {
      await writeFiles(site.root, { 'content/renamed.md': '---\ntitle: [unclosed\n---\nbroken body\n' })
      await waitFor(
        'an error event',
        () => errors.length > 0 && errors.at(-1)?.text.includes('renamed.md') === true,
      )
    })
    expect(broken.errors.length).toBeGreaterThanOrEqual(1)
    expect(broken.errors.at(-1)?.diagnostics[0]).toMatchObject({
      file: 'content/renamed.md',
      severity: 'error',
    })
    const meanwhile = await page('/a/')
    expect(meanwhile.status).toBe(200)
    expect(meanwhile.text).toContain('after the rename')
    expect(meanwhile.text).not.toContain('broken body')

    const fixed = await during(async () => {
      await writeFiles(site.root, { 'content/renamed.md': story('a', 'fixed again') })
      await waitForPage('/a/', 'fixed again')
    })
    expect(fixed.rebuilds).toHaveLength(1)
    expect(fixed.errors).toEqual([])
  })

  it('a broken config file is reported while the site stays up, and its fix is built', async () => {
    const broken = await during(async () => {
      await writeFiles(site.root, { 'warta.config.ts': 'export default {\n  site: { title: \n' })
      await waitFor('a config error', () => errors.at(-1)?.text.includes('warta.config.ts') === true)
    })
    expect(broken.errors.length).toBeGreaterThanOrEqual(1)
    const meanwhile = await page('/')
    expect(meanwhile.status).toBe(200)
    expect(meanwhile.text).toContain('<h1>Hostile Times</h1>')

    const fixed = await during(async () => {
      await writeFiles(site.root, { 'warta.config.ts': configSource('Hostile Times Two') })
      await waitForPage('/', '<h1>Hostile Times Two</h1>')
    })
    expect(fixed.rebuilds.length).toBeGreaterThanOrEqual(1)
    expect(fixed.errors).toEqual([])
    expect((await page('/a/')).text).toContain('fixed again')
  })

  it('the watcher still works after all that, and nothing is stale', async () => {
    await writeFiles(site.root, { 'content/renamed.md': story('a', 'the very last save') })
    await waitForPage('/a/', 'the very last save')
    expect((await page('/c/')).text).toContain('nested new file')
    expect((await page('/b/')).status).toBe(404)
  })

  it('no two rebuilds ever ran at the same time', () => {
    const spans = rebuilds
      .map((r) => ({ start: r.at - r.durationMs, end: r.at }))
      .sort((a, b) => a.start - b.start)
    for (let i = 1; i < spans.length; i++)
      // A millisecond of slack: durations are rounded.
      expect(spans[i]?.start).toBeGreaterThanOrEqual((spans[i - 1]?.end ?? 0) - 1)
  })
})

describe('a config file in .mjs', () => {
  // jiti hands .mjs to Node's own import(), which caches modules by URL: every reload used to
  // return the first version. loadConfig (config/load-config.ts) now transpiles it, as a .ts.
  it('is reloaded when it changes', async () => {
    const mjs = await createSite(
      { 'warta.config.mjs': configSource('First title'), 'content/a.md': story('a', 'first') },
      { inRepo: true },
    )
    const { config, file } = await loadConfig(mjs.root)
    const preview = await dev(config, { port: 0, configFile: file, debounceMs: 50, now: () => NOW.getTime() })
    try {
      await writeFiles(mjs.root, { 'warta.config.mjs': configSource('Second title') })
      const deadline = performance.now() + 10_000
      let home = ''
      while (performance.now() < deadline && !home.includes('Second title')) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        home = await (await fetch(preview.url)).text()
      }
      expect(home).toContain('<h1>Second title</h1>')
    } finally {
      await preview.close()
      await mjs.dispose()
    }
  }, 60_000)
})

describe('a site folder whose own name starts with a dot', () => {
  // dev.ts' isIgnored tested the basename of every path against /^\.|~$|\.tmp$/, the watched
  // root included, so a site in `.site/` (or `news.tmp/`) was ignored whole.
  it('is watched like any other', async () => {
    const dotted = await createSite({}, { inRepo: true })
    const root = path.join(dotted.root, '.dotted')
    await writeFiles(root, { 'content/a.md': story('a', 'first') })
    const preview = await dev(siteConfigFor(root), { port: 0, debounceMs: 50, now: () => NOW.getTime() })
    try {
      await writeFiles(root, { 'content/a.md': story('a', 'second') })
      const deadline = performance.now() + 10_000
      let text = ''
      while (performance.now() < deadline && !text.includes('second')) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        text = await (await fetch(new URL('/a/', preview.url))).text()
      }
      expect(text).toContain('second')
    } finally {
      await preview.close()
      await dotted.dispose()
    }
  }, 60_000)
})
