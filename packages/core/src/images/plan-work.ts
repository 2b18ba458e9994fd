import type { ResolvedImages } from '../config/image-options.js'
import type { ImageRef } from './collect-image-refs.js'
import type { EncodeTask } from './encode-image.js'
import type { ImageCache } from './image-cache.js'
import type { SourceInfo, VariantSpec } from './image-types.js'
import type { ImagePlan } from './plan-variants.js'
import { specsOf } from './plan-variants.js'

/** A source with the uses the site makes of it. */
export interface SourceUses {
  absolute: string
  info: SourceInfo
  uses: { ref: ImageRef; plan: ImagePlan }[]
}

/** What is to be encoded for one source. */
export interface SourceWork {
  source: SourceUses
  tasks: EncodeTask[]
}

/** Uses whose pictures show a placeholder while they load. */
const PHOTO_USES = new Set<ImageRef['use']>(['photo', 'lead', 'portrait'])

/**
 * Which of a source's files must be made: those neither on disk from the same key (`isCurrent`)
 * nor in the cache nor already being made; one task per output format, so that one source's
 * work spreads over the workers. The placeholder rides on the first task. Pure but for the
 * cache look-ups.
 */
export function planWork(
  source: SourceUses,
  options: {
    images: ResolvedImages
    cache: ImageCache
    inFlight: ReadonlySet<string>
    isCurrent?: (outputPath: string, key: string) => boolean
  },
): SourceWork {
  const { images, cache } = options
  const specs = new Map<string, VariantSpec>()
  for (const { plan } of source.uses)
    for (const spec of specsOf(plan)) if (!spec.copy) specs.set(spec.key, spec)
  const needed = [...specs.values()].filter(
    (spec) =>
      !options.inFlight.has(spec.key) && !options.isCurrent?.(spec.path, spec.key) && !cache.has(spec),
  )
  const kind = images.placeholder
  const wantsPlaceholder =
    kind !== false &&
    !source.info.hasAlpha &&
    !source.info.animated &&
    source.info.format !== 'svg' &&
    source.info.format !== 'gif' &&
    source.uses.some((u) => PHOTO_USES.has(u.ref.use)) &&
    !cache.placeholder(source.info.hash, kind) &&
    !options.inFlight.has(`placeholder:${source.info.hash}`)
  const byFormat = new Map<string, VariantSpec[]>()
  for (const spec of needed) byFormat.set(spec.format, [...(byFormat.get(spec.format) ?? []), spec])
  const groups = [...byFormat.values()]
  if (groups.length === 0 && wantsPlaceholder) groups.push([])
  const tasks = groups.map(
    (specs, i): EncodeTask => ({
      file: source.absolute,
      specs,
      ...(i === 0 && wantsPlaceholder && kind ? { placeholder: kind } : {}),
      maxPixels: images.maxPixels,
      outDir: cache.filesDir,
    }),
  )
  return { source, tasks }
}
