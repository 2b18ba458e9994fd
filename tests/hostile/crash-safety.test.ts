import { type ChildProcess, spawn } from 'node:child_process'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { locateOutputFolders, recoverOutput } from '../../packages/core/src/write/output-folders.js'
import { loadOutputRecord } from '../../packages/core/src/write/output-record.js'
import { article, createSite, hashesOf, NOW, snapshotDir, type TempSite, writeFiles } from './helpers.js'

// A build killed with SIGKILL at any point must leave the previous site, or the whole new
// one: never a mix, never a truncated file. The next build clears what the killed one left.
// The output folder is also a deploy folder (a gh-pages worktree): its CNAME and .git, which
// Warta did not write, survive every kill and every build.

const CHILD = path.join(import.meta.dirname, 'fixtures', 'build-child.mjs')
const ARTICLES = 300
const CATEGORIES = ['Politik', 'Ekonomi', 'Olahraga', 'Budaya', 'Hukum', 'Teknologi']

/** The site's articles for one round: every body names the round, so every page changes. */
function sources(round: number): Record<string, string> {
  const files: Record<string, string> = {}
  for (let i = 0; i < ARTICLES; i++) {
    const day = String((i % 28) + 1).padStart(2, '0')
    files[`content/${String(i).padStart(3, '0')}.md`] = article(
      {
        title: `Story ${i}`,
        date: `2025-0${(i % 5) + 1}-${day}T${String(i % 24).padStart(2, '0')}:00:00Z`,
        category: CATEGORIES[i % CATEGORIES.length],
        tags: [`tag-${i % 10}`, `tag-${i % 7}`],
        author: `Writer ${i % 5}`,
        summary: `Summary of story ${i}, round ${round}.`,
      },
      `Round ${round} of story ${i}.\n\n${'A paragraph of reporting with *emphasis* and [a link](https://x.example/). '.repeat(20)}\n\n## Details\n\nMore text, round ${round}.\n`,
    )
  }
  // One article comes and goes each round, so that the file list changes too.
  files[`content/extra-${round}.md`] = article({ title: `Extra ${round}`, date: '2025-05-20' })
  return files
}

interface ChildRun {
  child: ChildProcess
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>
}

function startBuild(root: string): ChildRun {
  const child = spawn(process.execPath, [CHILD, root, String(NOW.getTime())], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk) => {
    stdout += chunk
  })
  child.stderr?.on('data', (chunk) => {
    stderr += chunk
  })
  const done = new Promise<{
    code: number | null
    signal: NodeJS.Signals | null
    stdout: string
    stderr: string
  }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })))
  return { child, done }
}

async function buildToCompletion(root: string): Promise<number> {
  const started = performance.now()
  const result = await startBuild(root).done
  if (result.code !== 0) throw new Error(`build failed (${result.code}): ${result.stderr}`)
  return performance.now() - started
}

