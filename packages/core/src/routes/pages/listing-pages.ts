import type { ArticleAuthor } from '../../site/types.js'
import { absoluteUrl } from '../absolute-url.js'
import type { RoutedCollection, RoutedSite } from '../route-site.js'
import type { AuthorProfileView, PageMeta } from '../views.js'
import type { PageKit, PageSpec } from './page-kit.js'
import { paginateListing } from './pagination.js'

type ListingKind = 'category' | 'tag' | 'author' | 'archive'

/** The author a collection of kind `author` is about, as its articles' bylines have them. */
const authorOf = (collection: RoutedCollection): ArticleAuthor | undefined =>
  collection.articles[0]?.authors.find((a) => a.slug === collection.term.slug)

/** What an author's page shows of them in its head: the bio as description, the photo to share. */
function authorMeta(profile: AuthorProfileView, kit: PageKit): Partial<PageMeta> {
  return {
    ...(profile.bioText ? { description: profile.bioText } : {}),
    ...(profile.portrait?.file
      ? { image: { ...profile.portrait.file, alt: profile.name } }
      : profile.photo
        ? { image: { url: absoluteUrl(kit.options.site, profile.photo), alt: profile.name } }
        : {}),
  }
}

/** The numbered pages of one listing. */
function listingPagesOf(collection: RoutedCollection, kind: ListingKind, kit: PageKit): PageSpec[] {
  const { strings, pageSize, pageNumbering } = kit.options
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
  const listingPages = paginateListing({
    path: collection.path,
    count: collection.articles.length,
    size: pageSize,
    numbering: pageNumbering,
    pageWord,
    urlFor: kit.urlFor,
  })
  return listingPages.map(({ path, number, from, to, pagination }): PageSpec => {
    const ids = collection.articles.slice(from, to).map((a) => a.id)
    const pageTitle = pagination.first
      ? label
      : `${label} (${(strings['pagination.page'] ?? 'Page {n}').replace('{n}', String(number))})`
    return {
      path,
      owner: `the ${kind} listing "${collection.term.name}"`,
      layout: 'listing',
      // The page bar is in the key whole: an archive page keeps its key while its links stay put.
      key: `${kind}|${collection.term.name}|${JSON.stringify(pagination)}|${kit.cardKeys(ids)}${author ? kit.profileKey([author]) : ''}`,
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
            pagination,
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
