// The worker pool that converts markdown, started from places a library user starts it: a
// `node --input-type=module -e` one-liner (whose flags a worker thread refuses), and with a
// worker module that does not load (a broken install). Both used to end the process with an
// unhandled error, or, with an error listener, wait for ever. Needs `pnpm build` first: the
// pool loads the built worker.
import { cp, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runProcess } from '../run-process.js'
import { article, createSite, repoRoot, type TempSite } from './helpers.js'

const THEME = path.join(repoRoot, 'tests', 'hostile', 'fixtures', 'theme')
let site: TempSite
let brokenCore: string

/** A build run as `node [flags] --input-type=module -e <script>`, with two worker threads. */
async function buildFromEval(
  core: string,
  flags: string[] = [],
): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const script = `
import { build } from ${JSON.stringify(path.join(core, 'index.js'))}
const theme = { name: 'hostile-test-theme', dir: ${JSON.stringify(THEME)}, strings: { en: {} }, helpers: (c) => ({ asset: (n) => c.asset(n) }) }
const report = await build({ root: ${JSON.stringify(site.root)}, site: { title: 'Hostile Times', url: 'https://news.example' }, theme }, { cache: false, now: Date.parse('2025-06-01') })
console.log(report.summary)
`
  const started = performance.now()
  const run = await runProcess(process.execPath, [...flags, '--input-type=module', '-e', script], {
    env: { ...process.env, WARTA_WORKERS: '2' },
    timeout: 60_000,
  })
  return { code: run.code, out: run.out.trim(), err: run.err.trim(), ms: performance.now() - started }
}

beforeAll(async () => {
  const files: Record<string, string> = {}
  // Enough articles for the pool to be used (48 and more).
  for (let i = 0; i < 60; i++)
    files[`content/berita-${i}.md`] = article(
      { title: `Berita ${i}`, slug: `berita-${i}` },
      `Isi berita ${i}.\n`,
    )
  site = await createSite(files)
  // A copy of the built package inside it, so that its imports resolve, with a worker that throws as it loads.
  brokenCore = path.join(repoRoot, 'packages', 'core', `.tmp-broken-dist-${process.pid}`)
  await cp(path.join(repoRoot, 'packages', 'core', 'dist'), brokenCore, { recursive: true })
  await writeFile(
    path.join(brokenCore, 'content', 'process-worker.js'),
    // It links (it has the export the worker entry imports) and throws as it runs.
    "throw new Error('this worker module is broken')\nexport function processBatch() {}\n",
  )
})

afterAll(async () => {
  await site?.dispose()
  if (brokenCore) await rm(brokenCore, { recursive: true, force: true })
})

describe('the worker pool', () => {
  it('starts from a `node --input-type=module -e` one-liner: workers do not take its flags', async () => {
    const run = await buildFromEval(path.join(repoRoot, 'packages', 'core', 'dist'))
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/^Built \d+ pages from 60 articles in \d+ ms/)
  })

  it('starts under a V8 memory flag, which worker threads refuse: the image workers draw the share cards', async () => {
    // Without the last test's site, so that the cards counted are this build's.
    await rm(path.join(site.root, 'dist'), { recursive: true, force: true })
    const run = await buildFromEval(path.join(repoRoot, 'packages', 'core', 'dist'), [
      '--max-old-space-size=2048',
    ])
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/^Built \d+ pages from 60 articles in \d+ ms/)
    const cards = await readdir(path.join(site.root, 'dist', 'assets', 'img'))
    // A card per article (none has a photo), the site's card and its logo.
    expect(cards.filter((name) => name.endsWith('.png')).length).toBeGreaterThanOrEqual(62)
  })

  it('whose worker module does not load fails the build at once, saying so, instead of hanging', async () => {
    const run = await buildFromEval(brokenCore)
    expect(run.code).toBe(1)
    expect(run.err).toContain(
      '(worker threads): error The worker threads that convert markdown could not start: this worker module is broken [content-worker]',
    )
    expect(run.err).toContain('hint: Set WARTA_WORKERS=0 to convert on the main thread')
    // A safety bound, far above the few seconds it takes: a hang would run into the timeout.
    expect(run.ms).toBeLessThan(30_000)
  })
})
