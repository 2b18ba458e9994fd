import { NO_BODY } from '../../content/process-source.js'
import type { RoutedArticle, RoutedSite } from '../route-site.js'
import { toArticleView } from '../to-views.js'
import type { Crumb, PageContext } from '../views.js'
import { articleOpenGraph } from './open-graph.js'
import type { PageKit, PageSpec } from './page-kit.js'

async function articleContext(
  article: RoutedArticle,
  kit: PageKit,
  related: string[],
  preview: boolean,
): Promise<PageContext> {
  const { site, now } = kit.options
  const categoryPath = article.category ? kit.termPaths('category', article.category.slug) : undefined
  const { images } = kit.options
  // A retraction's page shows the editor's note instead of the body: the body is never read,
  // and the lead image (often what was wrong) is neither shown nor shared (Open Graph).
  const retracted = article.status === 'retracted'
  const shown = retracted ? { ...article, image: undefined } : article
  const body = retracted ? NO_BODY : await kit.options.bodyOf(article)
  const html = await images.bodyHtml(article, body.html)
  const base = toArticleView(shown, kit.termPaths, kit.urlFor, now, { ...body, html }, images)
  const view = { ...base, authors: await Promise.all(article.authors.map(kit.profileOf)) }
  const trail: Crumb[] = [
    kit.homeCrumb,
    ...(article.category && categoryPath
      ? [{ name: article.category.name, url: kit.absolute(categoryPath) }]
      : []),
    { name: article.title, url: kit.absolute(article.path) },
  ]
  const canonical = article.canonical
    ? new URL(article.canonical, `${site.url}/`).href
    : kit.absolute(article.path)
  const categoryFeeds =
    article.category && categoryPath ? kit.listingFeeds('category', categoryPath, article.category.name) : []
  return {
    site: kit.shared,
    page: {
      kind: 'article',
      url: view.url,
      breadcrumbs: trail,
      meta: kit.meta({
        title: kit.titled(article.title),
        description: retracted ? (article.editorNote?.note ?? '') : article.excerpt,
        canonical,
        ogType: 'article',
        ...articleOpenGraph(site, view, images.articleShare(shown)),
        noindex: preview || retracted,
        feeds: [...kit.siteFeeds, ...categoryFeeds],
        jsonLd: kit.options.structuredData.article(view, trail, { logo: images.logo }),
      }),
    },
    theme: kit.options.theme.options ?? {},
    article: view,
    related: related.map(kit.cardOf),
  }
}

/** One page per article, at the path the routes stage gave it; retracted articles' pages carry the notice. */
export function articlePages(site: RoutedSite, kit: PageKit): PageSpec[] {
  const { now } = kit.options
  return [...site.articles, ...site.retracted].map((article) => {
    const related =
      article.status === 'retracted' ? [] : (site.related.get(article.id) ?? []).map((a) => a.id)
    const preview = article.draft || article.publishAt.time > now || article.published.time > now
    return {
      path: article.path,
      owner: article.sourcePath,
      outputPath: article.outputPath,
      layout: 'article',
      // The card covers the lead image; the body's pictures and the share card are the page's own.
      key: `${kit.cardKeys([article.id])}|${kit.cardKeys(related)}|${preview}${kit.profileKey(article.authors)}|${kit.options.images.articleKey(article)}`,
      sourceHash: article.sourceHash,
      context: () => articleContext(article, kit, related, preview),
    }
  })
}