/** Times a build to completion, and when its staging folder first appears. */
async function measureBuild(root: string): Promise<{ duration: number; writingAt: number }> {
  const started = performance.now()
  const run = startBuild(root)
  let writingAt: number | undefined
  let finished = false
  const exited = run.done.then((result) => {
    finished = true
    return result
  })
  while (!finished) {
    if (
      writingAt === undefined &&
      (await readdir(stateDir(root))).some((name) => name.startsWith('staging-'))
    )
      writingAt = performance.now() - started
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
  const result = await exited
  if (result.code !== 0) throw new Error(`build failed (${result.code}): ${result.stderr}`)
  const duration = performance.now() - started
  return { duration, writingAt: writingAt ?? duration * 0.8 }
}

/** Resolves as soon as a build moves the old site aside (or ends). */
async function untilSwapOrExit(root: string, run: ChildRun): Promise<void> {
  let exited = false
  void run.done.then(() => {
    exited = true
  })
  while (!exited && !(await readdir(stateDir(root))).includes('previous'))
    await new Promise((resolve) => setImmediate(resolve))
}

/** Where builds of `dist` keep their record and work folders. */
const stateDir = (root: string) => path.join(root, '.warta', 'output', 'dist')

/** Folders a build works in, left over (the spare, the site before, and the record are kept on purpose); and anything beside the output folder. */
async function leftovers(root: string): Promise<string[]> {
  const work = (await readdir(stateDir(root))).filter((name) => !['spare', 'record.json'].includes(name))
  const beside = (await readdir(root)).filter((name) => name.startsWith('.dist'))
  return [...work, ...beside].sort()
}

const sameFiles = (a: Record<string, string>, b: Record<string, string>) =>
  JSON.stringify(a) === JSON.stringify(b)

/** What a gh-pages worktree holds besides the site: not Warta's. */
const DEPLOY_FILES: Record<string, string> = {
  CNAME: 'hostile.news.example\n',
  '.git/HEAD': 'ref: refs/heads/gh-pages\n',
  '.git/objects/info/packs': 'P pack-0badc0de.pack\n',
  'assets/vendor/analytics.js': 'track()\n',
}
const deployHashes = async (dir: string) => {
  const all = hashesOf(await snapshotDir(dir))
  return Object.fromEntries(Object.keys(DEPLOY_FILES).map((file) => [file, all[file]]))
}
/** The site's files only: the deploy files are not Warta's, and are checked on their own. */
const siteHashes = async (dir: string) =>
  Object.fromEntries(
    Object.entries(hashesOf(await snapshotDir(dir))).filter(([file]) => !(file in DEPLOY_FILES)),
  )

let site: TempSite

beforeAll(async () => {
  site = await createSite(sources(0))
  await buildToCompletion(site.root)
  await writeFiles(site.outDir, DEPLOY_FILES)
}, 120_000)

afterAll(() => site?.dispose())

describe('a build killed with SIGKILL', () => {
  it('leaves the previous site or the new one whole, at five points across the build', async () => {
    // How long a build of changed content takes, start to end, as the kills will see it, and
    // when it starts writing (its staging folder appears): three kills land while it writes.
    await writeFiles(site.root, sources(1))
    const { duration, writingAt } = await measureBuild(site.root)
    const writing = duration - writingAt
    const delays = [
      duration * 0.2,
      duration * 0.5,
      writingAt + writing * 0.2,
      writingAt + writing * 0.6,
      writingAt + writing * 0.95,
    ].map(Math.round)
    // And one more at the swap itself: the moment the old site is moved aside.
    const kills: (number | 'swap')[] = [...delays, 'swap']
    const outcomes: string[] = []
    const deploy = await deployHashes(site.outDir)
    for (const [round, delay] of kills.entries()) {
      const previous = await siteHashes(site.outDir)
      await rm(path.join(site.root, 'content', `extra-${round + 1}.md`))
      await writeFiles(site.root, sources(round + 2))
      const run = startBuild(site.root)
      if (delay === 'swap') await untilSwapOrExit(site.root, run)
      else await new Promise((resolve) => setTimeout(resolve, delay))
      run.child.kill('SIGKILL')
      const killed = await run.done

      // What a reader (or a server) sees right after the kill.
      const hadOutput = (await readdir(site.root)).includes('dist')
      const observed = hadOutput ? await siteHashes(site.outDir) : undefined
      const aside = path.join(stateDir(site.root), 'previous')
      const restorable = hadOutput ? undefined : await siteHashes(aside)
      // The deploy files are in the output folder, or (killed just after the swap) still in
      // the site moved aside, from where recovery moves them on.
      const deployNow = await deployHashes(site.outDir)
      const deployAside = await deployHashes(aside)
      for (const file of Object.keys(DEPLOY_FILES))
        expect(deployNow[file] ?? deployAside[file], `${file} after a kill at ${delay}`).toBe(deploy[file])

      // The next build recovers and finishes; it is what the killed build would have made.
      await buildToCompletion(site.root)
      const next = await siteHashes(site.outDir)
      expect(await leftovers(site.root)).toEqual([])
      expect(sameFiles(previous, next)).toBe(false)
      expect(await deployHashes(site.outDir)).toEqual(deploy)

      if (observed) {
        const whole = sameFiles(observed, previous) ? 'previous' : sameFiles(observed, next) ? 'new' : 'mixed'
        expect(whole, `kill at ${delay}`).not.toBe('mixed')
        outcomes.push(`${delay}: ${killed.signal ?? 'finished'}, ${whole} site`)
      } else {
        // Killed between moving the old site aside and moving the new one in.
        expect(sameFiles(restorable ?? {}, previous)).toBe(true)
        outcomes.push(`${delay}: ${killed.signal}, between the renames`)
      }
    }
    expect(outcomes).toHaveLength(6)
  }, 600_000)
})

/** Recovers the site's output folder as the next build would, before it writes anything. */
async function recover(root: string, outDir: string) {
  const folders = await locateOutputFolders(outDir, root)
  await recoverOutput(folders, await loadOutputRecord(folders.recordFile, outDir))
}

describe('recovering what a killed build left', () => {
  it('puts the previous site back when the kill landed between the two renames', async () => {
    const before = await snapshotDir(site.outDir)
    // The state on disk: the old site moved aside, the new one still in staging, half written.
    await rename(site.outDir, path.join(stateDir(site.root), 'previous'))
    const staging = path.join(stateDir(site.root), 'staging-99999997-deadbeef')
    await mkdir(path.join(staging, 'assets'), { recursive: true })
    await writeFile(path.join(staging, 'index.html'), '<!doctype html><title>half')
    await recover(site.root, site.outDir)
    expect(await snapshotDir(site.outDir)).toEqual(before)
    expect(await leftovers(site.root)).toEqual([])
  })

  it('the next build does the same on its own', async () => {
    const before = hashesOf(await snapshotDir(site.outDir))
    await rename(site.outDir, path.join(stateDir(site.root), 'previous'))
    await mkdir(path.join(stateDir(site.root), 'staging-99999996-cafebabe'), { recursive: true })
    await buildToCompletion(site.root)
    expect(hashesOf(await snapshotDir(site.outDir))).toEqual(before)
    expect(await leftovers(site.root)).toEqual([])
  }, 120_000)

  it('removes staging folders of killed builds and leaves the site as it was', async () => {
    const current = await snapshotDir(site.outDir)
    // Process ids above any pid_max: builds that are certainly not running any more.
    for (const id of ['99999998-aaaaaaaa', '99999999-bbbbbbbb'])
      await writeFiles(path.join(stateDir(site.root), `staging-${id}`), {
        'index.html': 'partial',
        'a/b.html': 'x',
      })
    await recover(site.root, site.outDir)
    expect(await snapshotDir(site.outDir)).toEqual(current)
    expect(await leftovers(site.root)).toEqual([])
  })

  it('leaves alone the staging folder of a build in another process that is still running', async () => {
    // Process 1 (init) always runs: it stands for a concurrent build.
    const running = path.join(stateDir(site.root), 'staging-1-0badc0de')
    await writeFiles(running, { 'index.html': 'being written' })
    try {
      await recover(site.root, site.outDir)
      expect(await leftovers(site.root)).toEqual([path.basename(running)])
    } finally {
      await rm(running, { recursive: true, force: true })
    }
  })
})
