import { hashText } from '../../util/hash.js'
import type { PathRegistry, RoutedSite } from '../route-site.js'
import { articlePages } from './article-pages.js'
import { gonePages } from './gone-pages.js'
import { homePage } from './home-page.js'
import { listingPages } from './listing-pages.js'
import { notFoundPage } from './not-found-page.js'
import { type Page, type PagesOptions, withSourceHash } from './page.js'
import { createPageKit, type PageKit, type PageSpec } from './page-kit.js'
import { searchPage } from './search-page.js'

/** The kinds of page a site has, in the order their paths are claimed. A new kind is one more entry. */
const PAGE_KINDS: ((site: RoutedSite, kit: PageKit) => PageSpec[])[] = [
  homePage,
  articlePages,
  gonePages,
  listingPages,
  searchPage,
  notFoundPage,
]

/** Turns the routed site into the list of pages to render. */
export function createPages(site: RoutedSite, registry: PathRegistry, options: PagesOptions): Page[] {
  const kit = createPageKit(site, options)
  const pages: Page[] = []
  for (const kind of PAGE_KINDS) {
    for (const spec of kind(site, kit)) {
      const outputPath = spec.outputPath ?? registry.claim(spec.path, spec.owner)
      if (!outputPath) continue
      const key = hashText(`${kit.sharedKey}|${spec.layout}|${spec.path}|${spec.key}`)
      pages.push({
        path: spec.path,
        outputPath,
        layout: spec.layout,
        key: spec.sourceHash ? withSourceHash(key, spec.sourceHash) : key,
        context: async () => spec.context(),
      })
    }
  }
  return pages
}
