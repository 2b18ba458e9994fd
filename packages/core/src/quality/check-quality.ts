import { type Diagnostic, sortDiagnostics } from '../errors/diagnostic.js'
import type { RoutedArticle, RoutedSite } from '../routes/route-site.js'
import { append } from '../util/append.js'
import { checkBrokenLinks } from './broken-link.js'
import { checkDuplicateCanonicals, checkDuplicateTitles } from './duplicates.js'
import { checkHeadingOrder } from './heading-order.js'
import { checkImageAlt } from './image-alt.js'
import { checkImageUpscaled } from './image-upscaled.js'
import { checkMissingSummary } from './missing-summary.js'
import { checkOgImage } from './og-image.js'
import type { QualityOptions, QualityRuleId } from './quality-options.js'
import { createQualitySite, type QualitySite } from './quality-site.js'
import { checkDescriptionLength, checkTitleLength } from './text-length.js'

type ArticleCheck = (article: RoutedArticle, site: QualitySite) => Diagnostic[]
type SiteCheck = (articles: readonly RoutedArticle[], site: QualitySite) => Diagnostic[]

const ARTICLE_CHECKS: Record<
  Exclude<QualityRuleId, 'duplicate-title' | 'duplicate-canonical'>,
  ArticleCheck
> = {
  'image-alt': checkImageAlt,
  'missing-summary': checkMissingSummary,
  'title-length': checkTitleLength,
  'description-length': checkDescriptionLength,
  'heading-order': checkHeadingOrder,
  'broken-link': checkBrokenLinks,
  'og-image': checkOgImage,
  'image-upscaled': checkImageUpscaled,
}

const SITE_CHECKS: Record<'duplicate-title' | 'duplicate-canonical', SiteCheck> = {
  'duplicate-title': checkDuplicateTitles,
  'duplicate-canonical': checkDuplicateCanonicals,
}

/**
 * Checks the articles of a routed site for what editors should fix before publishing:
 * alt text, summaries, title and description lengths, heading order, broken internal
 * links, duplicate titles and canonical URLs, share images and upscaled photos. Pure: it reads only the
 * site and the list of output paths.
 *
 * Every diagnostic is a warning with a stable `ruleId` and a `hint`, pointing at the front
 * matter key or the markdown that needs the fix; callers make them errors (`--strict`).
 * Sorted by file and position.
 */
export function checkQuality(site: RoutedSite, options: QualityOptions): Diagnostic[] {
  const qualitySite = createQualitySite(options)
  const enabled = (rule: QualityRuleId) => options.rules?.[rule] !== false
  const diagnostics: Diagnostic[] = []
  for (const [rule, check] of Object.entries(ARTICLE_CHECKS) as [QualityRuleId, ArticleCheck][]) {
    if (!enabled(rule)) continue
    for (const article of site.articles) append(diagnostics, check(article, qualitySite))
  }
  for (const [rule, check] of Object.entries(SITE_CHECKS) as [QualityRuleId, SiteCheck][]) {
    if (enabled(rule)) append(diagnostics, check(site.articles, qualitySite))
  }
  return sortDiagnostics(diagnostics)
}
