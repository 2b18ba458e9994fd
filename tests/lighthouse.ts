// Lighthouse for tests: runs Google Lighthouse's Node API against Debian's Chromium
// (/usr/bin/chromium, or CHROMIUM_PATH) and returns the four category scores of each page.
//
//   const lighthouse = await startLighthouse()
//   try {
//     const report = await lighthouse.audit('http://127.0.0.1:4173/')
//     expect(report.scores).toEqual({ performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 })
//   } finally {
//     await lighthouse.close()
//   }
//
// One Chromium serves every audit of a `startLighthouse()`, and audits run one at a time (Lighthouse
// measures timings: two at once would slow each other down). The settings are Lighthouse's own
// defaults, its mobile preset: a phone-sized screen, simulated slow 4G and a 4× slower CPU, so a
// 100 here is a 100 in Chrome's DevTools. Timings vary from run to run on a shared machine (total
// blocking time most), so `runs: 3` audits a page three times and reports the median score of
// each category, as Lighthouse's documentation on variability advises. `report.failing` names the
// audits that cost points in the median run, for an assertion's message; `report.lhr` is that run's
// whole result for anything else (e.g. image audits).
// The machine has no network: Chromium starts with background networking, updates and sync off,
// as scripts/chromium.mjs does for the other browser tests.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_LAUNCH } from '../scripts/chromium.mjs'

/** Lighthouse's four categories. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type Category = (typeof CATEGORIES)[number]

/** What Lighthouse made of one page. */
export interface LighthouseReport {
  url: string
  /** Category scores from 0 to 100, as Lighthouse shows them. */
  scores: Record<Category, number>
  /** Audits that scored below 1 in the categories, as `category: audit id (score): title — value`. */
  failing: string[]
  /** The whole Lighthouse result. */
  lhr: LighthouseResult
}

type LighthouseResult = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr']

/** Options of `startLighthouse`. */
export interface LighthouseOptions {
  /** Categories to run. Default: all four. */
  categories?: readonly Category[]
  /** Lighthouse settings on top of its mobile defaults (e.g. `{ formFactor: 'desktop', … }`). */
  settings?: Record<string, unknown>
  /** Audits per page; the report gives each category's median score. Default `1`. */
  runs?: number
}

/** A Chromium ready for Lighthouse audits. */
export interface LighthouseRunner {
  audit(url: string): Promise<LighthouseReport>
  close(): Promise<void>
}

function failingAudits(lhr: LighthouseResult): string[] {
  const failing: string[] = []
  for (const [id, category] of Object.entries(lhr.categories)) {
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id]
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue
      failing.push(
        `${id}: ${ref.id} (${audit.score}): ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''}`,
      )
    }
  }
  return failing
}

/** Launches one headless Chromium for a series of Lighthouse audits. */
export async function startLighthouse(options: LighthouseOptions = {}): Promise<LighthouseRunner> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'warta-lighthouse-'))
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_LAUNCH.executablePath,
    chromeFlags: [...CHROMIUM_LAUNCH.args.filter((flag) => flag !== '--headless'), '--headless=new'],
    userDataDir,
    logLevel: 'silent',
  })
  let queue: Promise<unknown> = Promise.resolve()
  const once = async (url: string): Promise<LighthouseReport> => {
    const result = await lighthouse(url, {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: [...(options.categories ?? CATEGORIES)],
      ...options.settings,
    })
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`)
    const { lhr } = result
    if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`)
    const scores = Object.fromEntries(
      Object.entries(lhr.categories).map(([id, category]) => [id, Math.round((category.score ?? 0) * 100)]),
    ) as Record<Category, number>
    return { url, scores, failing: failingAudits(lhr), lhr }
  }
  const run = async (url: string): Promise<LighthouseReport> => {
    const reports: LighthouseReport[] = []
    for (let i = 0; i < Math.max(1, options.runs ?? 1); i++) reports.push(await once(url))
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0
    const scores = Object.fromEntries(
      Object.keys(reports[0]?.scores ?? {}).map((id) => [
        id,
        median(reports.map((r) => r.scores[id as Category])),
      ]),
    ) as Record<Category, number>
    const medianRun =
      reports.find((r) => r.scores.performance === scores.performance) ?? (reports[0] as LighthouseReport)
    return { ...medianRun, scores }
  }
  return {
    audit(url) {
      const next = queue.then(() => run(url))
      queue = next.catch(() => undefined)
      return next
    },
    async close() {
      await queue
      chrome.kill()
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}
