import type { RoutedSite } from '../route-site.js'
import type { PageKit, PageSpec } from './page-kit.js'

/** The not-found page; it lists the latest articles, so their cards are part of its key. */
export function notFoundPage(site: RoutedSite, kit: PageKit): PageSpec[] {
  const latest = site.articles.slice(0, 5).map((a) => a.id)
  return [
    {
      path: '/404.html',
      owner: 'the 404 page',
      layout: '404',
      key: kit.cardKeys(latest),
      context: () => ({
        site: kit.shared,
        page: {
          kind: '404',
          url: kit.urlFor('/404.html'),
          breadcrumbs: [],
          meta: kit.meta({
            title: kit.titled(kit.options.strings['notFound.title'] ?? 'Page not found'),
            canonical: kit.absolute('/404.html'),
            noindex: true,
          }),
        },
        theme: kit.options.theme.options ?? {},
        home: { latest: latest.map(kit.cardOf), sections: [] },
      }),
    },
  ]
}
