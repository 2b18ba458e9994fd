import type { Diagnostic } from '../errors/diagnostic.js'
import type { RoutedArticle } from '../routes/route-site.js'
import { placeOfKey } from './quality-site.js'
import { DESCRIPTION_MAX_LENGTH, textLength } from './text-length.js'

/**
 * `missing-summary`: no `summary` in the front matter, so the meta description and the
 * text of shares fall back to the first paragraph, which is rarely written for that.
 */
export function checkMissingSummary(article: RoutedArticle): Diagnostic[] {
  if (article.summary) return []
  const excerpt = textLength(article.excerpt)
  const fallback =
    excerpt === 0
      ? 'Without it the page has no description of its own.'
      : excerpt > DESCRIPTION_MAX_LENGTH
        ? `Without it the first paragraph is used, ${excerpt} characters, which search results cut after ${DESCRIPTION_MAX_LENGTH}.`
        : 'Without it the first paragraph is used.'
  return [
    {
      file: article.sourcePath,
      place: placeOfKey(article, 'title'),
      message: 'The article has no summary.',
      hint: `Add \`summary:\` with one or two sentences, at most ${DESCRIPTION_MAX_LENGTH} characters: the standfirst, meta description and text of shares. ${fallback}`,
      ruleId: 'missing-summary',
      severity: 'warning',
    },
  ]
}
