import type { Diagnostic } from '../errors/diagnostic.js'
import type { RoutedArticle } from '../routes/route-site.js'
import { placeOfKey, type QualitySite } from './quality-site.js'

/**
 * `image-upscaled`: a lead image or body image whose file is narrower than the widest the
 * theme shows it (`Theme.images.widths`): the browser stretches it past its pixels and it
 * looks soft. Reads the real width of the file; silent when the theme does not say its widths.
 */
export function checkImageUpscaled(article: RoutedArticle, site: QualitySite): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const { lead: leadWidth, body: bodyWidth } = site.imageWidths
  const report = (what: string, width: number, shown: number, place: Diagnostic['place']) =>
    diagnostics.push({
      file: article.sourcePath,
      place,
      message: `The ${what} is ${width} px wide and shown up to ${shown} px wide, so it is stretched and looks soft.`,
      hint: `Use a version of the photo at least ${shown} px wide (${shown * 2} px for sharp pictures on phones).`,
      ruleId: 'image-upscaled',
      severity: 'warning',
    })
  const lead = site.images.lead(article)
  if (leadWidth && lead?.srcset && lead.width && lead.width < leadWidth)
    report(`lead image ${lead.src}`, lead.width, leadWidth, placeOfKey(article, 'image'))
  if (!bodyWidth) return diagnostics
  for (const image of article.record.images) {
    const view = site.images.bodyImage?.(article, image.url)
    if (!view?.srcset || !view.width || view.width >= bodyWidth) continue
    report(
      `image ${image.url}`,
      view.width,
      bodyWidth,
      image.line ? { line: image.line, column: image.column ?? 1 } : undefined,
    )
  }
  return diagnostics
}
