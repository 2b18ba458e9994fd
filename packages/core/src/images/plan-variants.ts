import type { ResolvedImages } from '../config/image-options.js'
import { hashHex } from '../util/hash.js'
import type { CropRegion, OutputFormat, SourceInfo, VariantSpec } from './image-types.js'

/** Bumped when what a spec makes changes without its fields changing. */
const PLAN_VERSION = 1

/** Where made images are served from, below the output folder. */
export const IMAGE_FOLDER = 'assets/img'

/**
 * How a picture is used, which decides what is made of it: `photo` a responsive set (body
 * images); `lead` the set and the share crops (an article's image); `portrait` a square set
 * (author photos); `share` the Open Graph crop only (the site's share image); `as-is` the
 * file itself under a hashed name (SVG, GIF and animated images are never re-encoded).
 */
export type ImageUse = 'photo' | 'lead' | 'portrait' | 'share' | 'as-is'

/** Open Graph's and X's large preview, in pixels. */
export const SHARE_SIZE = { width: 1200, height: 630 } as const

/** Google's Article image guidelines ask for these three aspect ratios, at least 1200 px wide. */
export const ARTICLE_CROPS = [
  { name: '16x9', ratio: 16 / 9 },
  { name: '4x3', ratio: 4 / 3 },
  { name: '1x1', ratio: 1 },
] as const

/** Widths of square author photos: small slots need small files. */
export const PORTRAIT_WIDTHS = [80, 160, 240, 320, 480]

/** A width this close below the source's own adds nothing: the source's width is served instead. */
const NEAR = 0.9

/** What a plan needs besides the source: the options and the encoder's identity. */
export interface PlanOptions {
  images: ResolvedImages
  /** e.g. `sharp 0.35.5`: encoders change bytes between versions. */
  encoder: string
}

/** The files to make of one source for one use. */
export interface ImagePlan {
  /** Responsive sets, modern formats first and the fallback last; widths ascending. */
  sets: { format: OutputFormat; variants: VariantSpec[] }[]
  /** The 1200 × 630 share crop (`lead` and `share`). */
  share?: VariantSpec
  /** 16:9, 4:3 and 1:1 crops for structured data (`lead`). */
  crops: VariantSpec[]
  /** The file itself under a hashed name (`as-is`). */
  copy?: VariantSpec
}

/** The widths of a responsive set for a source `sourceWidth` wide: never wider than the source. */
export function widthsFor(sourceWidth: number, widths: readonly number[]): number[] {
  const below = widths.filter((w) => w <= sourceWidth * NEAR)
  const widest = widths.at(-1) ?? sourceWidth
  return sourceWidth <= widest ? [...below, sourceWidth] : widths.filter((w) => w <= widest)
}

/** The format a browser without AVIF and WebP gets: the source's own when it is JPEG or PNG. */
export function fallbackFormat(source: Pick<SourceInfo, 'format' | 'hasAlpha'>): OutputFormat {
  if (source.format === 'jpeg' || source.format === 'png') return source.format
  return source.hasAlpha ? 'png' : 'jpeg'
}

/** A file name part made of the source's name: `Banjir Samarinda.JPG` → `banjir-samarinda`. */
export function baseNameOf(file: string): string {
  const name = (file.split('/').pop() ?? '').replace(/\.[^.]*$/, '')
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return slug || 'image'
}

/**
 * The largest region of the source with the given aspect ratio, centred on the focus point
 * as far as the edges allow; libvips' attention strategy when there is no focus point.
 */
export function cropRegion(
  source: Pick<SourceInfo, 'width' | 'height'>,
  ratio: number,
  focus?: readonly [number, number],
): CropRegion {
  if (!focus) return 'attention'
  const width = Math.min(source.width, Math.round(source.height * ratio))
  const height = Math.min(source.height, Math.round(width / ratio))
  const clamp = (value: number, max: number) => Math.round(Math.min(Math.max(value, 0), max))
  return {
    left: clamp(focus[0] * source.width - width / 2, source.width - width),
    top: clamp(focus[1] * source.height - height / 2, source.height - height),
    width,
    height,
  }
}

