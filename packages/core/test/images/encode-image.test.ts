// The sharp work itself, on this thread: what a task makes, its placeholders, its failures, and
// that the same task makes the same bytes twice. And the worker pool's failure modes.
import { readFile, truncate, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { resolveImages } from '../../src/config/image-options.js'
import { encodeImage, variantFile } from '../../src/images/encode-image.js'
import { createImageWorkers } from '../../src/images/image-pool.js'
import { inspectImage } from '../../src/images/inspect-image.js'
import { planImage, specsOf } from '../../src/images/plan-variants.js'
import { createTempDir, writePhoto } from '../helpers.js'

async function photoTask(dir: string, name = 'foto.jpg') {
  const file = path.join(dir, name)
  await writePhoto(file, 900, 600)
  const info = await inspectImage(file, `public/${name}`, 1e8)
  if ('failure' in info) throw new Error(info.message)
  const plan = planImage(info, 'lead', { images: resolveImages(), encoder: 'test' })
  return { file, info, plan }
}

describe('encodeImage', () => {
  test('makes every file of a plan at its size and format, the same bytes each time', async () => {
    const dir = await createTempDir()
    const { file, plan } = await photoTask(dir)
    const specs = specsOf(plan)
    const first = path.join(dir, 'a')
    const second = path.join(dir, 'b')
    for (const outDir of [first, second])
      expect(await encodeImage({ file, specs, maxPixels: 1e8, outDir })).toEqual({
        made: specs.map((s) => s.key),
      })
    for (const spec of specs) {
      const bytes = await readFile(variantFile(first, spec))
      expect(bytes.equals(await readFile(variantFile(second, spec))), spec.path).toBe(true)
      const meta = await sharp(bytes).metadata()
      expect([meta.format === 'heif' ? 'avif' : meta.format, meta.width, meta.height]).toEqual([
        spec.format,
        spec.width,
        spec.height,
      ])
      // No camera metadata (GPS position and all) leaves the building.
      expect(meta.exif).toBeUndefined()
    }
  })

  test('works out the dominant colour, or a tiny blurred preview', async () => {
    const dir = await createTempDir()
    const { file } = await photoTask(dir)
    const color = await encodeImage({ file, specs: [], placeholder: 'color', maxPixels: 1e8, outDir: dir })
    expect(color.placeholder?.color).toMatch(/^#[0-9a-f]{6}$/)
    const blur = await encodeImage({ file, specs: [], placeholder: 'blur', maxPixels: 1e8, outDir: dir })
    expect(blur.placeholder?.blur).toMatch(/^data:image\/webp;base64,/)
    expect(blur.placeholder?.blur?.length).toBeLessThan(1200)
  })

  test('a file cut short, and one over the pixel limit, are failures, not exceptions', async () => {
    const dir = await createTempDir()
    const { file, plan } = await photoTask(dir)
    const small = specsOf(plan).slice(0, 1)
    expect(await encodeImage({ file, specs: small, maxPixels: 1000, outDir: dir })).toMatchObject({
      failure: { kind: 'too-large' },
    })
    const bytes = await readFile(file)
    await truncate(file, Math.floor(bytes.length / 3))
    expect(await encodeImage({ file, specs: small, maxPixels: 1e8, outDir: dir })).toMatchObject({
      failure: { kind: 'corrupt' },
    })
  })
})

describe('the image workers', () => {
  test('a worker thread that exits fails its task instead of leaving it waiting', async () => {
    const dir = await createTempDir()
    const exits = path.join(dir, 'exits.mjs')
    await writeFile(exits, 'process.exit(3)\n')
    const workers = createImageWorkers(1, pathToFileURL(exits))
    const run = workers.run({ card: { card: {} as never, file: path.join(dir, 'x.png') } })
    await expect(run).rejects.toThrow(/exited \(code 3\)/)
    await workers.close()
  })

  test('a worker module that throws as it loads fails its task with the reason', async () => {
    const dir = await createTempDir()
    const broken = path.join(dir, 'broken.mjs')
    await writeFile(broken, 'throw new Error("libvips would not load")\n')
    const workers = createImageWorkers(1, pathToFileURL(broken))
    await expect(workers.run({ card: { card: {} as never, file: path.join(dir, 'x.png') } })).rejects.toThrow(
      'libvips would not load',
    )
    await workers.close()
  })
})
