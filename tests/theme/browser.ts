// Test-only: headless Chromium for the theme's browser tests, and the checks they run in it
// (axe-core, and a probe of the card grids' rows). One browser per test file, pages in sequence.
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { CHROMIUM_LAUNCH } from '../../scripts/chromium.mjs'

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source

/** A running Chromium with a fresh profile and one page. */
export interface Browser {
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

/** Starts Debian's Chromium headless with a profile of its own; `javaScriptEnabled: false` reads pages as a browser without scripts does. */
export async function launchBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'warta-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    ...CHROMIUM_LAUNCH,
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

/** One axe-core finding. */
export interface AxeViolation {
  id: string
  impact?: string
  help: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

/** Runs axe-core on the page as loaded. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource })
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }
    return (await axe.run()).violations
  })
}

/** Axe findings as readable lines, for a failing assertion's message. */
export const describeViolations = (violations: AxeViolation[]): string =>
  violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n')

/**
 * Runs in the page (as source text: the root tsconfig has no DOM types). Measures every CSS grid
 * in <main> — each cell of its rows × columns must overlap an item's box — and every wrapping
 * row of cards or section blocks, each line of which must reach from the row's left edge to its
 * right. Returns what is empty, as text.
 */
const GRID_PROBE = `(() => {
  const problems = []
  const name = (el) => el.tagName.toLowerCase() + [...el.classList].map((c) => '.' + c).join('')
  const px = (v) => Number.parseFloat(v) || 0
  for (const el of document.querySelectorAll('main, main *')) {
    const style = getComputedStyle(el)
    if (el.getClientRects().length === 0) continue
    const items = [...el.children].filter((c) => {
      const s = getComputedStyle(c)
      return s.display !== 'none' && s.position !== 'absolute' && c.getClientRects().length > 0
    })
    if (items.length === 0) continue
    const box = el.getBoundingClientRect()
    const left = box.left + px(style.borderLeftWidth) + px(style.paddingLeft)
    const right = box.right - px(style.borderRightWidth) - px(style.paddingRight)
    const top = box.top + px(style.borderTopWidth) + px(style.paddingTop)
    const rects = items.map((i) => i.getBoundingClientRect())
    if (style.display === 'grid') {
      const cols = style.gridTemplateColumns.split(' ').map(px)
      const rows = style.gridTemplateRows.split(' ').map(px)
      let y = top
      rows.forEach((h, r) => {
        let x = left
        cols.forEach((w, c) => {
          const filled = rects.some((b) => b.left < x + w - 0.5 && b.right > x + 0.5 && b.top < y + h - 0.5 && b.bottom > y + 0.5)
          if (w > 1 && h > 1 && !filled) problems.push(name(el) + ': empty cell at row ' + (r + 1) + ', column ' + (c + 1))
          x += w + px(style.columnGap)
        })
        y += h + px(style.rowGap)
      })
    } else if (style.display === 'flex' && style.flexWrap === 'wrap' && items.every((i) => i.matches('.card, .section-block'))) {
      const lines = new Map()
      rects.forEach((b) => {
        const key = Math.round(b.top)
        lines.set(key, [...(lines.get(key) ?? []), b])
      })
      let n = 0
      for (const line of lines.values()) {
        n += 1
        const start = Math.min(...line.map((b) => b.left))
        const end = Math.max(...line.map((b) => b.right))
        if (start - left > 1.5 || right - end > 1.5)
          problems.push(name(el) + ': row ' + n + ' fills ' + Math.round(end - start) + ' of ' + Math.round(right - left) + ' px')
      }
    }
  }
  return problems
})()`

/** Grid cells and rows of cards in <main> that are left empty (see `GRID_PROBE`). */
export function emptyGridCells(page: Page): Promise<string[]> {
  return page.evaluate(GRID_PROBE) as Promise<string[]>
}
