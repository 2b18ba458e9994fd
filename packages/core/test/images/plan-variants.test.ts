import { describe, expect, test } from 'vitest'
import { IMAGE_DEFAULTS, resolveImages } from '../../src/config/image-options.js'
import type { SourceInfo } from '../../src/images/image-types.js'
import {
  baseNameOf,
  cropRegion,
  fallbackFormat,
  planImage,
  specsOf,
  widthsFor,
} from '../../src/images/plan-variants.js'

const photo = (fields: Partial<SourceInfo> = {}): SourceInfo => ({
  file: 'public/images/Banjir Samarinda.JPG',
  hash: 'a'.repeat(64),
  format: 'jpeg',
  width: 3000,
  height: 2000,
  hasAlpha: false,
  animated: false,
  ...fields,
})
const options = { images: resolveImages(), encoder: 'sharp 0.35.5 linux-x64' }

describe('widthsFor', () => {
  test('takes every configured width of a photo wider than the widest', () => {
    expect(widthsFor(3000, IMAGE_DEFAULTS.widths)).toEqual([320, 480, 640, 960, 1280, 1600, 2048])
  })

  test('never goes past the photo’s own width, and serves that width as the largest', () => {
    expect(widthsFor(1000, IMAGE_DEFAULTS.widths)).toEqual([320, 480, 640, 1000])
    expect(widthsFor(1280, IMAGE_DEFAULTS.widths)).toEqual([320, 480, 640, 960, 1280])
    expect(widthsFor(200, IMAGE_DEFAULTS.widths)).toEqual([200])
  })
})

