import type { Diagnostic } from '../errors/diagnostic.js'
import type { RoutedArticle } from '../routes/route-site.js'
import { placeOfKey } from './quality-site.js'

/** Width Google Discover asks of images for large previews. */
export const OG_IMAGE_MIN_WIDTH = 1200

/**
 * `og-image`: an article without a lead image shares (Open Graph, Google Discover) without
 * a picture; one narrower than 1200 px (when its `width` is given) gets a small preview.
 */
export function checkOgImage(article: RoutedArticle): Diagnostic[] {
  const image = article.image
  if (!image) {
    return [
      {
        file: article.sourcePath,
        place: placeOfKey(article, 'title'),
        message: 'The article has no lead image, so shares and Google Discover show it without a picture.',
        hint: `Add \`image:\` with a photo at least ${OG_IMAGE_MIN_WIDTH} px wide, and its \`width\` and \`height\`.`,
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
      hint: `Use a version at least ${OG_IMAGE_MIN_WIDTH} px wide and set \`width\` to match.`,
      ruleId: 'og-image',
      severity: 'warning',
    },
  ]
}
