export { checkBrokenLinks } from './broken-link.js'
export { checkQuality } from './check-quality.js'
export { checkDuplicateCanonicals, checkDuplicateTitles } from './duplicates.js'
export { checkHeadingOrder } from './heading-order.js'
export { checkImageAlt } from './image-alt.js'
export { checkImageUpscaled } from './image-upscaled.js'
export { checkMissingSummary } from './missing-summary.js'
export { checkOgImage, OG_IMAGE_MIN_WIDTH } from './og-image.js'
export { QUALITY_RULES, type QualityOptions, type QualityRuleId } from './quality-options.js'
export { createQualitySite, type QualitySite } from './quality-site.js'
export { findOutput, type LinkTarget, outputCandidates, resolveLink } from './resolve-link.js'
export {
  checkDescriptionLength,
  checkTitleLength,
  DESCRIPTION_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  textLength,
} from './text-length.js'
