import type { ArticleAuthor } from '../../site/types.js'
import { compareText } from '../../util/compare-text.js'
import { hashText } from '../../util/hash.js'
import { type NewsDate, parseNewsDate, toZonedIso } from '../../util/news-date.js'
import { feedFolder, feedLinks } from '../feed-links.js'
import type { RoutedCollection, RoutedSite } from '../route-site.js'
import { SEARCH_FOLDER } from '../search-folder.js'
import { createUrlFor, type TermPaths, toAuthorProfile, toCardView, type UrlFor } from '../to-views.js'
import type {
  AuthorProfileView,
  CardView,
  Crumb,
  FeedLink,
  PageContext,
  PageMeta,
  TermView,
} from '../views.js'
import { createAuthorBios } from './author-bios.js'
import type { PagesOptions } from './page.js'

/** A page as a page kind describes it; the pages stage claims its path and fingerprints it. */
export interface PageSpec {
  path: string
  /** Who wants the path, for collision messages. */
  owner: string
  layout: string
  /** What the page shows, as text: equal keys mean equal pages. */
  key: string
  /** Set when the routes stage has claimed the path already (article pages). */
  outputPath?: string
  /** An article page's source hash, kept apart in its key (see `withSourceHash`). */
  sourceHash?: string
  context(): Promise<PageContext> | PageContext
}

/** What every page kind builds its pages from: cards, head metadata, the site-wide context. */
export interface PageKit {
  options: PagesOptions
  urlFor: UrlFor
  /** The absolute URL of a site path. */
  absolute(sitePath: string): string
  termPaths: TermPaths
  cardOf(id: string): CardView
  /** The fingerprints of some articles' cards, for page keys. */
  cardKeys(ids: readonly string[]): string
  /** An author's profile with the bio rendered (once per run). */
  profileOf(author: ArticleAuthor): Promise<AuthorProfileView>
  /** The fingerprint of authors' profiles (role, bio, photo, links), for keys of pages that show them. */
  profileKey(authors: readonly ArticleAuthor[]): string
  /** What every page shows of the site (masthead, navigation, footer). */
  shared: PageContext['site']
  /** Fingerprint of `shared` and everything else all pages show. */
  sharedKey: string
  siteFeeds: FeedLink[]
  nav: TermView[]
  homeCrumb: Crumb
  meta(m: Partial<PageMeta> & Pick<PageMeta, 'title' | 'canonical'>): PageMeta
  /** A document title: the page's, then the site's. */
  titled(title: string): string
  /** A listing's own feeds, when feeds of its kind are on. */
  listingFeeds(kind: 'category' | 'tag' | 'author' | 'archive', listingPath: string, name: string): FeedLink[]
}

/** Looks up the listing path of a category, tag or author. */
export function createTermPaths(site: RoutedSite): TermPaths {
  const pathsByKind = new Map<string, string>()
  for (const c of [...site.categories, ...site.tags, ...site.authors])
    pathsByKind.set(`${c.kind}:${c.term.slug}`, c.path)
  return (kind, slug) => pathsByKind.get(`${kind}:${slug}`)
}

/** Cards of every article, from the memo of an earlier run where the article is unchanged. */
function createCards(site: RoutedSite, options: PagesOptions, termPaths: TermPaths, urlFor: UrlFor) {
  const cards = new Map<string, { card: CardView; key: string }>()
  const memo = options.cardMemo
  const used = new Map<string, { card: CardView; key: string }>()
  for (const article of site.articles) {
    // The id is in the card and comes from the file's path when front matter gives none: a
    // renamed file keeps its text and URL but not its id.
    const memoKey = `${article.sourceHash}|${article.id}|${article.path}|${options.images.articleKey(article)}`
    let entry = memo?.get(memoKey)
    if (!entry) {
      const card = toCardView(article, termPaths, urlFor, options.images)
      entry = { card, key: hashText(JSON.stringify(card)) }
    }
    used.set(memoKey, entry)
    cards.set(article.id, entry)
  }
  if (memo) {
    memo.clear()
    for (const [key, entry] of used) memo.set(key, entry)
  }
  return cards
}

