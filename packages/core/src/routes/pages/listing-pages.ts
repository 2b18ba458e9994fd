import type { ArticleAuthor } from '../../site/types.js'
import { absoluteUrl } from '../absolute-url.js'
import { paginatedPath } from '../permalink.js'
import type { RoutedCollection, RoutedSite } from '../route-site.js'
import type { UrlFor } from '../to-views.js'
import type { AuthorProfileView, PageMeta, PaginationView } from '../views.js'
import type { PageKit, PageSpec } from './page-kit.js'

type ListingKind = 'category' | 'tag' | 'author' | 'archive'

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

/** The author a collection of kind `author` is about, as its articles' bylines have them. */
const authorOf = (collection: RoutedCollection): ArticleAuthor | undefined =>
  collection.articles[0]?.authors.find((a) => a.slug === collection.term.slug)

/** What an author's page shows of them in its head: the bio as description, the photo to share. */
function authorMeta(profile: AuthorProfileView, kit: PageKit): Partial<PageMeta> {
  return {
    ...(profile.bioText ? { description: profile.bioText } : {}),
    ...(profile.photo
      ? { image: { url: absoluteUrl(kit.options.site, profile.photo), alt: profile.name } }
      : {}),
  }
}

/** The numbered pages of one listing. */
function listingPagesOf(collection: RoutedCollection, kind: ListingKind, kit: PageKit): PageSpec[] {
  const { strings, pageSize } = kit.options
  const total = Math.max(1, Math.ceil(collection.articles.length / pageSize))
  const ownFeeds = kit.listingFeeds(kind, collection.path, collection.term.name)
  const pageWord = strings['route.page'] ?? 'page'
  const kindLabel = kind === 'archive' ? undefined : (strings[`listing.${kind}`] ?? kind)
  const label = kindLabel ? `${kindLabel}: ${collection.term.name}` : collection.term.name
  const crumbs = [kit.homeCrumb, { name: collection.term.name, url: kit.absolute(collection.path) }]
  const author = kind === 'author' ? authorOf(collection) : undefined
  let profile: Promise<AuthorProfileView> | undefined
  const profileOf = (who: ArticleAuthor) => {
    profile ??= kit.profileOf(who)
    return profile
  }
  const { structuredData } = kit.options
  return Array.from({ length: total }, (_, i): PageSpec => {
    const n = i + 1
    const path = paginatedPath(collection.path, n, pageWord)
    const ids = collection.articles.slice(i * pageSize, n * pageSize).map((a) => a.id)
    const pageTitle =
      n > 1 ? `${label} (${(strings['pagination.page'] ?? 'Page {n}').replace('{n}', String(n))})` : label
    return {
      path,
      owner: `the ${kind} listing "${collection.term.name}"`,
      layout: 'listing',
      key: `${kind}|${collection.term.name}|${n}/${total}|${kit.cardKeys(ids)}${author ? kit.profileKey([author]) : ''}`,
      context: async () => {
        const who = author ? await profileOf(author) : undefined
        return {
          site: kit.shared,
          page: {
            kind,
            url: kit.urlFor(path),
            breadcrumbs: crumbs,
            meta: kit.meta({
              title: kit.titled(pageTitle),
              description: (strings[`listing.${kind}.description`] ?? '{name}').replace(
                '{name}',
                collection.term.name,
              ),
              canonical: kit.absolute(path),
              feeds: [...kit.siteFeeds, ...ownFeeds],
              jsonLd:
                who && structuredData.author
                  ? structuredData.author(who, crumbs)
                  : structuredData.listing(crumbs),
              ...(who ? authorMeta(who, kit) : {}),
            }),
          },
          theme: kit.options.theme.options ?? {},
          listing: {
            kind,
            label: kindLabel,
            name: collection.term.name,
            url: kit.urlFor(collection.path),
            ...(who ? { author: who } : {}),
            articles: ids.map(kit.cardOf),
            pagination: paginate(collection.path, n, total, pageWord, kit.urlFor),
          },
        }
      },
    }
  })
}

/** Listings of sections, tags, authors and the archive of everything, paginated. */
export function listingPages(site: RoutedSite, kit: PageKit): PageSpec[] {
  const { strings } = kit.options
  const archive: RoutedCollection = {
    kind: 'category',
    term: { name: strings['archive.title'] ?? 'Archive', slug: '' },
    articles: site.articles,
    path: `/${strings['route.archive'] ?? 'archive'}/`,
  }
  return [
    ...site.categories.flatMap((c) => listingPagesOf(c, 'category', kit)),
    ...site.tags.flatMap((c) => listingPagesOf(c, 'tag', kit)),
    ...site.authors.flatMap((c) => listingPagesOf(c, 'author', kit)),
    ...(site.articles.length > 0 ? listingPagesOf(archive, 'archive', kit) : []),
  ]
}
