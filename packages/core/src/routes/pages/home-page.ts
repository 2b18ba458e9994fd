import type { FrontPagePlan } from '../../config/theme.js'
import type { RoutedArticle, RoutedSite } from '../route-site.js'
import type { TermView } from '../views.js'
import type { PageKit, PageSpec } from './page-kit.js'

const count = (value: number | undefined, fallback: number) =>
  value !== undefined && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : fallback

/**
 * What the front page shows, each story once: the top story, the latest, then for each
 * navigation section its newest stories not shown above. A section with nothing new is left out.
 */
export function planFrontPage(
  site: Pick<RoutedSite, 'articles' | 'categories'>,
  nav: readonly TermView[],
  plan: FrontPagePlan = {},
): { top?: RoutedArticle; latest: RoutedArticle[]; sections: { section: TermView; ids: string[] }[] } {
  const [top, ...rest] = site.articles
  const latest = rest.slice(0, count(plan.latest, 10))
  const shown = new Set([...(top ? [top.id] : []), ...latest.map((a) => a.id)])
  const sectionSize = count(plan.sectionSize, 4)
  const sections: { section: TermView; ids: string[] }[] = []
  for (const section of nav) {
    if (sections.length >= count(plan.sections, nav.length)) break
    const collection = site.categories.find((c) => c.term.slug === section.slug)
    const ids = (collection?.articles ?? [])
      .filter((a) => !shown.has(a.id))
      .slice(0, sectionSize)
      .map((a) => a.id)
    if (ids.length === 0) continue
    for (const id of ids) shown.add(id)
    sections.push({ section, ids })
  }
  return { top, latest, sections }
}

/** The home page: the top story, the latest, then a block per section of the navigation. */
export function homePage(site: RoutedSite, kit: PageKit): PageSpec[] {
  const { top, latest, sections } = planFrontPage(site, kit.nav, kit.options.theme.frontPage)
  const homeIds = [...(top ? [top.id] : []), ...latest.map((a) => a.id)]
  return [
    {
      path: '/',
      owner: 'the home page',
      layout: 'home',
      key: kit.cardKeys(homeIds) + sections.map((b) => b.section.slug + kit.cardKeys(b.ids)).join('|'),
      context: () => ({
        site: kit.shared,
        page: {
          kind: 'home',
          url: kit.urlFor('/'),
          breadcrumbs: [],
          meta: kit.meta({
            title: kit.options.site.title,
            canonical: kit.absolute('/'),
            jsonLd: kit.options.structuredData.home({ logo: kit.options.images.logo }),
          }),
        },
        theme: kit.options.theme.options ?? {},
        home: {
          top: top ? kit.cardOf(top.id) : undefined,
          latest: latest.map((a) => kit.cardOf(a.id)),
          sections: sections.map((b) => ({ section: b.section, articles: b.ids.map(kit.cardOf) })),
        },
      }),
    },
  ]
}
