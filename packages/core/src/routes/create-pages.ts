import type { ResolvedConfig } from '../config/resolve-config.js'
import type { Strings } from '../config/theme.js'
import { compareText } from '../util/compare-text.js'
import { hashText } from '../util/hash.js'
import { type NewsDate, parseNewsDate, toZonedIso } from '../util/news-date.js'
import { feedFolder, feedLinks } from './feed-links.js'
import { paginatedPath } from './permalink.js'
import type { PathRegistry, RoutedArticle, RoutedCollection, RoutedSite } from './route-site.js'
import { createUrlFor, type TermPaths, toArticleView, toCardView, type UrlFor } from './to-views.js'
import type {
  ArticleView,
  CardView,
  Crumb,
  PageContext,
  PageMeta,
  PaginationView,
  TermView,
} from './views.js'

/** One HTML page to render: where it goes, with which layout, from what data. */
export interface Page {
  /** Site path without the base path. */
  path: string
  outputPath: string
  /** Theme layout name: `home`, `article`, `listing` or `404`. */
  layout: string
  /**
   * Fingerprint of every input of the page's context. Equal keys (with equal templates)
   * mean equal output, which is what lets a rebuild skip the page.
   */
  key: string
  /** Builds the template context; only called for pages that are rendered (article bodies may be read from the cache). */
  context(): Promise<PageContext>
}

/**
 * An article page's key: what the page shows of other articles and of the site, then the
 * article's source hash, kept apart so that a body-only edit can rekey the page alone.
 */
export const withSourceHash = (pageKey: string, sourceHash: string): string =>
  `${pageKey.split('.')[0]}.${sourceHash}`

/** Structured data the pages stage asks the outputs stage for: serialised JSON-LD, safe inside `<script>`. */
export interface StructuredData {
  article(article: ArticleView, crumbs: Crumb[]): string[]
  listing(crumbs: Crumb[]): string[]
  home(): string[]
}

/** Looks up the listing path of a category, tag or author. */
export function createTermPaths(site: RoutedSite): TermPaths {
  const pathsByKind = new Map<string, string>()
  for (const c of [...site.categories, ...site.tags, ...site.authors])
    pathsByKind.set(`${c.kind}:${c.term.slug}`, c.path)
  return (kind, slug) => pathsByKind.get(`${kind}:${slug}`)
}

/** Options of the pages stage. */
export interface PagesOptions {
  config: ResolvedConfig
  strings: Strings
  structuredData: StructuredData
  /** The build's clock (for the footer year, which must not change within a build). */
  now: number
  /** The sanitized body of an article: kept out of the site model so that huge archives fit in memory. */
  bodyOf: (article: RoutedArticle) => Promise<string>
  /** Cards kept between runs of one builder, by source hash, id and path. */
  cardMemo?: Map<string, { card: CardView; key: string }>
}

