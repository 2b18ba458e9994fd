import type { Diagnostic } from '../errors/diagnostic.js'
import type { RoutedArticle } from '../routes/route-site.js'
import { placeOfKey } from './quality-site.js'

/**
 * `image-alt`: images without alt text, the lead image (front matter `image` without
 * `alt`) and images in the body (`![](photo.jpg)`). Blind readers hear the alt text
 * instead of seeing the photo; search engines read it too.
 */
export function checkImageAlt(article: RoutedArticle): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  if (article.image && !article.image.alt?.trim()) {
    diagnostics.push({
      file: article.sourcePath,
      place: placeOfKey(article, 'image'),
      message: 'The lead image has no alt text.',
      hint: 'Write `image:` as `{ src: …, alt: "…" }`, saying what the photo shows for readers who cannot see it.',
      ruleId: 'image-alt',
      severity: 'warning',
    })
  }
  for (const image of article.record.images) {
    if (image.alt.trim()) continue
    diagnostics.push({
      file: article.sourcePath,
      place: image.line ? { line: image.line, column: image.column ?? 1 } : undefined,
      message: `The image ${image.url} has no alt text.`,
      hint: 'Say what it shows between the brackets: ![Residents wade through the flooded street](…).',
      ruleId: 'image-alt',
      severity: 'warning',
    })
  }
  return diagnostics
}
