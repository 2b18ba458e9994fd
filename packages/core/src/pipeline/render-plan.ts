import type { Page } from '../routes/pages/page.js'
import { hashText } from '../util/hash.js'

/** A page with its output fingerprint, and whether the file from that fingerprint is on disk already. */
export interface PlannedPage {
  page: Page
  /** The page's key with its template's and the theme assets': equal keys mean equal bytes. */
  key: string
  /** Made by an earlier run from the same inputs and still there: nothing to render. */
  current: boolean
}

/** What decides whether a page must be rendered again. */
export interface RenderPlanOptions {
  /** Fingerprint of a layout with the partials and helpers it uses. */
  templateKey(layout: string): string
  /** Fingerprint of the theme assets' names (pages link them by content hash). */
  assetKey: string
  /** Each output's fingerprint as this builder's last run made it. */
  previousKeys: ReadonlyMap<string, string>
  /** Whether the file on disk was made from this fingerprint by an earlier process (the output manifest). */
  isCurrent?: (outputPath: string, key: string) => boolean
  /**
   * Output fingerprints by what they are made of: those of the last run, read, and this run's,
   * added to (a run may plan several editions). A preview edit then hashes only the pages it
   * changed, not every page. Default: none.
   */
  memo?: { last: ReadonlyMap<string, string>; next: Map<string, string> }
}

/** What a page's output fingerprint is made of. */
const keyInputs = (page: Page, options: Pick<RenderPlanOptions, 'templateKey' | 'assetKey'>): string =>
  `${page.key}|${options.templateKey(page.layout)}|${options.assetKey}`

/** A page's output fingerprint. */
export const outputKeyOf = (
  page: Page,
  options: Pick<RenderPlanOptions, 'templateKey' | 'assetKey'>,
): string => hashText(keyInputs(page, options))

/** Plans a run's rendering: which pages are to be rendered, which are current on disk. Pure but for `memo.next`. */
export function planRender(pages: readonly Page[], options: RenderPlanOptions): PlannedPage[] {
  const { memo } = options
  return pages.map((page) => {
    const inputs = keyInputs(page, options)
    const key = memo?.last.get(inputs) ?? hashText(inputs)
    memo?.next.set(inputs, key)
    const current =
      options.previousKeys.get(page.outputPath) === key ||
      (options.isCurrent?.(page.outputPath, key) ?? false)
    return { page, key, current }
  })
}
