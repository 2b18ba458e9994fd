import type { ResolvedEdition } from '../config/editions.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import { absoluteUrl } from './absolute-url.js'
import type { RoutedSite } from './route-site.js'
import { createUrlFor } from './to-views.js'
import type { EditionLinks } from './views.js'

/** An edition with its routed site and whether it has a search page. */
export interface RoutedEdition {
  edition: Pick<ResolvedEdition, 'key' | 'label' | 'isDefault'> & {
    /** The edition's language tag. */
    lang: string
    site: Pick<ResolvedEdition['site'], 'url' | 'basePath'>
  }
  routed: RoutedSite
  searchPath?: string
}

/** The versions of one page, by edition key: its site path in each edition that has it. */
type Versions = Map<string, string>

/** Which pages are versions of each other: home pages, search pages, translations, listings of one slug. */
function collectVersions(
  editions: readonly RoutedEdition[],
  diagnostics: Diagnostic[],
): Map<string, Versions> {
  // A page's group: what it is the same page of, across editions.
  const groups = new Map<string, Versions>()
  const join = (group: string, key: string, path: string) => {
    const versions = groups.get(group) ?? new Map<string, string>()
    groups.set(group, versions)
    versions.set(key, path)
  }
  for (const { edition, routed, searchPath } of editions) {
    join('home', edition.key, '/')
    if (searchPath) join('search', edition.key, searchPath)
    for (const c of [...routed.categories, ...routed.tags, ...routed.authors])
      join(`${c.kind}:${c.term.slug}`, edition.key, c.path)
    const byKey = new Map<string, string>()
    for (const article of [...routed.articles, ...routed.retracted]) {
      const translationKey = article.data.translationKey
      if (typeof translationKey !== 'string') continue
      const other = byKey.get(translationKey)
      if (other) {
        diagnostics.push({
          file: article.sourcePath,
          place: article.record.positions.translationKey,
          message: `translationKey "${translationKey}" is also the key of ${other} in the "${edition.key}" edition: an edition has one version of a story.`,
          hint: 'Give one of them another translationKey, or move the translation to its edition (lang, or its folder).',
          ruleId: 'translation-key-duplicate',
          severity: 'error',
        })
        continue
      }
      byKey.set(translationKey, article.sourcePath)
      join(`article:${translationKey}`, edition.key, article.path)
    }
  }
  return groups
}

/**
 * Links between the editions' versions of each page: for every page with a version in another
 * edition, its `hreflang` alternates (every version including itself, then `x-default`, the
 * default edition's) and the language switch (each other edition's version, else its home
 * page). Versions are the home pages, the search pages, an article and its translations by
 * `translationKey`, and the first page of listings with the same kind and slug. Pages of an
 * edition that have no version elsewhere get the switch alone. Two articles of one edition
 * with the same `translationKey` are an error.
 */
export function linkEditions(editions: readonly RoutedEdition[]): {
  linksOf: (key: string, sitePath: string) => EditionLinks
  diagnostics: Diagnostic[]
} {
  const diagnostics: Diagnostic[] = []
  const groups = collectVersions(editions, diagnostics)
  const byKey = new Map(editions.map((e) => [e.edition.key, e.edition]))
  const urlFors = new Map(editions.map((e) => [e.edition.key, createUrlFor(e.edition.site.basePath)]))
  const pathOf = (key: string, path: string) => (urlFors.get(key) ?? createUrlFor('/'))(path)
  const absolute = (key: string, path: string) => {
    const edition = byKey.get(key)
    return edition ? absoluteUrl(edition.site, pathOf(key, path)) : path
  }
  // Each page's versions, by edition and site path.
  const versionsOf = new Map<string, Versions>()
  for (const versions of groups.values()) {
    if (versions.size < 2) continue
    for (const [key, path] of versions) versionsOf.set(`${key}\0${path}`, versions)
  }
  const defaultKey = editions.find((e) => e.edition.isDefault)?.edition.key
  return {
    diagnostics,
    linksOf: (key, sitePath) => {
      const versions = versionsOf.get(`${key}\0${sitePath}`)
      const alternates = versions
        ? [
            ...editions.flatMap(({ edition }) => {
              const path = versions.get(edition.key)
              return path === undefined ? [] : [{ lang: edition.lang, url: absolute(edition.key, path) }]
            }),
            ...(defaultKey && versions.has(defaultKey)
              ? [{ lang: 'x-default', url: absolute(defaultKey, versions.get(defaultKey) as string) }]
              : []),
          ]
        : []
      const languages = editions
        .filter(({ edition }) => edition.key !== key)
        .map(({ edition }) => {
          const path = versions?.get(edition.key)
          return {
            lang: edition.lang,
            label: edition.label,
            url: pathOf(edition.key, path ?? '/'),
            translated: path !== undefined,
          }
        })
      return { alternates, languages }
    },
  }
}
