import type { RoutedSite } from '../route-site.js'
import type { PageKit, PageSpec } from './page-kit.js'

/**
 * The search page, when search is on: a form that works without JavaScript (it reloads the page
 * with `?q=`) and the theme's script that searches the index. What it shows is the site's
 * shared context alone, so its key is the shared key's.
 */
export function searchPage(_site: RoutedSite, kit: PageKit): PageSpec[] {
  const { searchPath, strings } = kit.options
  if (!searchPath) return []
  const title = strings['search.title'] ?? 'Search'
  return [
    {
      path: searchPath,
      owner: 'the search page',
      layout: 'search',
      key: '',
      context: () => ({
        site: kit.shared,
        page: {
          kind: 'search',
          url: kit.urlFor(searchPath),
          breadcrumbs: [kit.homeCrumb, { name: title, url: kit.absolute(searchPath) }],
          meta: kit.meta({
            title: kit.titled(title),
            description: strings['search.description'] ?? kit.options.site.description,
            canonical: kit.absolute(searchPath),
          }),
        },
        theme: kit.options.theme.options ?? {},
      }),
    },
  ]
}
