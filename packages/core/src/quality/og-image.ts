import type { Diagnostic } from '../errors/diagnostic.js'
import type { RoutedArticle } from '../routes/route-site.js'
import { placeOfKey, type QualitySite } from './quality-site.js'

/** Width Google Discover asks of images for large previews. */
export const OG_IMAGE_MIN_WIDTH = 1200

/**
 * `og-image`: an article without a lead image shares (Open Graph, Google Discover) with a
 * generated card rather than a photo; one narrower than 1200 px (its real width, read from
 * the file) gets a small preview.
 */
export function checkOgImage(article: RoutedArticle, site: QualitySite): Diagnostic[] {
  const image = article.image && (site.images.lead(article) ?? article.image)
  if (!image) {
    return [
      {
        file: article.sourcePath,
        place: placeOfKey(article, 'title'),
        message:
          'The article has no lead image, so shares and Google Discover show a card with its headline, not a photo.',
        hint: `Add \`image:\` with a photo at least ${OG_IMAGE_MIN_WIDTH} px wide.`,
        ruleId: 'og-image',
        severity: 'warning',
      },
    ]
  }
  if (image.width === undefined || image.width >= OG_IMAGE_MIN_WIDTH) return []
  return [
    {
      file: article.sourcePath,
      place: placeOfKey(article, 'image'),
      message: `The lead image is ${image.width} px wide; Google Discover shows large previews only for images at least ${OG_IMAGE_MIN_WIDTH} px wide.`,
      hint: `Use a version of the photo at least ${OG_IMAGE_MIN_WIDTH} px wide.`,
      ruleId: 'og-image',
      severity: 'warning',
    },
  ]
}
