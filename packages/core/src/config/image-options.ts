import { WartaConfigError } from '../errors/build-error.js'

/** The formats a responsive set is encoded in besides the fallback. */
export type ModernFormat = 'avif' | 'webp'

/** How the image stage makes pictures of a site's photos (`images` in the config). */
export interface ImageOptions {
  /**
   * Widths in pixels of each photo's responsive set; widths above a photo's own are left
   * out (never upscaled) and its own width is added instead.
   * Default `[320, 480, 640, 960, 1280, 1600, 2048]`.
   */
  widths?: number[]
  /** Modern formats served before the fallback (the photo's own format, JPEG or PNG). Default `['avif', 'webp']`. */
  formats?: ModernFormat[]
  /** Encoder quality, 1–100. Default `{ avif: 50, webp: 75, jpeg: 80 }` (PNG is lossless). */
  quality?: { avif?: number; webp?: number; jpeg?: number }
  /**
   * AVIF encoder effort, 0 (fastest) to 9. Default `2`: libvips' own default (4) takes
   * two to six times as long on camera photos for files a few per cent smaller.
   */
  avifEffort?: number
  /**
   * What shows while a photo loads: `'color'` (default) its dominant colour, `'blur'` a
   * tiny blurred preview inlined in the page (~300 bytes a photo), `false` nothing.
   */
  placeholder?: 'color' | 'blur' | false
  /**
   * The largest image, in pixels (width × height), Warta decodes; a larger one is refused as
   * a possible decompression bomb before it is decoded. Default `100_000_000` (100 MP: a
   * 12,000 × 8,000 scan).
   */
  maxPixels?: number
  /**
   * Articles without a photo get a generated share card with their headline. `false` gives
   * them the site's share image instead. Default `true`.
   */
  articleCards?: boolean
}

/** Image options after defaults. */
export interface ResolvedImages {
  /** Ascending, unique. */
  widths: number[]
  formats: ModernFormat[]
  quality: { avif: number; webp: number; jpeg: number }
  avifEffort: number
  placeholder: 'color' | 'blur' | false
  maxPixels: number
  articleCards: boolean
}

/** The defaults, as documented on `ImageOptions`. */
export const IMAGE_DEFAULTS = {
  widths: [320, 480, 640, 960, 1280, 1600, 2048],
  formats: ['avif', 'webp'],
  quality: { avif: 50, webp: 75, jpeg: 80 },
  avifEffort: 2,
  placeholder: 'color',
  maxPixels: 100_000_000,
  articleCards: true,
} satisfies ResolvedImages

function checkRange(value: number, min: number, max: number, option: string): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new WartaConfigError(`${option} must be a whole number from ${min} to ${max}, not ${value}.`)
  return value
}

/** Applies the defaults to `images`; throws a `WartaConfigError` naming a wrong option. */
export function resolveImages(options: ImageOptions = {}): ResolvedImages {
  const widths = [...new Set(options.widths ?? IMAGE_DEFAULTS.widths)].sort((a, b) => a - b)
  if (widths.length === 0) throw new WartaConfigError('images.widths must list at least one width.')
  for (const width of widths) checkRange(width, 16, 8192, 'Each of images.widths')
  const formats = [...new Set(options.formats ?? IMAGE_DEFAULTS.formats)]
  for (const format of formats)
    if (format !== 'avif' && format !== 'webp')
      throw new WartaConfigError(`images.formats may list "avif" and "webp", not "${String(format)}".`)
  const quality = { ...IMAGE_DEFAULTS.quality, ...options.quality }
  for (const [format, value] of Object.entries(quality)) checkRange(value, 1, 100, `images.quality.${format}`)
  const placeholder = options.placeholder ?? IMAGE_DEFAULTS.placeholder
  if (placeholder !== 'color' && placeholder !== 'blur' && placeholder !== false)
    throw new WartaConfigError('images.placeholder must be "color", "blur" or false.')
  return {
    widths,
    formats,
    quality,
    avifEffort: checkRange(options.avifEffort ?? IMAGE_DEFAULTS.avifEffort, 0, 9, 'images.avifEffort'),
    placeholder,
    maxPixels: checkRange(options.maxPixels ?? IMAGE_DEFAULTS.maxPixels, 1, 2 ** 31 - 1, 'images.maxPixels'),
    articleCards: options.articleCards ?? IMAGE_DEFAULTS.articleCards,
  }
}
