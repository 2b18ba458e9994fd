import { hashText } from '../../util/hash.js'
import type { PathRegistry, RoutedSite } from '../route-site.js'
import type { EditionLinks, PageContext } from '../views.js'
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
  const { editionLinks } = options
  for (const kind of PAGE_KINDS) {
    if (kind === notFoundPage && options.notFound === false) continue
    for (const spec of kind(site, kit)) {
      const outputPath = spec.outputPath ?? registry.claim(spec.path, spec.owner)
      if (!outputPath) continue
      // A page's links to the other editions are part of it: a new translation re-renders it.
      const links = editionLinks && spec.layout !== '404' ? editionLinks(spec.path) : undefined
      const key = hashText(
        `${kit.sharedKey}|${spec.layout}|${spec.path}|${spec.key}${links ? `|${JSON.stringify(links)}` : ''}`,
      )
      pages.push({
        path: spec.path,
        outputPath,
        layout: spec.layout,
        key: spec.sourceHash ? withSourceHash(key, spec.sourceHash) : key,
        context: links
          ? async () => withEditionLinks(await spec.context(), links)
          : async () => spec.context(),
      })
    }
  }
  return pages
}

/** A page's context with its alternates in the head and the other editions for the switch. */
function withEditionLinks(context: PageContext, links: EditionLinks): PageContext {
  const { page } = context
  return {
    ...context,
    page: { ...page, meta: { ...page.meta, alternates: links.alternates }, languages: links.languages },
  }
}
