import { type ChildProcess, spawn } from 'node:child_process'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recoverOutput } from '../../packages/core/src/write/write-output.js'
import { article, createSite, hashesOf, NOW, snapshotDir, type TempSite, writeFiles } from './helpers.js'

// A build killed with SIGKILL at any point must leave the previous site, or the whole new
// one: never a mix, never a truncated file. The next build clears what the killed one left.

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
    if (writingAt === undefined && (await readdir(root)).some((name) => name.startsWith('.dist.staging-')))
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
  while (!exited && !(await readdir(root)).includes('.dist.previous'))
    await new Promise((resolve) => setImmediate(resolve))
}

/** Folders beside the output folder that a build works in (the spare, the site before, is kept on purpose). */
async function leftovers(root: string): Promise<string[]> {
  return (await readdir(root)).filter((name) => name.startsWith('.dist.') && name !== '.dist.spare').sort()
}

const sameFiles = (a: Record<string, string>, b: Record<string, string>) =>
  JSON.stringify(a) === JSON.stringify(b)

let site: TempSite

beforeAll(async () => {
  site = await createSite(sources(0))
  await buildToCompletion(site.root)
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
    for (const [round, delay] of kills.entries()) {
      const previous = hashesOf(await snapshotDir(site.outDir))
      await rm(path.join(site.root, 'content', `extra-${round + 1}.md`))
      await writeFiles(site.root, sources(round + 2))
      const run = startBuild(site.root)
      if (delay === 'swap') await untilSwapOrExit(site.root, run)
      else await new Promise((resolve) => setTimeout(resolve, delay))
      run.child.kill('SIGKILL')
      const killed = await run.done

      // What a reader (or a server) sees right after the kill.
      const hadOutput = (await readdir(site.root)).includes('dist')
      const observed = hadOutput ? hashesOf(await snapshotDir(site.outDir)) : undefined
      const restorable = hadOutput
        ? undefined
        : hashesOf(await snapshotDir(path.join(site.root, '.dist.previous')))

      // The next build recovers and finishes; it is what the killed build would have made.
      await buildToCompletion(site.root)
      const next = hashesOf(await snapshotDir(site.outDir))
      expect(await leftovers(site.root)).toEqual([])
      expect(sameFiles(previous, next)).toBe(false)

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

describe('recovering what a killed build left', () => {
  it('puts the previous site back when the kill landed between the two renames', async () => {
    const before = await snapshotDir(site.outDir)
    // The state on disk: the old site moved aside, the new one still in staging, half written.
    await rename(site.outDir, path.join(site.root, '.dist.previous'))
    const staging = path.join(site.root, '.dist.staging-99999997-deadbeef')
    await mkdir(path.join(staging, 'assets'), { recursive: true })
    await writeFile(path.join(staging, 'index.html'), '<!doctype html><title>half')
    await recoverOutput(site.outDir)
    expect(await snapshotDir(site.outDir)).toEqual(before)
    expect(await leftovers(site.root)).toEqual([])
  })

  it('the next build does the same on its own', async () => {
    const before = hashesOf(await snapshotDir(site.outDir))
    await rename(site.outDir, path.join(site.root, '.dist.previous'))
    await mkdir(path.join(site.root, '.dist.staging-99999996-cafebabe'), { recursive: true })
    await buildToCompletion(site.root)
    expect(hashesOf(await snapshotDir(site.outDir))).toEqual(before)
    expect(await leftovers(site.root)).toEqual([])
  }, 120_000)

  it('keeps the new site when the kill landed after the swap, before the old one was removed', async () => {
    const current = await snapshotDir(site.outDir)
    const old = path.join(site.root, '.dist.previous')
    await mkdir(path.join(old, 'gone'), { recursive: true })
    await writeFile(path.join(old, 'gone', 'index.html'), 'old')
    await recoverOutput(site.outDir)
    expect(await snapshotDir(site.outDir)).toEqual(current)
    expect(await leftovers(site.root)).toEqual([])
  })

  it('removes staging folders of killed builds and leaves the site as it was', async () => {
    const current = await snapshotDir(site.outDir)
    // Process ids above any pid_max: builds that are certainly not running any more.
    for (const id of ['99999998-aaaaaaaa', '99999999-bbbbbbbb'])
      await writeFiles(path.join(site.root, `.dist.staging-${id}`), {
        'index.html': 'partial',
        'a/b.html': 'x',
      })
    await recoverOutput(site.outDir)
    expect(await snapshotDir(site.outDir)).toEqual(current)
    expect(await leftovers(site.root)).toEqual([])
  })

  it('leaves alone the staging folder of a build in another process that is still running', async () => {
    // Process 1 (init) always runs: it stands for a concurrent build.
    const running = path.join(site.root, '.dist.staging-1-0badc0de')
    await writeFiles(running, { 'index.html': 'being written' })
    try {
      await recoverOutput(site.outDir)
      expect(await leftovers(site.root)).toEqual([path.basename(running)])
    } finally {
      await rm(running, { recursive: true, force: true })
    }
  })
})
