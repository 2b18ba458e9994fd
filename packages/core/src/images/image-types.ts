/**
 * The image stage's plain data: what it knows of a source, the files it plans to make of it,
 * and what it made. Everything here crosses worker threads and is kept in the image cache.
 */

/** Formats a source may be in; anything else is refused. */
export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'tiff' | 'svg'

/** Formats the stage encodes. */
export type OutputFormat = 'avif' | 'webp' | 'jpeg' | 'png'

/** Formats of the files it serves: encoded ones, and sources served as they are. */
export type ServedFormat = OutputFormat | 'gif' | 'svg' | 'tiff'

/** A source image as read from its file: header only, never decoded. */
export interface SourceInfo {
  /** The file, relative to the site root, with forward slashes. */
  file: string
  /** sha256 of the file's bytes, hex. */
  hash: string
  format: SourceFormat
  /** As displayed: after the EXIF orientation is applied. */
  width: number
  height: number
  hasAlpha: boolean
  /** More than one frame (an animated GIF or WebP): served as it is. */
  animated: boolean
}

/** A crop of the source: a fixed region, or libvips' attention strategy (the most salient part). */
export type CropRegion = { left: number; top: number; width: number; height: number } | 'attention'

/** One file to make from a source. */
export interface VariantSpec {
  /** Cache key: a hash of the source's bytes, every option below and the encoder's version. */
  key: string
  /** Output path, e.g. `assets/img/banjir-3f2a9c1d0b-640.avif`. */
  path: string
  format: ServedFormat
  /** The source's own bytes, not re-encoded (SVG, GIF, animated images). */
  copy?: true
  /** Output size in pixels. */
  width: number
  height: number
  /** Part of the source to keep (share crops, square portraits); the whole picture when absent. */
  crop?: CropRegion
  /** Encoder quality (lossy formats). */
  quality?: number
  /** AVIF encoder effort. */
  effort?: number
}

/** What a placeholder shows while a photo loads. */
export interface Placeholder {
  /** Dominant colour, `#rrggbb`. */
  color?: string
  /** A tiny blurred preview as a `data:` URL. */
  blur?: string
}
