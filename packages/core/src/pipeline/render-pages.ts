import type { Diagnostic } from '../errors/diagnostic.js'
import { type Renderer, TemplateRenderError } from '../render/create-renderer.js'
import type { RenderSetup } from '../render/render-setup.js'
import { NEEDS_SETUP, type RenderedPage, type RenderTask } from '../render/render-worker.js'
import type { Page } from '../routes/pages/page.js'
import type { BuiltFiles } from './built-files.js'
import type { PlannedPage } from './render-plan.js'
import type { WorkerPool } from './worker-pool.js'

/** Below this many pages to render, handing them to worker threads costs more than it saves. */
const MIN_PAGES_FOR_WORKERS = 64
/** Pages per worker job: enough to keep messaging cheap, few enough to keep both threads busy. */
const BATCH_SIZE = 16
/** Jobs in flight per worker: one rendering, one waiting, while this thread builds the next contexts and writes. */
const JOBS_PER_WORKER = 2

/** Where pages are rendered: this thread's renderer, and the build's workers when they can make the same one. */
export interface RenderOptions {
  renderer: Renderer
  themeName: string
  setup?: RenderSetup
  workers?: WorkerPool
  /**
   * Compile this thread's templates too when the pages went to the workers (the preview, whose
   * later edits render here): else the first edit pays for compiling every template it uses.
   */
  warmUp?: boolean
}

/** A page that could not be rendered, as a diagnostic on the template that failed (or the theme). */
const pageFailure = (
  page: Page,
  failure: { file?: string; message: string },
  themeName: string,
): Diagnostic => ({
  file: failure.file ?? themeName,
  message: `Rendering ${page.path} failed: ${failure.message}`,
  hint: 'Check the template and the helpers it calls.',
  ruleId: 'template-render',
  severity: 'error',
})

/** A page whose template (or context) threw on this thread. */
export const renderFailure = (page: Page, error: unknown, themeName: string): Diagnostic =>
  pageFailure(page, failureOf(error), themeName)

const failureOf = (error: unknown) => ({
  file: error instanceof TemplateRenderError ? error.file : undefined,
  message: (error as Error)?.message ?? String(error),
})

/**
 * Renders the planned pages that are not current, on worker threads when there are enough of
 * them (this thread builds each page's context and writes; workers run the templates), else
 * here. Current pages are listed as they are on disk. The bytes are the same either way.
 */
export async function renderPages(
  plan: readonly PlannedPage[],
  files: BuiltFiles,
  options: RenderOptions,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = []
  const toRender: PlannedPage[] = []
  for (const planned of plan) {
    if (planned.current) await files.add({ path: planned.page.outputPath, key: planned.key })
    else toRender.push(planned)
  }
  const { setup, workers } = options
  if (setup && workers && workers.threads >= 2 && toRender.length >= MIN_PAGES_FOR_WORKERS) {
    await renderOnWorkers(toRender, files, diagnostics, { ...options, setup, workers })
    if (options.warmUp) await renderOneOfEachLayout(toRender, options.renderer)
    return diagnostics
  }
  for (const { page, key } of toRender) {
    try {
      await files.add({
        path: page.outputPath,
        key,
        contents: options.renderer.render(page.layout, await page.context()),
      })
    } catch (error) {
      diagnostics.push(renderFailure(page, error, options.themeName))
    }
  }
  return diagnostics
}

async function renderOnWorkers(
  pages: readonly PlannedPage[],
  files: BuiltFiles,
  diagnostics: Diagnostic[],
  options: RenderOptions & Required<Pick<RenderOptions, 'setup' | 'workers'>>,
): Promise<void> {
  const { setup, workers } = options
  const batches: PlannedPage[][] = []
  for (let i = 0; i < pages.length; i += BATCH_SIZE) batches.push(pages.slice(i, i + BATCH_SIZE))
  const renderBatch = async (batch: PlannedPage[]): Promise<RenderedPage[]> => {
    // A context that cannot be built (a body gone from the cache and changed) fails its page alone.
    const contexts = await Promise.all(
      batch.map((p) =>
        p.page.context().then(
          (context) => ({ context }),
          (error: unknown) => ({ error: failureOf(error) }),
        ),
      ),
    )
    const ready = batch.flatMap((p, i) => {
      const made = contexts[i]
      return made && 'context' in made ? [{ layout: p.page.layout, context: made.context }] : []
    })
    const rendered = ready.length > 0 ? await runOnWorkers(workers, setup, ready) : []
    return contexts.map((made) => (made && 'error' in made ? made : (rendered.shift() as RenderedPage)))
  }
  // Batches start in order, a bounded number at a time; their pages are handed on in order.
  const window = workers.threads * JOBS_PER_WORKER
  const inFlight = batches.slice(0, window).map(renderBatch)
  for (const [i, batch] of batches.entries()) {
    const results = await (inFlight[i] as Promise<RenderedPage[]>)
    const next = batches[i + window]
    if (next) inFlight.push(renderBatch(next))
    for (const [j, { page, key }] of batch.entries()) {
      const result = results[j] as RenderedPage
      if ('html' in result) await files.add({ path: page.outputPath, key, contents: result.html })
      else diagnostics.push(pageFailure(page, result.error, options.themeName))
    }
    inFlight[i] = Promise.resolve([])
  }
}

/**
 * Runs a batch on the workers. A worker that dies mid-batch (out of memory, a helper that
 * crashes it) gets one more try on another; the second time, its pages fail by name.
 */
async function runOnWorkers(
  workers: WorkerPool,
  setup: RenderSetup,
  pages: RenderTask['pages'],
): Promise<RenderedPage[]> {
  try {
    return await runWithSetup(workers, setup, pages)
  } catch {
    try {
      return await runWithSetup(workers, setup, pages)
    } catch (error) {
      const message = `its worker thread stopped: ${(workers.broken ?? (error as Error)).message}`
      return pages.map(() => ({ error: { message } }))
    }
  }
}

/**
 * A batch without the setup (templates, strings, the site: tens of kilobytes to copy into
 * the worker), then, from a worker that has no renderer for it yet, again with the setup.
 */
async function runWithSetup(
  workers: WorkerPool,
  setup: RenderSetup,
  pages: RenderTask['pages'],
): Promise<RenderedPage[]> {
  const answer = await workers.run({ kind: 'render', task: { setupKey: setup.key, pages } })
  if (answer !== NEEDS_SETUP) return answer as RenderedPage[]
  return (await workers.run({
    kind: 'render',
    task: { setupKey: setup.key, setup, pages },
  })) as RenderedPage[]
}

/** Renders one page of each layout on this thread, for nothing but the templates it compiles. */
async function renderOneOfEachLayout(pages: readonly PlannedPage[], renderer: Renderer): Promise<void> {
  const firstOfLayout = new Map<string, PlannedPage>()
  for (const planned of pages)
    if (!firstOfLayout.has(planned.page.layout)) firstOfLayout.set(planned.page.layout, planned)
  for (const { page } of firstOfLayout.values()) {
    try {
      renderer.render(page.layout, await page.context())
    } catch {
      // The workers rendered this page already and reported its failure.
    }
  }
}
