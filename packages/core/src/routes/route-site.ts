import type { Diagnostic } from '../errors/diagnostic.js'
import type { Collection, SiteArticle, SiteModel, Term } from '../site/types.js'
import { collisionKey, toOutputPath } from './output-path.js'
import { articlePermalink, termPermalink } from './permalink.js'

/** An article with its place in the site. */
export interface RoutedArticle extends SiteArticle {
  /** Site path without the base path, e.g. `/2025/05/16/slug/`. */
  path: string
  /** File path inside the output folder, e.g. `2025/05/16/slug/index.html`. */
  outputPath: string
}

/** A collection with the site path of its first listing page. */
export interface RoutedCollection extends Collection<RoutedArticle> {
  path: string
}

/** The site model with every article and listing given a path. */
export interface RoutedSite extends Omit<SiteModel<RoutedArticle>, 'categories' | 'tags' | 'authors'> {
  categories: RoutedCollection[]
  tags: RoutedCollection[]
  authors: RoutedCollection[]
}

/** Listing URL patterns by collection kind. */
export interface ListingPatterns {
  article: string
  category: string
  tag: string
  author: string
}

/** Claims output paths and reports collisions, naming every source that wants the same path. */
export class PathRegistry {
  readonly #owners: Map<string, { outputPath: string; owner: string; place?: Diagnostic['place'] }>
  readonly diagnostics: Diagnostic[]
  readonly #prefix: string

  /** A registry of its own; `within` gives views of it that claim below a folder. */
  constructor(shared?: { owners: PathRegistry['owners']; diagnostics: Diagnostic[] }, prefix = '') {
    this.#owners = shared?.owners ?? new Map()
    this.diagnostics = shared?.diagnostics ?? []
    this.#prefix = prefix
  }

  /** The paths claimed so far (shared with `within`'s views). */
  get owners(): Map<string, { outputPath: string; owner: string; place?: Diagnostic['place'] }> {
    return this.#owners
  }

  /**
   * The same registry claiming site paths below `prefix` (an edition's `en/`): `/x/` claims
   * `/en/x/`, so that an edition's pages collide with the other editions' as with their own.
   */
  within(prefix: string): PathRegistry {
    return new PathRegistry({ owners: this.#owners, diagnostics: this.diagnostics }, prefix)
  }

  /**
   * Claims `sitePath` for `owner` (a source path, or a description of a generated page).
   * A `quiet` claim gives way to an existing owner without an error (old URLs that a new
   * article has taken over).
   */
  claim(
    sitePath: string,
    owner: string,
    place?: Diagnostic['place'],
    options: { quiet?: boolean } = {},
  ): string | undefined {
    if (this.#prefix) sitePath = `/${this.#prefix}${sitePath.replace(/^\/+/, '')}`
    const result = toOutputPath(sitePath)
    if ('error' in result) {
      this.diagnostics.push({
        file: owner,
        place,
        message: `Unsafe URL: ${result.error}.`,
        hint: 'Change the slug or permalink to plain words separated by "-".',
        ruleId: 'unsafe-url',
        severity: 'error',
      })
      return undefined
    }
    const key = collisionKey(result.outputPath)
    const previous = this.#owners.get(key)
    if (previous && options.quiet) return undefined
    if (previous) {
      // Reported on a source the writer can change: an article that takes the URL of a
      // listing or a feed is the one to point at, not "the category listing".
      const blamePrevious = previous.place !== undefined && place === undefined
      const [blamed, other] = blamePrevious
        ? [
            { owner: previous.owner, place: previous.place },
            { owner, outputPath: result.outputPath },
          ]
        : [{ owner, place }, previous]
      this.diagnostics.push({
        file: blamed.owner,
        place: blamed.place,
        message: `Duplicate URL ${sitePath}: ${other.owner} maps to ${other.outputPath} too (URLs that differ only in letter case or Unicode form count as the same).`,
        hint: 'Give one of them a different `slug` in its front matter.',
        ruleId: 'duplicate-url',
        severity: 'error',
      })
      return undefined
    }
    this.#owners.set(key, { outputPath: result.outputPath, owner, place })
    return result.outputPath
  }
}

function routeCollections(
  collections: Collection[],
  pattern: string,
  routed: Map<string, RoutedArticle>,
): RoutedCollection[] {
  return collections.map((collection) => ({
    ...collection,
    path: termPermalink(pattern, collection.term as Term),
    articles: collection.articles.flatMap((a) => routed.get(a.id) ?? []),
  }))
}

/**
 * Gives every article a site path and an output path, and every listing its site path
 * (the pages stage claims listing paths, page by page). Paths that would leave the
 * output folder, or that two sources share, become diagnostics naming the files.
 */
export function routeSite(site: SiteModel, patterns: ListingPatterns, registry: PathRegistry): RoutedSite {
  const routed = new Map<string, RoutedArticle>()
  // Retracted and removed articles keep their URL: the retraction notice or the "gone" stub is there.
  for (const article of [...site.articles, ...site.retracted, ...site.removed]) {
    const path = articlePermalink(patterns.article, article)
    const place = article.record.positions[article.data.slug ? 'slug' : 'title']
    const hidden = path
      .split('/')
      .find((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..')
    if (hidden) {
      registry.diagnostics.push({
        file: article.sourcePath,
        place,
        message: `Unsafe URL: "${path}" has the segment "${hidden}"; names starting with "." are hidden files that servers treat as their own configuration (.htaccess, .well-known).`,
        hint: 'Change the slug to plain words separated by "-".',
        ruleId: 'unsafe-url',
        severity: 'error',
      })
      continue
    }
    const outputPath = registry.claim(path, article.sourcePath, place)
    if (outputPath) routed.set(article.id, { ...article, path, outputPath })
  }
  const articles = site.articles.flatMap((a) => routed.get(a.id) ?? [])
  const routedOf = (list: readonly SiteArticle[]) => list.flatMap((a) => routed.get(a.id) ?? [])
  return {
    upcoming: site.upcoming,
    articles,
    retracted: routedOf(site.retracted),
    removed: routedOf(site.removed),
    categories: routeCollections(site.categories, patterns.category, routed),
    tags: routeCollections(site.tags, patterns.tag, routed),
    authors: routeCollections(site.authors, patterns.author, routed),
    related: new Map(
      [...site.related].map(([id, list]) => [id, list.flatMap((a) => routed.get(a.id) ?? [])]),
    ),
  }
}
