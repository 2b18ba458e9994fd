import { compareText } from '../util/compare-text.js'
import type { NewsDate } from '../util/news-date.js'
import { createNewsDate } from '../util/news-date.js'
import type { SiteArticle } from './types.js'

/** When the published site next changes by the clock alone, and why. */
export interface Schedule {
  /** The build's clock. */
  builtAt: string
  /** The earliest upcoming change, or `null` when nothing is scheduled. */
  next: string | null
  /** Every upcoming change, soonest first. */
  changes: {
    at: string
    kind: 'publish' | 'expire' | 'leaves-news-sitemap'
    article: string
    source: string
  }[]
}

/** The news sitemap lists articles of the last 48 hours. */
const NEWS_WINDOW_MS = 48 * 3600_000

/**
 * Lists the moments after `now` at which the site's content changes without any file
 * changing: embargoes lifting, articles expiring, articles leaving the news sitemap. A
 * scheduler or CI job can rebuild exactly then.
 */
export function computeSchedule(articles: readonly SiteArticle[], now: number, timeZone: string): Schedule {
  const changes: Schedule['changes'] = []
  const add = (date: NewsDate | number, kind: Schedule['changes'][number]['kind'], article: SiteArticle) => {
    const time = typeof date === 'number' ? date : date.time
    if (time > now)
      changes.push({
        at: createNewsDate(time, timeZone).iso,
        kind,
        article: article.id,
        source: article.sourcePath,
      })
  }
  for (const article of articles) {
    if (article.draft) continue
    add(
      article.publishAt.time > article.published.time ? article.publishAt : article.published,
      'publish',
      article,
    )
    if (article.expireAt) add(article.expireAt, 'expire', article)
    add(article.published.time + NEWS_WINDOW_MS, 'leaves-news-sitemap', article)
  }
  changes.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || compareText(a.article, b.article))
  return { builtAt: createNewsDate(now, timeZone).iso, next: changes[0]?.at ?? null, changes }
}
