import type { RoutedSite } from '../route-site.js'
import type { PageKit, PageSpec } from './page-kit.js'

/**
 * A "410 Gone" stub at the URL of each removed article (a legal takedown, or an expiry with
 * `content.expire: 'remove'`). It shows nothing of the story, not even the headline, which
 * may be what was taken down: only that the page was removed, when, and the editor's note.
 * It uses the theme's `404` layout, with the page kind `gone`; hosts answer it with status
 * 410 through the rules beside the redirects (see `pipeline/redirects.ts`).
 */
export function gonePages(site: RoutedSite, kit: PageKit): PageSpec[] {
  const { strings } = kit.options
  // Like the 404 page, the stub offers the latest stories.
  const latest = site.articles.slice(0, 5).map((a) => a.id)
  return site.removed.map((article) => ({
    path: article.path,
    owner: article.sourcePath,
    outputPath: article.outputPath,
    layout: '404',
    key: `gone|${article.editorNote?.date.iso ?? ''}|${article.editorNote?.note ?? ''}|${kit.cardKeys(latest)}`,
    context: () => ({
      site: kit.shared,
      page: {
        kind: 'gone',
        url: kit.urlFor(article.path),
        breadcrumbs: [],
        meta: kit.meta({
          title: kit.titled(strings['gone.title'] ?? 'Page removed'),
          canonical: kit.absolute(article.path),
          noindex: true,
        }),
      },
      theme: kit.options.theme.options ?? {},
      gone: article.editorNote ? { note: article.editorNote } : {},
      home: { latest: latest.map(kit.cardOf), sections: [] },
    }),
  }))
}
