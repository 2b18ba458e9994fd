import type { SiteArticle, Term } from '../site/types.js'

/** Fills an article permalink pattern. Date parts are the publication date in the site's zone. */
export function articlePermalink(pattern: string, article: SiteArticle): string {
  const [year = '', month = '', day = ''] = article.published.iso.slice(0, 10).split('-')
  const values: Record<string, string> = {
    year,
    month,
    day,
    slug: article.slug,
    id: article.id,
    category: article.category?.slug ?? 'uncategorized',
  }
  return withSlashes(
    pattern.replace(/:([a-z]+)/g, (whole, name: string) =>
      // Own keys only: `:constructor` must stay as written, not become Object's source text.
      Object.hasOwn(values, name) ? (values[name] as string) : whole,
    ),
  )
}

/** Fills a listing permalink pattern such as `/kategori/:slug/`. */
export function termPermalink(pattern: string, term: Term): string {
  return withSlashes(pattern.replace(/:slug\b/g, term.slug))
}

/** The path of page `n` (1-based) of a listing: page 1 is the listing itself. */
export function paginatedPath(path: string, n: number, pageWord: string): string {
  return n <= 1 ? path : `${path}${pageWord}/${n}/`
}

function withSlashes(path: string): string {
  const leading = path.startsWith('/') ? path : `/${path}`
  return /\.[a-z0-9]+$/i.test(leading) || leading.endsWith('/') ? leading : `${leading}/`
}