/** Turns the routed site into the list of pages to render. */
export function createPages(site: RoutedSite, registry: PathRegistry, options: PagesOptions): Page[] {
  const { config, strings } = options
  const urlFor = createUrlFor(config.site.basePath)
  const absolute = (path: string) => new URL(urlFor(path), `${config.site.url}/`).href
  const termPaths = createTermPaths(site)

  const cards = new Map<string, { card: CardView; key: string }>()
  const memo = options.cardMemo
  const used = new Map<string, { card: CardView; key: string }>()
  for (const article of site.articles) {
    // The id is in the card and comes from the file's path when front matter gives none: a
    // renamed file keeps its text and URL but not its id.
    const memoKey = `${article.sourceHash}|${article.id}|${article.path}`
    let entry = memo?.get(memoKey)
    if (!entry) {
      const card = toCardView(article, termPaths, urlFor)
      entry = { card, key: hashText(JSON.stringify(card)) }
    }
    used.set(memoKey, entry)
    cards.set(article.id, entry)
  }
  if (memo) {
    memo.clear()
    for (const [key, entry] of used) memo.set(key, entry)
  }
  const cardOf = (id: string) => cards.get(id)?.card as CardView
  const cardKeys = (ids: string[]) => ids.map((id) => cards.get(id)?.key ?? '').join(',')

  const nav = navSections(site, config, urlFor)
  const shared: PageContext['site'] = {
    title: config.site.title,
    description: config.site.description,
    lang: config.site.lang,
    url: config.site.url,
    basePath: config.site.basePath,
    logo: config.site.logo,
    nav,
    footerLinks: config.site.footerLinks,
    colors: Object.entries(config.site.colors).map(([name, value]) => ({ name, value })),
    copyright: config.site.copyright,
    // The day only: a clock reading would change every page on every build.
    today: config.theme.usesBuildDate
      ? (parseNewsDate(
          toZonedIso(options.now, config.site.timezone).slice(0, 10),
          config.site.timezone,
        ) as NewsDate)
      : undefined,
    year: Number(
      new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: config.site.timezone }).format(options.now),
    ),
  }
  const siteFeeds = config.feeds.enabled ? feedLinks(config.site, feedFolder('/'), config.site.title) : []
  const sharedKey = hashText(
    JSON.stringify([shared, siteFeeds, strings, config.theme.options ?? null, config.site.publisher]),
  )
  const home: Crumb = { name: strings['nav.home'] ?? 'Home', url: absolute('/') }

  const meta = (m: Partial<PageMeta> & Pick<PageMeta, 'title' | 'canonical'>): PageMeta => ({
    description: config.site.description,
    ogType: 'website',
    noindex: false,
    feeds: siteFeeds,
    alternates: [],
    jsonLd: [],
    ...m,
  })
  const pages: Page[] = []
  const add = (path: string, owner: string, layout: string, key: string, makeContext: () => PageContext) => {
    const context = async () => makeContext()
    const outputPath = registry.claim(path, owner)
    if (outputPath)
      pages.push({
        path,
        outputPath,
        layout,
        key: hashText(`${sharedKey}|${layout}|${path}|${key}`),
        context,
      })
  }
  const titled = (title: string) => `${title} | ${config.site.title}`

  // Home page: the top story, the latest, then a block per section.
  const [top, ...rest] = site.articles
  const latest = rest.slice(0, 10)
  const sectionBlocks = nav.flatMap((section) => {
    const collection = site.categories.find((c) => c.term.slug === section.slug)
    return collection ? [{ section, ids: collection.articles.slice(0, 4).map((a) => a.id) }] : []
  })
  const homeIds = [...(top ? [top.id] : []), ...latest.map((a) => a.id)]
  add(
    '/',
    'the home page',
    'home',
    cardKeys(homeIds) + sectionBlocks.map((b) => b.section.slug + cardKeys(b.ids)).join('|'),
    () => ({
      site: shared,
      page: {
        kind: 'home',
        url: urlFor('/'),
        breadcrumbs: [],
        meta: meta({
          title: config.site.title,
          canonical: absolute('/'),
          jsonLd: options.structuredData.home(),
        }),
      },
      theme: config.theme.options ?? {},
      home: {
        top: top ? cardOf(top.id) : undefined,
        latest: latest.map((a) => cardOf(a.id)),
        sections: sectionBlocks.map((b) => ({ section: b.section, articles: b.ids.map(cardOf) })),
      },
    }),
  )

  // Article pages.
  for (const article of site.articles) {
    const related = (site.related.get(article.id) ?? []).map((a) => a.id)
    const categoryPath = article.category ? termPaths('category', article.category.slug) : undefined
    const crumbs = () => [
      home,
      ...(article.category && categoryPath
        ? [{ name: article.category.name, url: absolute(categoryPath) }]
        : []),
      { name: article.title, url: absolute(article.path) },
    ]
    const preview =
      article.draft || article.publishAt.time > options.now || article.published.time > options.now
    const key = `${cards.get(article.id)?.key}|${cardKeys(related)}|${preview}`
    const pagePath = article.path
    const outputPath = article.outputPath
    pages.push({
      path: pagePath,
      outputPath,
      layout: 'article',
      key: withSourceHash(hashText(`${sharedKey}|article|${pagePath}|${key}`), article.sourceHash),
      context: async () => {
        const view = toArticleView(article, termPaths, urlFor, options.now, await options.bodyOf(article))
        const trail = crumbs()
        const canonical = article.canonical
          ? new URL(article.canonical, `${config.site.url}/`).href
          : absolute(article.path)
        const categoryFeeds =
          categoryPath && config.feeds.enabled && config.feeds.categories
            ? feedLinks(
                config.site,
                feedFolder(categoryPath),
                `${config.site.title}: ${article.category?.name}`,
              )
            : []
        return {
          site: shared,
          page: {
            kind: 'article',
            url: view.url,
            breadcrumbs: trail,
            meta: meta({
              title: titled(article.title),
              description: article.excerpt,
              canonical,
              ogType: 'article',
              image: article.image
                ? {
                    url: new URL(urlFor(article.image.src), `${config.site.url}/`).href,
                    width: article.image.width,
                    height: article.image.height,
                    alt: article.image.alt,
                  }
                : undefined,
              noindex: preview,
              feeds: [...siteFeeds, ...categoryFeeds],
              article: {
                publishedTime: article.published.iso,
                modifiedTime: article.modified.iso,
                section: article.category?.name,
                tags: article.tags.map((t) => t.name),
                authors: article.authors.map((a) => a.name),
              },
              jsonLd: options.structuredData.article(view, trail),
            }),
          },
          theme: config.theme.options ?? {},
          article: view,
          related: related.map(cardOf),
        }
      },
    })
  }

  // Listings: sections, tags, authors and the archive of everything, paginated.
  const archive: RoutedCollection = {
    kind: 'category',
    term: { name: strings['archive.title'] ?? 'Archive', slug: '' },
    articles: site.articles,
    path: `/${strings['route.archive'] ?? 'archive'}/`,
  }
  const listings: [RoutedCollection, 'category' | 'tag' | 'author' | 'archive'][] = [
    ...site.categories.map((c) => [c, 'category'] as [RoutedCollection, 'category']),
    ...site.tags.map((c) => [c, 'tag'] as [RoutedCollection, 'tag']),
    ...site.authors.map((c) => [c, 'author'] as [RoutedCollection, 'author']),
    ...(site.articles.length > 0 ? [[archive, 'archive'] as [RoutedCollection, 'archive']] : []),
  ]
  const pageWord = strings['route.page'] ?? 'page'
  for (const [collection, kind] of listings) {
    const total = Math.max(1, Math.ceil(collection.articles.length / config.pageSize))
    const ownFeeds =
      config.feeds.enabled &&
      ((kind === 'category' && config.feeds.categories) ||
        (kind === 'tag' && config.feeds.tags) ||
        (kind === 'author' && config.feeds.authors))
        ? feedLinks(config.site, feedFolder(collection.path), `${config.site.title}: ${collection.term.name}`)
        : []
    for (let n = 1; n <= total; n++) {
      const path = paginatedPath(collection.path, n, pageWord)
      const ids = collection.articles.slice((n - 1) * config.pageSize, n * config.pageSize).map((a) => a.id)
      const label =
        kind === 'archive'
          ? collection.term.name
          : `${strings[`listing.${kind}`] ?? kind}: ${collection.term.name}`
      const crumbs = [home, { name: collection.term.name, url: absolute(collection.path) }]
      add(
        path,
        `the ${kind} listing "${collection.term.name}"`,
        'listing',
        `${kind}|${collection.term.name}|${n}/${total}|${cardKeys(ids)}`,
        () => {
          const pagination = paginate(collection.path, n, total, pageWord, urlFor)
          const pageTitle =
            n > 1
              ? `${label} (${(strings['pagination.page'] ?? 'Page {n}').replace('{n}', String(n))})`
              : label
          return {
            site: shared,
            page: {
              kind,
              url: urlFor(path),
              breadcrumbs: crumbs,
              meta: meta({
                title: titled(pageTitle),
                description: (strings[`listing.${kind}.description`] ?? '{name}').replace(
                  '{name}',
                  collection.term.name,
                ),
                canonical: absolute(path),
                feeds: [...siteFeeds, ...ownFeeds],
                jsonLd: options.structuredData.listing(crumbs),
              }),
            },
            theme: config.theme.options ?? {},
            listing: {
              kind,
              name: collection.term.name,
              url: urlFor(collection.path),
              articles: ids.map(cardOf),
              pagination,
            },
          }
        },
      )
    }
  }

  // The not-found page lists the latest articles, so their cards are part of its key.
  const notFoundLatest = site.articles.slice(0, 5).map((a) => a.id)
  add('/404.html', 'the 404 page', '404', cardKeys(notFoundLatest), () => ({
    site: shared,
    page: {
      kind: '404',
      url: urlFor('/404.html'),
      breadcrumbs: [],
      meta: meta({
        title: titled(strings['notFound.title'] ?? 'Page not found'),
        canonical: absolute('/404.html'),
        noindex: true,
      }),
    },
    theme: config.theme.options ?? {},
    home: { latest: notFoundLatest.map(cardOf), sections: [] },
  }))
  return pages
}

function paginate(
  listingPath: string,
  current: number,
  total: number,
  pageWord: string,
  urlFor: UrlFor,
): PaginationView {
  const url = (n: number) => urlFor(paginatedPath(listingPath, n, pageWord))
  return {
    current,
    total,
    prev: current > 1 ? url(current - 1) : undefined,
    next: current < total ? url(current + 1) : undefined,
    pages: Array.from({ length: total }, (_, i) => ({
      number: i + 1,
      url: url(i + 1),
      current: i + 1 === current,
    })),
  }
}

/** The masthead's sections: the configured ones in order, else the six largest categories. */
function navSections(site: RoutedSite, config: ResolvedConfig, urlFor: UrlFor): TermView[] {
  const view = (c: RoutedCollection): TermView => ({
    name: c.term.name,
    slug: c.term.slug,
    url: urlFor(c.path),
  })
  if (config.site.nav) {
    return config.site.nav.flatMap((name) => {
      const found = site.categories.find((c) => c.term.name === name || c.term.slug === name)
      return found ? [view(found)] : []
    })
  }
  return [...site.categories]
    .sort((a, b) => b.articles.length - a.articles.length || compareText(a.term.slug, b.term.slug))
    .slice(0, 6)
    .map(view)
}
