import type { Diagnostic } from '../errors/diagnostic.js'
import { createImageStore, type ImageStore } from '../images/image-store.js'
import type { CardMemo, Page } from '../routes/pages/page.js'
import type { RoutedArticle, RoutedSite } from '../routes/route-site.js'
import type { SiteImages } from '../routes/site-images.js'
import type { SearchMemo } from '../search/index-search.js'
import type { SiteModelMemo } from '../site/create-site.js'
import type { BuiltFile } from './built-files.js'
import type { EditionMemo } from './editions.js'
import type { SiteBuildResult } from './run-types.js'
import type { SiteInputs } from './site-inputs.js'
import type { OutputMemo } from './site-outputs.js'
import type { SourceStore } from './source-store.js'

/** What the preview's last run made, for a body-only edit to start from (see `preview-edit.ts`). */
export interface LastRun {
  routed: RoutedSite
  /** Routed articles by source path: the objects the pages' contexts read. */
  articles: Map<string, RoutedArticle>
  pages: Map<string, Page>
  inputs: SiteInputs
  /** The pictures as the image stage made them, and how far its background work had got. */
  images: SiteImages
  imagesVersion: number
  assetKey: string
  /** The build clock's day in the site's zone: the masthead shows it. */
  day: string
  sourceCount: number
  /** Diagnostics not of one source (authors, templates, routes). */
  siteDiagnostics: Diagnostic[]
  /** The run's result, files without their contents. */
  result: SiteBuildResult
}

/**
 * Everything a builder keeps between runs, in one place: a run reads what it may reuse here
 * and leaves here what the next run may reuse. Nothing else survives a run.
 */
export interface BuildStore {
  /** The sources, their records and the source index. */
  sources: SourceStore
  /** Each output file's fingerprint as the last run made it. */
  outputKeys: Map<string, string>
  /** Pages' output fingerprints by what they are made of (see `RenderPlanOptions.memo`). */
  planKeys: Map<string, string>
  /** Site articles and related lists, valid while the author entities are unchanged (`authorsKey`). */
  siteModel: SiteModelMemo
  /** Cards by article, valid while the author entities are unchanged. */
  cards: CardMemo
  /** The author entities the memos were made with. */
  authorsKey?: string
  /** Generated feeds and sitemaps, by the fingerprint of their inputs. */
  generated: OutputMemo
  /** The sitemap's `<url>` elements by entry (see `GenerateSitemapsOptions.elements`). */
  sitemapElements: Map<string, string>
  /** Each edition's memos but the default's, by edition key (a site with `languages`). */
  editions: Map<string, EditionMemo>
  /** The search index of the last run, still open in Pagefind's service (see `SearchMemo`). */
  search: SearchMemo
  /** Authors, templates, assets and public files as the last run loaded them. */
  inputs?: SiteInputs
  /** The preview's last run (preview mode only). */
  lastRun?: LastRun
  /** The image cache and the preview's background image work. */
  images: ImageStore
}

/** A store with nothing in it but the given sources. */
export function createBuildStore(sources: SourceStore): BuildStore {
  return {
    sources,
    outputKeys: new Map(),
    planKeys: new Map(),
    siteModel: { articles: new WeakMap() },
    cards: new Map(),
    generated: new Map(),
    sitemapElements: new Map(),
    editions: new Map(),
    search: {},
    images: createImageStore(),
  }
}

/** Forgets the memos made with other author entities: articles and cards carry them. */
export function useAuthors(store: BuildStore, authorsKey: string): void {
  if (authorsKey === store.authorsKey) return
  store.authorsKey = authorsKey
  store.siteModel = { articles: new WeakMap() }
  store.cards.clear()
  store.editions.clear()
}

/** Records the files of a run as the last ones made; returns the paths whose fingerprint changed. */
export function recordOutputs(
  store: BuildStore,
  files: readonly BuiltFile[],
  replaceAll: boolean,
): Set<string> {
  const changed = new Set(files.filter((f) => store.outputKeys.get(f.path) !== f.key).map((f) => f.path))
  if (replaceAll) store.outputKeys.clear()
  for (const file of files) store.outputKeys.set(file.path, file.key)
  return changed
}
