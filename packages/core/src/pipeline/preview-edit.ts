import type { ArticleRecord } from '../content/process-source.js'
import { type Diagnostic, hasErrors } from '../errors/diagnostic.js'
import { withSourceHash } from '../routes/pages/page.js'
import { createTermPaths } from '../routes/pages/page-kit.js'
import type { RoutedArticle } from '../routes/route-site.js'
import { readingTimeOf, toSiteArticle } from '../site/create-site.js'
import type { BuildStore, LastRun } from './build-store.js'
import type { BuiltFile } from './built-files.js'
import { renderFailure } from './render-pages.js'
import { outputKeyOf } from './render-plan.js'
import type { SiteBuildResult } from './run-types.js'
import type { SiteInputs } from './site-inputs.js'
import { generateSiteOutputs, type SiteOutputsOptions } from './site-outputs.js'
import type { SourceChanges, SourceUpdate } from './source-store.js'

/** An article whose body alone changed, with its new record. */
export interface BodyEdit {
  article: RoutedArticle
  record: ArticleRecord
}

/** What pages other than its own show of an article: a body-only edit leaves it unchanged. */
const sharedPart = (record: ArticleRecord): string =>
  JSON.stringify([record.data, record.positions, record.excerpt, readingTimeOf(record.wordCount)])

/** The pictures a body names: another set is work for the image stage. */
const bodyImages = (record: ArticleRecord): string => JSON.stringify(record.images.map((i) => i.url))

/**
 * The preview's shortcut: the articles a run must update when, since the last run, only
 * article bodies changed — same sources, inputs, day and schedule, pictures and the image
 * stage's background work, and every changed article shows the same card, front matter and
 * excerpt (what other pages, listings and sitemaps show of it). Undefined when the run must go
 * through the whole pipeline.
 */
export function planBodyEdits(
  store: BuildStore,
  last: LastRun,
  sources: SourceUpdate,
  inputs: SiteInputs,
  clock: { now: number; day: string },
  changes?: SourceChanges,
): BodyEdit[] | undefined {
  const { next } = last.result.schedule
  const { now, day } = clock
  if (inputs !== last.inputs || sources.paths.length !== last.sourceCount) return undefined
  if (day !== last.day || (next && now >= Date.parse(next))) return undefined
  // A picture beside an article changed, or made in the background since: the image stage has news.
  if (store.images.version !== last.imagesVersion) return undefined
  if (changes && [...changes.changed, ...changes.removed].some((file) => !file.endsWith('.md')))
    return undefined
  const edits: BodyEdit[] = []
  for (const [sourcePath, before] of sources.replaced) {
    const after = store.sources.entry(sourcePath)
    if (!before?.record || !after?.record || hasErrors(after.diagnostics)) return undefined
    if (sharedPart(before.record) !== sharedPart(after.record)) return undefined
    if (bodyImages(before.record) !== bodyImages(after.record)) return undefined
    const article = last.articles.get(sourcePath)
    if (article) edits.push({ article, record: after.record })
  }
  return edits
}

/** What re-rendering bodies needs besides the last run. */
export interface BodyEditOptions
  extends Omit<SiteOutputsOptions, 'pages' | 'termPaths' | 'memo' | 'only' | 'images'> {
  lang: string
  contentPrefix: string
  themeName: string
}

/** Renders again only the pages and feeds that show the edited bodies; the rest is the last run's. */
export async function rerenderBodies(
  store: BuildStore,
  last: LastRun,
  edits: readonly BodyEdit[],
  diagnostics: Diagnostic[],
  options: BodyEditOptions,
): Promise<SiteBuildResult> {
  const made = new Map<string, BuiltFile>()
  const { renderer } = last.inputs
  diagnostics.push(...last.siteDiagnostics)
  for (const { article, record } of edits) {
    // Its card and listings are unchanged: the routed article takes the new body in place.
    const { path: sitePath, outputPath } = article
    Object.assign(
      article,
      toSiteArticle(record, {
        lang: options.lang,
        contentPrefix: options.contentPrefix,
        authors: last.inputs.authors,
        slug: store.sources.slugger.slug,
      }),
      { path: sitePath, outputPath },
    )
    const page = last.pages.get(outputPath)
    if (!page) continue
    page.key = withSourceHash(page.key, article.sourceHash)
    const key = outputKeyOf(page, { templateKey: renderer.templateKey, assetKey: last.assetKey })
    try {
      made.set(outputPath, {
        path: outputPath,
        key,
        contents: renderer.render(page.layout, await page.context()),
      })
    } catch (error) {
      store.lastRun = undefined
      return {
        ...last.result,
        files: [],
        changed: new Set(),
        diagnostics: [...diagnostics, renderFailure(page, error, options.themeName)],
      }
    }
  }
  const feeds = await generateSiteOutputs(last.routed, {
    ...options,
    pages: [],
    termPaths: createTermPaths(last.routed),
    memo: store.generated,
    images: last.images,
    only: new Set(edits.map((e) => e.article.id)),
  })
  for (const file of feeds) made.set(file.path, file)
  const changed = new Set<string>()
  for (const file of made.values()) {
    if (store.outputKeys.get(file.path) !== file.key) changed.add(file.path)
    store.outputKeys.set(file.path, file.key)
  }
  last.result.files = last.result.files.map((f) => {
    const file = made.get(f.path)
    return file ? { path: file.path, key: file.key, group: file.group } : f
  })
  return {
    ...last.result,
    files: last.result.files.map((f) => made.get(f.path) ?? f),
    changed,
    diagnostics,
  }
}