describe('planImage', () => {
  test('a lead photo gets AVIF, WebP and JPEG sets at the same widths, then the share crops', () => {
    const plan = planImage(photo(), 'lead', options)
    expect(plan.sets.map((s) => s.format)).toEqual(['avif', 'webp', 'jpeg'])
    for (const set of plan.sets) {
      expect(set.variants.map((v) => v.width)).toEqual([320, 480, 640, 960, 1280, 1600, 2048])
      expect(set.variants.map((v) => v.height)).toEqual([213, 320, 427, 640, 853, 1067, 1365])
    }
    expect(plan.share).toMatchObject({ width: 1200, height: 630, format: 'jpeg', crop: 'attention' })
    expect(plan.crops.map((c) => [c.width, c.height])).toEqual([
      [1200, 675],
      [1200, 900],
      [1200, 1200],
    ])
  })

  test('names files /assets/img/<name>-<hash>-<width>.<ext>', () => {
    const plan = planImage(photo(), 'photo', options)
    for (const spec of specsOf(plan))
      expect(spec.path).toMatch(/^assets\/img\/banjir-samarinda-[0-9a-f]{10}-\d+\.(avif|webp|jpg)$/)
    expect(plan.share).toBeUndefined()
    expect(plan.crops).toEqual([])
  })

  test('crops of a small photo are as large as it allows, never upscaled', () => {
    const plan = planImage(photo({ width: 800, height: 600 }), 'lead', options)
    expect(plan.share).toMatchObject({ width: 800, height: 420 })
    expect(plan.crops.map((c) => [c.width, c.height])).toEqual([
      [800, 450],
      [800, 600],
      [600, 600],
    ])
  })

  test('a focus point places each crop around it, as far as the edges allow', () => {
    const plan = planImage(photo(), 'lead', options, [0.9, 0.1])
    expect(plan.share?.crop).toEqual({ left: 0, top: 0, width: 3000, height: 1575 })
    expect(plan.crops[2]?.crop).toEqual({ left: 1000, top: 0, width: 2000, height: 2000 })
    expect(cropRegion({ width: 3000, height: 2000 }, 1, [0.5, 0.5])).toEqual({
      left: 500,
      top: 0,
      width: 2000,
      height: 2000,
    })
  })

  test('an author photo is a square set at small widths', () => {
    const plan = planImage(photo(), 'portrait', options)
    for (const set of plan.sets) {
      expect(set.variants.map((v) => [v.width, v.height])).toEqual([
        [80, 80],
        [160, 160],
        [240, 240],
        [320, 320],
        [480, 480],
      ])
      expect(set.variants.every((v) => v.crop === 'attention')).toBe(true)
    }
  })

  test('a PNG with transparency falls back to PNG and shares as PNG; other formats fall back to JPEG', () => {
    expect(fallbackFormat({ format: 'png', hasAlpha: true })).toBe('png')
    expect(fallbackFormat({ format: 'webp', hasAlpha: false })).toBe('jpeg')
    expect(fallbackFormat({ format: 'tiff', hasAlpha: true })).toBe('png')
    const plan = planImage(photo({ format: 'png', hasAlpha: true }), 'lead', options)
    expect(plan.sets.at(-1)?.format).toBe('png')
    expect(plan.share?.format).toBe('png')
  })

  test('SVG, GIF and animated images are served as they are, under a hashed name', () => {
    for (const fields of [
      { format: 'svg' as const },
      { format: 'gif' as const },
      { format: 'webp' as const, animated: true },
    ]) {
      const plan = planImage(photo(fields), 'lead', options)
      expect(plan.sets).toEqual([])
      expect(plan.copy).toMatchObject({ copy: true, width: 3000, height: 2000 })
    }
  })

  test('keys depend on the source’s bytes, the transform and the encoder, and on nothing else', () => {
    const keys = (plan: ReturnType<typeof planImage>) => specsOf(plan).map((s) => s.key)
    const first = keys(planImage(photo(), 'lead', options))
    expect(keys(planImage(photo(), 'lead', options))).toEqual(first)
    expect(new Set(first).size).toBe(first.length)
    // The file's name and place are not in the key: a moved photo is not encoded again.
    expect(keys(planImage(photo({ file: 'content/2025/lain.jpg' }), 'lead', options))).toEqual(first)
    const changed = [
      planImage(photo({ hash: 'b'.repeat(64) }), 'lead', options),
      planImage(photo(), 'lead', { ...options, encoder: 'sharp 0.36.0 linux-x64' }),
    ]
    for (const plan of changed) for (const key of keys(plan)) expect(first).not.toContain(key)
    // AVIF's quality changes the AVIF files, and only those.
    const requality = planImage(photo(), 'lead', {
      ...options,
      images: resolveImages({ quality: { avif: 60 } }),
    })
    for (const set of requality.sets)
      for (const variant of set.variants) expect(first.includes(variant.key)).toBe(set.format !== 'avif')
    // A focus point changes the crops only.
    const focused = planImage(photo(), 'lead', options, [0.2, 0.2])
    const sets = (plan: ReturnType<typeof planImage>) =>
      plan.sets.flatMap((s) => s.variants.map((v) => v.key))
    expect(sets(focused)).toEqual(sets(planImage(photo(), 'lead', options)))
    expect(focused.share?.key).not.toBe(planImage(photo(), 'lead', options).share?.key)
  })
})

describe('resolveImages', () => {
  test('sorts and dedupes widths and refuses wrong values with the option’s name', () => {
    expect(resolveImages({ widths: [640, 320, 640] }).widths).toEqual([320, 640])
    expect(() => resolveImages({ widths: [] })).toThrow('images.widths')
    expect(() => resolveImages({ quality: { avif: 0 } })).toThrow('images.quality.avif')
    expect(() => resolveImages({ formats: ['jpeg' as 'avif'] })).toThrow('images.formats')
    expect(() => resolveImages({ avifEffort: 12 })).toThrow('images.avifEffort')
  })
})

test('baseNameOf makes a URL-safe name of a file name', () => {
  expect(baseNameOf('public/images/Banjir Samarinda.JPG')).toBe('banjir-samarinda')
  expect(baseNameOf('content/2025/Peta_Wilayah (1).png')).toBe('peta-wilayah-1')
  expect(baseNameOf('content/日本.jpg')).toBe('image')
})
