import type { RuleId } from '../errors/catalogue.js'
import type { SiteImages } from '../routes/site-images.js'

/** Every check `checkQuality` runs, by its stable rule id. */
export const QUALITY_RULES = [
  'image-alt',
  'missing-summary',
  'title-length',
  'description-length',
  'heading-order',
  'broken-link',
  'duplicate-title',
  'duplicate-canonical',
  'og-image',
  'image-upscaled',
] as const satisfies readonly RuleId[]

/** The id of one quality check, as diagnostics carry it in `ruleId`. */
export type QualityRuleId = (typeof QUALITY_RULES)[number]

/** What the quality checks need to know about the build besides the routed site. */
export interface QualityOptions {
  /**
   * Every file the build writes, as paths inside the output folder with forward slashes
   * (`2025/05/16/x/index.html`, `feed/rss.xml`, `images/logo.svg`): links must lead to one.
   */
  outputPaths: ReadonlySet<string>
  /** The site's base path, starting and ending with `/` (`config.site.basePath`). */
  basePath: string
  /**
   * The site's absolute URL (`config.site.url`). Only its origin is used (the path comes
   * from `basePath`): links to it count as internal, whether written with http or https.
   */
  siteUrl: string
  /** The pictures as the image stage made them: checks read their real size. Default: front matter's sizes. */
  images?: SiteImages
  /** The widest a lead image and a body image are shown, in CSS pixels (the theme's `images.widths`). */
  imageWidths?: { lead?: number; body?: number }
  /** Checks to turn off, e.g. `{ 'og-image': false }` for a site without photos. Default: all on. */
  rules?: Partial<Record<QualityRuleId, boolean>>
}
