import type { RoutedSite } from '../route-site.js'
import type { PageKit, PageSpec } from './page-kit.js'

/** The home page: the top story, the latest, then a block per section of the navigation. */
export function homePage(site: RoutedSite, kit: PageKit): PageSpec[] {
  const [top, ...rest] = site.articles
  const latest = rest.slice(0, 10)
  const sectionBlocks = kit.nav.flatMap((section) => {
    const collection = site.categories.find((c) => c.term.slug === section.slug)
    return collection ? [{ section, ids: collection.articles.slice(0, 4).map((a) => a.id) }] : []
  })
  const homeIds = [...(top ? [top.id] : []), ...latest.map((a) => a.id)]
  return [
    {
      path: '/',
      owner: 'the home page',
      layout: 'home',
      key: kit.cardKeys(homeIds) + sectionBlocks.map((b) => b.section.slug + kit.cardKeys(b.ids)).join('|'),
      context: () => ({
        site: kit.shared,
        page: {
          kind: 'home',
          url: kit.urlFor('/'),
          breadcrumbs: [],
          meta: kit.meta({
            title: kit.options.site.title,
            canonical: kit.absolute('/'),
            jsonLd: kit.options.structuredData.home(),
          }),
        },
        theme: kit.options.theme.options ?? {},
        home: {
          top: top ? kit.cardOf(top.id) : undefined,
          latest: latest.map((a) => kit.cardOf(a.id)),
          sections: sectionBlocks.map((b) => ({ section: b.section, articles: b.ids.map(kit.cardOf) })),
        },
      }),
    },
  ]
}
