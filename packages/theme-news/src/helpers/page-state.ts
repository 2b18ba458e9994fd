import type { PageContext } from '@warta/core'
import type { HelperOptions } from './options.js'
import { rootOf } from './page-views.js'

type PageKind = PageContext['page']['kind']

/**
 * `{{#is "home"}}…{{else}}…{{/is}}`, or `(is "category")` as a value: true when the page is of
 * one of the kinds listed (comma-separated: `"tag, author"`), as Ghost's `is` helper.
 */
export function is(this: unknown, kinds: unknown, options: HelperOptions): unknown {
  const kind: PageKind | undefined = rootOf(options).page?.kind
  const wanted = String(kinds)
    .split(',')
    .map((k) => k.trim())
  const matches = kind !== undefined && wanted.includes(kind)
  if (!options.fn) return matches
  return matches ? options.fn(this) : (options.inverse?.(this) ?? '')
}

/** `(isCurrentListing this.url)`: the page is this listing (a navigation entry marks it `aria-current`). */
export function isCurrentListing(url: unknown, options: HelperOptions): boolean {
  const listing = rootOf(options).listing
  return listing !== undefined && listing.url === url
}

/** `(isArticleSection slug)`: the page is an article of this section. */
export function isArticleSection(slug: unknown, options: HelperOptions): boolean {
  const category = rootOf(options).article?.category
  return category !== undefined && category.slug === slug
}

/** `(isSiteLanguage lang)`: the text is in the site's language, so it needs no `lang` of its own. */
export function isSiteLanguage(lang: unknown, options: HelperOptions): boolean {
  return lang === rootOf(options).site?.lang
}

/** `(isPaged pagination)`: a listing with more than one page. */
export function isPaged(pagination: unknown): boolean {
  const { total, pages } = (pagination ?? {}) as { total?: unknown; pages?: unknown }
  return Number(total) > 1 || (total === undefined && Array.isArray(pages) && pages.length > 1)
}

/**
 * `(isListingLead)` inside `{{#each listing.articles}}`: the first story of a listing's first
 * page, which is drawn large. Not on an author's page with a profile: there the profile leads, as
 * on a newsroom's staff page, and the stories follow as equal cards.
 */
export function isListingLead(options: HelperOptions): boolean {
  const first = (options.data as { first?: unknown } | undefined)?.first === true
  const listing = rootOf(options).listing
  return first && listing?.pagination.first === true && !listing.author
}

/** How many live blog entries the "latest developments" box lists. */
const LIVE_HIGHLIGHTS = 5

/** `{{#each (liveHighlights liveEntries)}}`: the newest entries of a live blog, for the box at its top. */
export function liveHighlights(entries: unknown): unknown[] {
  return Array.isArray(entries) ? entries.slice(0, LIVE_HIGHLIGHTS) : []
}

/** `(isRetracted article)`: a retracted story, whose page shows the editor's note instead of the body. */
export function isRetracted(article: unknown): boolean {
  return (article as { status?: unknown } | undefined)?.status === 'retracted'
}

/** `(isPaywalled article)`: behind a metered or subscribers' paywall; the body is then marked `paywall`. */
export function isPaywalled(article: unknown): boolean {
  const access = (article as { access?: unknown } | undefined)?.access
  return access === 'metered' || access === 'subscribers'
}
