import type { ResolvedConfig, ResolvedSite } from '../config/resolve-config.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import { absoluteUrl } from '../routes/absolute-url.js'
import { linkEditions } from '../routes/editions.js'
import { createPages } from '../routes/pages/create-pages.js'
import type { Page, PagesOptions, StructuredData } from '../routes/pages/page.js'
import { createTermPaths } from '../routes/pages/page-kit.js'
import type { EditionLinks } from '../routes/views.js'
import { append } from '../util/append.js'
import type { BuildStore } from './build-store.js'
import { type EditionMemo, editionMemo, type ModelledEdition } from './editions.js'
import { type GeneratedFile, generateSiteOutputs, type SiteOutputsOptions } from './site-outputs.js'

/** An edition with its pages and its memos. */
export interface PagedEdition extends ModelledEdition {
  pages: Page[]
  memo: EditionMemo
  /** This edition's links to the others, by site path; absent for a site in one language. */
  linksOf?: (sitePath: string) => EditionLinks
}

/** What the pages of every edition are made with besides the edition's own site and strings. */
export type EditionPagesOptions = Omit<
  PagesOptions,
  'site' | 'strings' | 'structuredData' | 'searchPath' | 'cardMemo' | 'editionLinks'
> & {
  structuredData: (site: ResolvedSite) => StructuredData
  search: boolean
}

/**
 * Each edition's pages, with its site, strings, structured data and search page, and (for a site
 * with editions) the links between the editions' versions of each page: the 404 page is the
 * default edition's alone, and every edition's pages find the search index at the site's root.
 */
export function pagesOfEditions(
  editions: readonly ModelledEdition[],
  store: BuildStore,
  config: ResolvedConfig,
  options: EditionPagesOptions,
  diagnostics: Diagnostic[],
): PagedEdition[] {
  const multi = config.editions !== undefined
  const links = multi
    ? linkEditions(
        editions.map((e) => ({
          edition: { ...e.edition, lang: e.edition.site.lang },
          routed: e.routed,
          searchPath: options.search ? e.edition.searchPath : undefined,
        })),
      )
    : undefined
  append(diagnostics, links?.diagnostics ?? [])
  const { structuredData, search, ...shared } = options
  return editions.map((modelled) => {
    const { edition, routed, registry } = modelled
    const memo = editionMemo(store, edition)
    const linksOf = links && ((sitePath: string) => links.linksOf(edition.key, sitePath))
    const pages = createPages(routed, registry, {
      ...shared,
      site: edition.site,
      strings: edition.strings,
      structuredData: structuredData(edition.site),
      searchPath: search ? edition.searchPath : undefined,
      cardMemo: memo.cards,
      ...(linksOf
        ? { editionLinks: linksOf, sharedBasePath: config.site.basePath, notFound: edition.isDefault }
        : {}),
    })
    return { ...modelled, pages, memo, ...(linksOf ? { linksOf } : {}) }
  })
}

/** What every edition's feeds and sitemaps are made with besides the edition's own. */
export type EditionOutputsOptions = Omit<
  SiteOutputsOptions,
  'site' | 'pages' | 'termPaths' | 'memo' | 'prefix' | 'robots' | 'otherSitemaps' | 'alternatesOf'
> & {
  /** Keep what was generated for the next run (else a fresh memo each run). */
  keep: boolean
}

/**
 * Each edition's feeds and sitemaps, below its prefix, with the sitemap's alternates; robots.txt
 * is the default edition's, at the root, listing every edition's sitemaps.
 */
export async function outputsOfEditions(
  editions: readonly PagedEdition[],
  options: EditionOutputsOptions,
): Promise<GeneratedFile[]> {
  const { keep, ...shared } = options
  const others = editions
    .filter((e) => !e.edition.isDefault)
    .flatMap((e) => [
      absoluteUrl(e.edition.site, 'sitemap.xml'),
      absoluteUrl(e.edition.site, 'news-sitemap.xml'),
    ])
  const files: GeneratedFile[] = []
  for (const { edition, routed, pages, memo, linksOf } of editions) {
    const generated = await generateSiteOutputs(routed, {
      ...shared,
      site: edition.site,
      pages,
      termPaths: createTermPaths(routed),
      memo: keep ? memo.generated : new Map(),
      sitemapElements: keep ? memo.sitemapElements : undefined,
      prefix: edition.prefix,
      ...(linksOf
        ? {
            robots: edition.isDefault,
            otherSitemaps: edition.isDefault ? others : [],
            alternatesOf: (sitePath: string) => linksOf(sitePath).alternates,
          }
        : {}),
    })
    files.push(...generated)
  }
  return files
}
