import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Sharp } from 'sharp'
import type { Placeholder, VariantSpec } from './image-types.js'

/** Some of a source's files, made by one task (one decode of the source). */
export interface EncodeTask {
  /** Absolute path of the source. */
  file: string
  specs: VariantSpec[]
  /** Also work out the placeholder. */
  placeholder?: 'color' | 'blur'
  /** Sources with more pixels are refused before decoding (see `ImageOptions.maxPixels`). */
  maxPixels: number
  /** The folder the made files go to, each named after its key (see `variantFile`). */
  outDir: string
}

/** Why a source could not be made into pictures. */
export type EncodeFailure = 'corrupt' | 'too-large' | 'unsupported' | 'missing'

/** What a task made. */
export interface EncodeResult {
  /** Keys of the files written to `outDir`. */
  made: string[]
  placeholder?: Placeholder
  failure?: { kind: EncodeFailure; message: string }
}

/** The file of a made variant in a folder of made files: by key, so equal inputs share one. */
export const variantFile = (outDir: string, spec: Pick<VariantSpec, 'key' | 'format'>): string =>
  path.join(outDir, spec.key.slice(0, 2), `${spec.key}.${spec.format}`)

/** Writes bytes next to their place, then renames: a reader never sees half a file. */
export async function writeAtomically(file: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(temporary, bytes)
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

type SharpConstructor = typeof import('sharp').default
let loaded: Promise<SharpConstructor> | undefined
/** sharp, loaded on first use: a build whose images are all cached never loads libvips. */
export const loadSharp = (): Promise<SharpConstructor> => {
  loaded ??= import('sharp').then((m) => m.default)
  return loaded
}

/** Reads what went wrong from libvips' message. */
export function classifyFailure(error: unknown): { kind: EncodeFailure; message: string } {
  const message = (error as Error)?.message ?? String(error)
  if (/pixel limit/i.test(message)) return { kind: 'too-large', message }
  if (/unsupported image format|not a known file format|heif: (?:unsupported|no decoder)/i.test(message))
    return { kind: 'unsupported', message }
  if (/ENOENT|Input file is missing/i.test(message)) return { kind: 'missing', message }
  return { kind: 'corrupt', message }
}

function encoder(pipeline: Sharp, spec: VariantSpec): Sharp {
  switch (spec.format) {
    case 'avif':
      return pipeline.avif({ quality: spec.quality, effort: spec.effort })
    case 'webp':
      return pipeline.webp({ quality: spec.quality })
    case 'jpeg':
      return pipeline.jpeg({ quality: spec.quality, progressive: true })
    default:
      return pipeline.png()
  }
}

/**
 * Makes a task's files: the source is decoded once (EXIF orientation applied, metadata and
 * GPS position dropped, colours in sRGB), then each file is resized or cropped from the
 * decoded pixels and encoded. Never throws: a source that cannot be read is a failure.
 */
export async function encodeImage(task: EncodeTask): Promise<EncodeResult> {
  const sharp = await loadSharp()
  const made: string[] = []
  try {
    const copies = task.specs.filter((s) => s.copy)
    for (const spec of copies) {
      const target = variantFile(task.outDir, spec)
      await mkdir(path.dirname(target), { recursive: true })
      await copyFile(task.file, target)
      made.push(spec.key)
    }
    const encoded = task.specs.filter((s) => !s.copy)
    if (encoded.length === 0 && !task.placeholder) return { made }
    // failOn 'truncated': a cut-off file is an error; the harmless warnings many cameras'
    // files raise (extraneous bytes, unknown markers) are not.
    const decoded = await sharp(task.file, { limitInputPixels: task.maxPixels, failOn: 'truncated' })
      .rotate()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true })
    const raw = { width: decoded.info.width, height: decoded.info.height, channels: decoded.info.channels }
    const from = () => sharp(decoded.data, { raw })
    for (const spec of encoded) {
      let pipeline = from()
      if (spec.crop === 'attention')
        pipeline = pipeline.resize(spec.width, spec.height, { fit: 'cover', position: 'attention' })
      else {
        if (spec.crop) pipeline = pipeline.extract(spec.crop)
        pipeline = pipeline.resize(spec.width, spec.height, { fit: 'fill' })
      }
      // JPEG has no transparency: what was see-through is white, as on the page.
      if (spec.format === 'jpeg') pipeline = pipeline.flatten({ background: '#ffffff' })
      await writeAtomically(variantFile(task.outDir, spec), await encoder(pipeline, spec).toBuffer())
      made.push(spec.key)
    }
    const placeholder = task.placeholder ? await placeholderOf(from(), task.placeholder) : undefined
    return { made, placeholder }
  } catch (error) {
    return { made, failure: classifyFailure(error) }
  }
}

async function placeholderOf(pixels: Sharp, kind: 'color' | 'blur'): Promise<Placeholder> {
  const small = pixels.resize(24, 24, { fit: 'inside' })
  if (kind === 'blur') {
    const bytes = await small.clone().webp({ quality: 40 }).toBuffer()
    return { blur: `data:image/webp;base64,${bytes.toString('base64')}` }
  }
  const { dominant } = await small.stats()
  const hex = (n: number) => n.toString(16).padStart(2, '0')
  return { color: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}` }
}
