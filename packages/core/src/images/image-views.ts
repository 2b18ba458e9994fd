import type { ImageView, SharedImage } from '../routes/views.js'
import type { Placeholder, ServedFormat, SourceInfo, VariantSpec } from './image-types.js'
import type { ImagePlan } from './plan-variants.js'

/** Media types of the files the stage serves. */
export const MEDIA_TYPES: Record<ServedFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  tiff: 'image/tiff',
}

/** `<img src>` and feeds take the widest fallback up to this width: sharp on most screens, not the largest file. */
const DEFAULT_WIDTH = 1280

/** How output paths become URLs. */
export interface ImageUrls {
  /** A site path under the base path, for pages. */
  url(sitePath: string): string
  /** An absolute URL, for shares, feeds and structured data. */
  absolute(sitePath: string): string
}

/** What a picture is made of: its source, the plan for its use, and its placeholder. */
export interface MadePicture {
  info: SourceInfo
  plan: ImagePlan
  placeholder?: Placeholder
  /**
   * Its files are still being made (the preview): it is served as the source file itself,
   * under this output path, until they are.
   */
  pending?: VariantSpec
}

/** What front matter or the body says of a picture besides its file. */
export interface PictureText {
  src: string
  alt?: string
  caption?: string
  credit?: string
}

const sitePathOf = (spec: Pick<VariantSpec, 'path'>) => `/${spec.path}`

/** A made file as an absolute URL with its size. */
export const sharedImage = (spec: VariantSpec, urls: ImageUrls, alt?: string): SharedImage => ({
  url: urls.absolute(sitePathOf(spec)),
  width: spec.width,
  height: spec.height,
  ...(alt ? { alt } : {}),
})

function placeholderStyle(placeholder: Placeholder | undefined, info: SourceInfo): string | undefined {
  // A see-through picture would show its placeholder through it.
  if (!placeholder || info.hasAlpha) return undefined
  if (placeholder.blur) return `background:url(${placeholder.blur}) center/cover`
  return placeholder.color ? `background:${placeholder.color}` : undefined
}

/** The widest of `variants` up to `DEFAULT_WIDTH`, else the narrowest. */
const defaultOf = (variants: readonly VariantSpec[]): VariantSpec | undefined =>
  variants.filter((v) => v.width <= DEFAULT_WIDTH).at(-1) ?? variants[0]

/** A picture as templates show it (see `ImageView`). */
export function toImageView(text: PictureText, made: MadePicture, urls: ImageUrls): ImageView {
  const { plan, info } = made
  const srcset = (variants: readonly VariantSpec[]) =>
    variants.map((v) => `${urls.url(sitePathOf(v))} ${v.width}w`).join(', ')
  const base = {
    src: text.src,
    ...(text.alt !== undefined ? { alt: text.alt } : {}),
    ...(text.caption ? { caption: text.caption } : {}),
    ...(text.credit ? { credit: text.credit } : {}),
    share: plan.share && !made.pending ? sharedImage(plan.share, urls, text.alt) : undefined,
    crops: made.pending ? [] : plan.crops.map((c) => sharedImage(c, urls)),
  }
  const single = made.pending ?? plan.copy
  const fallback = plan.sets.at(-1)
  if (single || !fallback) {
    const file = single ?? plan.share
    return {
      ...base,
      url: file ? urls.url(sitePathOf(file)) : text.src,
      width: info.width,
      height: info.height,
      sources: [],
      ...(file ? { file: { ...sharedImage(file, urls), type: MEDIA_TYPES[file.format] } } : {}),
    }
  }
  const widest = fallback.variants.at(-1) as VariantSpec
  const chosen = defaultOf(fallback.variants) as VariantSpec
  return {
    ...base,
    url: urls.url(sitePathOf(chosen)),
    width: widest.width,
    height: widest.height,
    srcset: srcset(fallback.variants),
    sources: plan.sets
      .slice(0, -1)
      .map((set) => ({ type: MEDIA_TYPES[set.format], srcset: srcset(set.variants) })),
    placeholder: placeholderStyle(made.placeholder, info),
    file: { ...sharedImage(chosen, urls), type: MEDIA_TYPES[chosen.format] },
  }
}