/** A crop's output size: `width` wide at most, and never more pixels than the source has. */
function cropSize(source: Pick<SourceInfo, 'width' | 'height'>, width: number, ratio: number) {
  const w = Math.min(width, source.width, Math.floor(source.height * ratio))
  return { width: w, height: Math.round(w / ratio) }
}

/** Plans the files to make of a source for one use. Pure: equal inputs give equal specs, keys and paths. */
export function planImage(
  source: SourceInfo,
  use: ImageUse,
  options: PlanOptions,
  focus?: readonly [number, number],
): ImagePlan {
  const name = baseNameOf(source.file)
  const spec = (fields: Omit<VariantSpec, 'key' | 'path'>, suffix: string): VariantSpec => {
    const key = hashHex(JSON.stringify([PLAN_VERSION, options.encoder, source.hash, fields]))
    const extension = fields.format === 'jpeg' ? 'jpg' : fields.format
    return { key, path: `${IMAGE_FOLDER}/${name}-${key.slice(0, 10)}-${suffix}.${extension}`, ...fields }
  }
  const { quality, avifEffort } = options.images
  const encoding = (format: OutputFormat) =>
    format === 'png'
      ? {}
      : format === 'avif'
        ? { quality: quality.avif, effort: avifEffort }
        : { quality: quality[format] }
  if (use === 'as-is' || source.animated || source.format === 'svg' || source.format === 'gif') {
    const key = hashHex(JSON.stringify([PLAN_VERSION, source.hash, 'copy']))
    const extension = source.format === 'jpeg' ? 'jpg' : source.format
    return {
      sets: [],
      crops: [],
      copy: {
        key,
        path: `${IMAGE_FOLDER}/${name}-${key.slice(0, 10)}.${extension}`,
        format: source.format,
        copy: true,
        width: source.width,
        height: source.height,
      },
    }
  }
  const fallback = fallbackFormat(source)
  const formats: OutputFormat[] = [...options.images.formats, fallback]
  const sets =
    use === 'share'
      ? []
      : formats.map((format) => {
          if (use === 'portrait') {
            const side = Math.min(source.width, source.height)
            const region = cropRegion(source, 1, focus)
            return {
              format,
              variants: widthsFor(side, PORTRAIT_WIDTHS).map((w) =>
                spec({ format, width: w, height: w, crop: region, ...encoding(format) }, `sq${w}`),
              ),
            }
          }
          return {
            format,
            variants: widthsFor(source.width, options.images.widths).map((w) =>
              spec(
                {
                  format,
                  width: w,
                  height: Math.round((w * source.height) / source.width),
                  ...encoding(format),
                },
                String(w),
              ),
            ),
          }
        })
  // A PNG is a graphic (a logo, a chart, a designed share image): its crops stay PNG, sharp.
  const shareFormat: OutputFormat = source.hasAlpha || source.format === 'png' ? 'png' : 'jpeg'
  const crop = (width: number, ratio: number, suffix: string) =>
    spec(
      {
        format: shareFormat,
        ...cropSize(source, width, ratio),
        crop: cropRegion(source, ratio, focus),
        ...encoding(shareFormat),
      },
      suffix,
    )
  return {
    sets,
    share:
      use === 'lead' || use === 'share'
        ? crop(SHARE_SIZE.width, SHARE_SIZE.width / SHARE_SIZE.height, 'og')
        : undefined,
    crops: use === 'lead' ? ARTICLE_CROPS.map((c) => crop(1200, c.ratio, c.name)) : [],
  }
}

/** Every spec of a plan, sets first. */
export const specsOf = (plan: ImagePlan): VariantSpec[] => [
  ...plan.sets.flatMap((s) => s.variants),
  ...(plan.share ? [plan.share] : []),
  ...plan.crops,
  ...(plan.copy ? [plan.copy] : []),
]