/** The masthead's sections: the configured ones in order, else the six largest categories. */
function navSections(site: RoutedSite, nav: string[] | undefined, urlFor: UrlFor): TermView[] {
  const view = (c: RoutedCollection): TermView => ({
    name: c.term.name,
    slug: c.term.slug,
    url: urlFor(c.path),
  })
  if (nav) {
    return nav.flatMap((name) => {
      const found = site.categories.find((c) => c.term.name === name || c.term.slug === name)
      return found ? [view(found)] : []
    })
  }
  return [...site.categories]
    .sort((a, b) => b.articles.length - a.articles.length || compareText(a.term.slug, b.term.slug))
    .slice(0, 6)
    .map(view)
}

function sharedContext(options: PagesOptions, nav: TermView[], feeds: FeedLink[]): PageContext['site'] {
  const { site, now } = options
  const urlFor = createUrlFor(site.basePath)
  return {
    title: site.title,
    description: site.description,
    lang: site.lang,
    url: site.url,
    basePath: site.basePath,
    logo: site.logo,
    nav,
    feeds,
    footerLinks: site.footerLinks,
    colors: Object.entries(site.colors).map(([name, value]) => ({ name, value })),
    copyright: site.copyright,
    // The day only: a clock reading would change every page on every build.
    today: options.theme.usesBuildDate
      ? (parseNewsDate(toZonedIso(now, site.timezone).slice(0, 10), site.timezone) as NewsDate)
      : undefined,
    year: Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: site.timezone }).format(now)),
    search: options.searchPath
      ? {
          url: urlFor(options.searchPath),
          index: createUrlFor(options.sharedBasePath ?? site.basePath)(`/${SEARCH_FOLDER}/`),
        }
      : undefined,
  }
}

/** Builds the kit the page kinds share, once per run. */
export function createPageKit(site: RoutedSite, options: PagesOptions): PageKit {
  const { site: siteOptions, strings, feeds } = options
  const urlFor = createUrlFor(siteOptions.basePath)
  const absolute = (sitePath: string) => new URL(urlFor(sitePath), `${siteOptions.url}/`).href
  const termPaths = createTermPaths(site)
  const cards = createCards(site, options, termPaths, urlFor)
  const nav = navSections(site, siteOptions.nav, urlFor)
  const siteFeeds = feeds.enabled ? feedLinks(siteOptions, feedFolder('/'), siteOptions.title) : []
  const shared = sharedContext(options, nav, siteFeeds)
  const bios = createAuthorBios()
  const sharedKey = hashText(
    JSON.stringify([
      shared,
      siteFeeds,
      strings,
      options.theme.options ?? null,
      siteOptions.publisher,
      options.images.siteKey,
    ]),
  )
  return {
    options,
    urlFor,
    absolute,
    termPaths,
    cardOf: (id) => cards.get(id)?.card as CardView,
    cardKeys: (ids) => ids.map((id) => cards.get(id)?.key ?? '').join(','),
    profileOf: (author) => bios(author, toAuthorProfile(author, termPaths, urlFor, options.images)),
    profileKey: (authors) =>
      authors.some((a) => a.role || a.bio || a.photo || a.links?.length)
        ? hashText(JSON.stringify(authors.map((a) => [a.slug, a.role, a.bio, a.photo, a.links])))
        : '',
    shared,
    sharedKey,
    siteFeeds,
    nav,
    homeCrumb: { name: strings['nav.home'] ?? 'Home', url: absolute('/') },
    meta: (m) => ({
      description: siteOptions.description,
      ogType: 'website',
      noindex: false,
      feeds: siteFeeds,
      alternates: [],
      jsonLd: [],
      image: options.images.siteShare,
      ...m,
    }),
    titled: (title) => `${title} | ${siteOptions.title}`,
    listingFeeds: (kind, listingPath, name) =>
      feeds.enabled &&
      ((kind === 'category' && feeds.categories) ||
        (kind === 'tag' && feeds.tags) ||
        (kind === 'author' && feeds.authors))
        ? feedLinks(siteOptions, feedFolder(listingPath), `${siteOptions.title}: ${name}`)
        : [],
  }
}
