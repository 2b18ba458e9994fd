import { hash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Metadata } from 'sharp'
import { classifyFailure, type EncodeFailure, loadSharp } from './encode-image.js'
import type { SourceFormat, SourceInfo } from './image-types.js'
import { svgProblem } from './svg-safety.js'

/** Why a source is refused before anything is made of it. */
export type InspectFailure = EncodeFailure | 'svg-unsafe'

/** What sharp calls the formats Warta takes. */
const FORMATS: Record<string, SourceFormat> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  tiff: 'tiff',
  svg: 'svg',
  heif: 'avif',
}

/** Whether a file starts as an SVG document does (after any BOM, XML declaration, comments or doctype). */
const looksLikeSvg = (bytes: Buffer): boolean =>
  /^(?:\uFEFF)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?>\s*)*<svg[\s>]/i.test(
    bytes.subarray(0, 4096).toString('utf8'),
  )

/**
 * Reads a source's bytes and header (never its pixels): its hash, format, displayed size and
 * whether it has transparency or frames. A file that is not an image Warta takes, an SVG that
 * could run script, and an image above `maxPixels` are failures, told apart.
 */
export async function inspectImage(
  absolute: string,
  file: string,
  maxPixels: number,
): Promise<SourceInfo | { failure: InspectFailure; message: string }> {
  let bytes: Buffer
  try {
    bytes = await readFile(absolute)
  } catch (error) {
    return { failure: 'missing', message: (error as Error).message }
  }
  // Checked before libvips parses it: librsvg would read the SVG to tell its size.
  if (looksLikeSvg(bytes)) {
    const problem = svgProblem(bytes.toString('utf8'))
    if (problem) return { failure: 'svg-unsafe', message: problem }
  }
  const sharp = await loadSharp()
  let metadata: Metadata
  try {
    // The header only: the pixel limit is checked below, with the size in the message.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch (error) {
    const { kind, message } = classifyFailure(error)
    return { failure: kind === 'missing' ? 'corrupt' : kind, message }
  }
  const format = FORMATS[metadata.format ?? '']
  // sharp reads HEIF containers; only AV1-coded ones (AVIF) are decodable by its libvips.
  if (!format || (metadata.format === 'heif' && metadata.compression !== 'av1'))
    return { failure: 'unsupported', message: `${metadata.format ?? 'unknown'} images are not supported` }
  if (format === 'svg' && !looksLikeSvg(bytes)) {
    const problem = svgProblem(bytes.toString('utf8'))
    if (problem) return { failure: 'svg-unsafe', message: problem }
  }
  const oriented = (metadata.orientation ?? 1) >= 5
  const width = (oriented ? metadata.height : metadata.width) ?? 0
  const height = (oriented ? metadata.width : metadata.height) ?? 0
  if (width < 1 || height < 1) return { failure: 'corrupt', message: 'the image has no size' }
  if (format !== 'svg' && width * height > maxPixels)
    return {
      failure: 'too-large',
      message: `${width} × ${height} pixels is more than the ${maxPixels.toLocaleString('en')} Warta decodes`,
    }
  return {
    file,
    hash: hash('sha256', bytes, 'hex'),
    format,
    width,
    height,
    hasAlpha: metadata.hasAlpha ?? false,
    animated: (metadata.pages ?? 1) > 1,
  }
}
