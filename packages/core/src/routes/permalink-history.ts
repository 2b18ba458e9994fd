import { compareText } from '../util/compare-text.js'
import type { RoutedArticle } from './route-site.js'

/**
 * Every URL each article has had, keyed by its stable id, oldest first. Kept in the site
 * folder as `warta.permalinks.json` and committed like a lockfile, so that a changed slug,
 * date or permalink pattern never breaks a link someone shared.
 */
export interface PermalinkHistory {
  version: 1
  articles: Record<string, string[]>
}

/** The history file's name in the site folder. */
export const PERMALINK_HISTORY_FILE = 'warta.permalinks.json'

/** A URL that moved. */
export interface Redirect {
  /** Site path the article used to have. */
  from: string
  /** Site path it has now. */
  to: string
  /** Source of the article, for messages. */
  source: string
}

/** Reads a history file's text; anything unreadable starts a new history. */
export function parsePermalinkHistory(text: string | undefined): PermalinkHistory {
  if (!text) return { version: 1, articles: {} }
  try {
    const parsed = JSON.parse(text) as PermalinkHistory
    if (parsed?.version === 1 && parsed.articles && typeof parsed.articles === 'object') return parsed
  } catch {
    // fall through
  }
  return { version: 1, articles: {} }
}

/**
 * Adds each article's current path to the history and lists redirects from every earlier
 * path to the current one. `added` holds the redirects this build introduced.
 */
export function updatePermalinkHistory(
  history: PermalinkHistory,
  articles: readonly RoutedArticle[],
): { history: PermalinkHistory; redirects: Redirect[]; added: Redirect[] } {
  const next: Record<string, string[]> = { ...history.articles }
  const redirects: Redirect[] = []
  const added: Redirect[] = []
  for (const article of articles) {
    const previous = history.articles[article.id] ?? []
    const paths = previous.includes(article.path)
      ? [...previous.filter((p) => p !== article.path), article.path]
      : [...previous, article.path]
    next[article.id] = paths
    for (const from of paths.slice(0, -1)) {
      const redirect = { from, to: article.path, source: article.sourcePath }
      redirects.push(redirect)
      if (previous.at(-1) !== article.path && previous.at(-1) === from) added.push(redirect)
    }
  }
  const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => compareText(a, b)))
  return {
    history: { version: 1, articles: sorted },
    redirects: redirects.sort((a, b) => compareText(a.from, b.from)),
    added,
  }
}

/** A page that sends readers and crawlers from an old URL to the new one. */
export function generateRedirectPage(toUrl: string, lang: string): string {
  const href = toUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  return `<!doctype html>
<html lang="${lang.replace(/[^A-Za-z0-9-]/g, '')}">
<meta charset="utf-8">
<title>Redirecting…</title>
<link rel="canonical" href="${href}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${href}">
<p><a href="${href}">${href}</a></p>
</html>
`
}

/** A line of `_redirects`: a move (301), or a removed page answered with status 410 and its stub. */
export interface HostRule {
  from: string
  to: string
  status: 301 | 410
}

/**
 * A `_redirects` file (Netlify, Cloudflare Pages and others): `from to 301` per line for moves,
 * `from stub 410!` for removed pages (Netlify serves the stub with status 410, `!` because the
 * stub's own file is there; Cloudflare Pages knows only redirect codes and skips those lines).
 */
export function generateRedirectsFile(rules: readonly HostRule[]): string {
  return rules
    .map((r) => (r.status === 410 ? `${r.from} ${r.to} 410!` : `${r.from} ${r.to} 301`))
    .map((line) => `${line}\n`)
    .join('')
}

/** A `_headers` file (Netlify, Cloudflare Pages): removed pages say `X-Robots-Tag: noindex` to crawlers whatever their status. */
export function generateHeadersFile(gone: readonly string[]): string {
  return gone.map((from) => `${from}\n  X-Robots-Tag: noindex\n`).join('')
}
