import type { Diagnostic } from '../errors/diagnostic.js'
import type { RoutedArticle } from '../routes/route-site.js'

/**
 * `heading-order`: headings of the body that skip a level, or an h1 in the body. The content
 * stage finds them with the record (`findHeadingOrder`), while it has the headings.
 */
export const checkHeadingOrder = (article: RoutedArticle): Diagnostic[] =>
  article.record.findings.filter((finding) => finding.ruleId === 'heading-order')
