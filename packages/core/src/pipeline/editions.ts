import type { ResolvedEdition } from '../config/editions.js'
import type { ResolvedConfig } from '../config/resolve-config.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import type { CardMemo } from '../routes/pages/page.js'
import { type PathRegistry, type RoutedArticle, type RoutedSite, routeSite } from '../routes/route-site.js'
import { checkAuthorRefs } from '../site/check-author-refs.js'
import { checkStatusNotes } from '../site/check-status.js'
import { createSiteModel, type SiteModelMemo } from '../site/create-site.js'
import { partitionEditions } from '../site/partition-editions.js'
import type { SiteModel } from '../site/types.js'
import { append } from '../util/append.js'
import { type BuildStore, useAuthors } from './build-store.js'
import type { SiteInputs } from './site-inputs.js'
import type { OutputMemo } from './site-outputs.js'
import { contentPrefixOf } from './source-options.js'
import type { SourceUpdate } from './source-store.js'

// A site with `languages` is several sites over one set of sources: each edition is modelled,
// routed (below its prefix), paged and given its feeds and sitemaps as a site in one language
// would be; what the editions share (pictures, the search index, robots.txt, the 404 page,
// permalink history, quality checks) is made once over all of them. A site in one language is
// one edition with no prefix, and runs exactly as it did before editions.

/** The site's editions: its `languages`, or the site itself as the one edition. */
export function editionsOf(config: ResolvedConfig): ResolvedEdition[] {
  return (
    config.editions ?? [
      {
        key: '',
        isDefault: true,
        label: '',
        prefix: '',
        site: config.site,
        strings: config.strings,
        permalinks: config.permalinks,
        searchPath: config.search.path,
      },
    ]
  )
}

/** What each edition keeps between runs apart from the others (see `BuildStore`). */
export interface EditionMemo {
  siteModel: SiteModelMemo
  cards: CardMemo
  generated: OutputMemo
  sitemapElements: Map<string, string>
}

/** An edition's memos: the store's own for the only edition of a site in one language. */
export function editionMemo(store: BuildStore, edition: ResolvedEdition): EditionMemo {
  if (edition.key === '')
    return {
      siteModel: store.siteModel,
      cards: store.cards,
      generated: store.generated,
      sitemapElements: store.sitemapElements,
    }
  let memo = store.editions.get(edition.key)
  if (!memo) {
    memo = {
      siteModel: { articles: store.siteModel.articles },
      cards: new Map(),
      generated: new Map(),
      sitemapElements: new Map(),
    }
    store.editions.set(edition.key, memo)
  }
  return memo
}

/** An edition modelled and routed. */
export interface ModelledEdition {
  edition: ResolvedEdition
  model: SiteModel
  routed: RoutedSite
  /** The registry claiming below the edition's prefix. */
  registry: PathRegistry
}

/**
 * Each edition's site model and routes, with the author entities' problems, the bylines that
 * name no entity, and the articles whose `lang` is no edition's.
 */
export function modelEditions(
  config: ResolvedConfig,
  store: BuildStore,
  context: { sources: SourceUpdate; inputs: SiteInputs; now: number; registry: PathRegistry },
  diagnostics: Diagnostic[],
): ModelledEdition[] {
  const { sources, inputs, now, registry } = context
  const records = sources.entries.flatMap((e) => (e.record ? [e.record] : []))
  useAuthors(store, JSON.stringify([...inputs.authors]))
  append(diagnostics, inputs.diagnostics, checkAuthorRefs(records, inputs.authors), checkStatusNotes(records))
  const editions = editionsOf(config)
  const contentPrefix = contentPrefixOf(config)
  const parts = config.editions
    ? partitionEditions(
        records,
        editions.map((e) => ({ key: e.key, lang: e.site.lang })),
        contentPrefix,
      )
    : { byEdition: new Map([['', records]]), diagnostics: [] }
  append(diagnostics, parts.diagnostics)
  return editions.map((edition) => {
    const model = createSiteModel(parts.byEdition.get(edition.key) ?? [], {
      authors: inputs.authors,
      memo: editionMemo(store, edition).siteModel,
      slug: store.sources.slugger.slug,
      lang: edition.site.lang,
      contentPrefix,
      drafts: config.drafts,
      future: config.future,
      expire: config.expire,
      now,
      relatedCount: config.relatedCount,
    })
    const within = edition.prefix ? registry.within(edition.prefix) : registry
    return { edition, model, routed: routeSite(model, edition.permalinks, within), registry: within }
  })
}

const prefixed = (prefix: string) => (a: RoutedArticle) => ({ ...a, path: `/${prefix}${a.path.slice(1)}` })

/**
 * All editions as one routed site, each article's path with its edition's prefix (`/en/…`): what
 * the shared stages see (pictures, search, permalink history, host rules, quality checks). The
 * only edition of a site in one language is returned as it is.
 */
export function mergeEditions(editions: readonly ModelledEdition[]): {
  routed: RoutedSite
  model: SiteModel
} {
  const [only] = editions
  if (editions.length === 1 && only && only.edition.prefix === '') return only
  const all = <T>(pick: (e: ModelledEdition) => T[]) => editions.flatMap(pick)
  const routedAll = (pick: (site: RoutedSite) => RoutedArticle[]) =>
    editions.flatMap((e) => pick(e.routed).map(prefixed(e.edition.prefix)))
  return {
    routed: {
      upcoming: all((e) => e.routed.upcoming),
      articles: routedAll((s) => s.articles),
      retracted: routedAll((s) => s.retracted),
      removed: routedAll((s) => s.removed),
      categories: all((e) => e.routed.categories),
      tags: all((e) => e.routed.tags),
      authors: all((e) => e.routed.authors),
      related: new Map(all((e) => [...e.routed.related])),
    },
    model: {
      articles: all((e) => e.model.articles),
      retracted: all((e) => e.model.retracted),
      removed: all((e) => e.model.removed),
      upcoming: all((e) => e.model.upcoming),
      categories: all((e) => e.model.categories),
      tags: all((e) => e.model.tags),
      authors: all((e) => e.model.authors),
      related: new Map(all((e) => [...e.model.related])),
    },
  }
}

/** Each article's edition language, by source path: what the search index files it under. */
export function editionLangOf(editions: readonly ModelledEdition[]): (article: RoutedArticle) => string {
  const langs = new Map<string, string>()
  for (const { edition, routed } of editions)
    for (const article of routed.articles) langs.set(article.sourcePath, edition.site.lang)
  const fallback = editions[0]?.edition.site.lang ?? 'en'
  return (article) => langs.get(article.sourcePath) ?? fallback
}
