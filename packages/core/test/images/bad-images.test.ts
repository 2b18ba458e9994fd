// Pictures that cannot be made: each is reported at the reference in the markdown (line and
// column), a lead image as an error that fails the build with the previous site untouched, a
// body image as a warning with the image left as written. Never a crash, never half an output.
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { pngFile } from '../../../../scripts/news-site.mjs'
import { WartaBuildError } from '../../src/errors/build-error.js'
import type { Diagnostic } from '../../src/errors/diagnostic.js'
import { build } from '../../src/pipeline/build.js'
import { createTempDir, listFiles, NOW, siteConfig, snapshotDir, writePhoto } from '../helpers.js'

/** A PNG whose header says 30,000 × 30,000 pixels, its rows all zero: 113 MB of pixels in a file of a few kB. */
function decompressionBomb(): Buffer {
  const side = 30_000
  const header = Buffer.alloc(13)
  header.writeUInt32BE(side, 0)
  header.writeUInt32BE(side, 4)
  header[8] = 1 // bit depth 1, grey: the smallest rows
  const row = Buffer.alloc(1 + side / 8)
  const rows = Buffer.alloc(row.length * 2000) // the first 2,000 rows; the rest is never read
  return pngFile(header, deflateSync(rows))
}

const ARTICLE = (image: string, body: string) =>
  [
    '---',
    'title: Banjir di Samarinda',
    'date: 2025-05-14T08:00',
    'summary: Banjir.',
    `image: ${image}`,
    '---',
    '',
    'Teks.',
    '',
    body,
    '',
  ].join('\n')

/** A site whose one article names `lead` as its lead image and `body` in its body, with the given files in public/. */
async function siteWith(lead: string, body: string, files: Record<string, Buffer | 'photo'>) {
  const root = await createTempDir()
  await mkdir(path.join(root, 'content'), { recursive: true })
  await mkdir(path.join(root, 'public/images'), { recursive: true })
  for (const [name, bytes] of Object.entries(files)) {
    const file = path.join(root, 'public/images', name)
    if (bytes === 'photo') await writePhoto(file, 900, 600)
    else await writeFile(file, bytes)
  }
  await writeFile(path.join(root, 'content/banjir.md'), ARTICLE(lead, body))
  return { root, config: await siteConfig(root) }
}

const failureOf = async (config: Awaited<ReturnType<typeof siteWith>>['config']): Promise<Diagnostic[]> => {
  const error = await build(config, { now: NOW, cache: false }).catch((e: unknown) => e)
  if (!(error instanceof WartaBuildError)) throw new Error(`The build did not fail: ${String(error)}`)
  return error.diagnostics.filter((d) => d.ruleId.startsWith('image-'))
}

const brief = (d: Diagnostic) => `${d.file}:${d.place?.line}:${d.place?.column} ${d.severity} ${d.ruleId}`

describe('a lead image that cannot be made fails the build, at its key', () => {
  test.each([
    [
      'missing',
      '/images/hilang.jpg',
      {},
      'image-missing',
      'does not exist (looked for public/images/hilang.jpg)',
    ],
    [
      'a text file named .jpg',
      '/images/palsu.jpg',
      { 'palsu.jpg': Buffer.from('bukan gambar') },
      'image-unsupported',
      'cannot be used',
    ],
    [
      'an SVG with a script',
      '/images/logo.svg',
      { 'logo.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
      'image-svg-unsafe',
      'it has a <script> element',
    ],
    [
      'a decompression bomb',
      '/images/bom.png',
      { 'bom.png': decompressionBomb() },
      'image-too-large',
      '30000 × 30000 pixels is more than the 100,000,000 Warta decodes',
    ],
    ['a path out of the site', '../../../etc/passwd', {}, 'image-missing', 'is outside the site folder'],
  ] as const)('%s', async (_, src, files, ruleId, message) => {
    const { config } = await siteWith(`{ src: "${src}", alt: Banjir }`, '', files)
    const diagnostics = await failureOf(config)
    expect(diagnostics.map(brief)).toEqual([`content/banjir.md:5:8 error ${ruleId}`])
    expect(diagnostics[0]?.message).toContain(message)
    expect(diagnostics[0]?.hint).toBeTruthy()
  })

  test('a JPEG cut short is damaged; the previous site stays as it was', async () => {
    const { root, config } = await siteWith('{ src: /images/banjir.jpg, alt: Banjir }', '', {
      'banjir.jpg': 'photo',
    })
    await build(config, { now: NOW, cache: false })
    const outDir = config.outDir as string
    const before = await snapshotDir(outDir)
    const photo = path.join(root, 'public/images/banjir.jpg')
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(photo))
    await truncate(photo, Math.floor(size / 2))
    const diagnostics = await failureOf(config)
    expect(diagnostics.map(brief)).toEqual(['content/banjir.md:5:8 error image-corrupt'])
    expect(await snapshotDir(outDir)).toEqual(before)
  })
})

describe('a body image that cannot be made is a warning, at its place, and is left as written', () => {
  test('missing, damaged, unsupported and unsafe images in one body', async () => {
    const body = [
      '![Peta](peta.png)',
      '',
      'Lalu ![Grafik](/images/grafik.png) dan ![Palsu](/images/palsu.jpg).',
      '',
      '![Logo](/images/logo.svg)',
    ].join('\n')
    const { config } = await siteWith('{ src: /images/banjir.jpg, alt: Banjir }', body, {
      'banjir.jpg': 'photo',
      'palsu.jpg': Buffer.from('GIF89a bukan'),
      'logo.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="alert(1)"/></svg>'),
    })
    const report = await build(config, { now: NOW, cache: false })
    const warnings = report.diagnostics.filter((d) => d.ruleId.startsWith('image-'))
    expect(warnings.map(brief)).toEqual([
      'content/banjir.md:10:1 warning image-missing',
      'content/banjir.md:12:6 warning image-missing',
      'content/banjir.md:12:40 warning image-corrupt',
      'content/banjir.md:14:1 warning image-svg-unsafe',
    ])
    expect(warnings[0]?.message).toBe(
      'The image peta.png does not exist (looked for content/peta.png, public/peta.png). It is left as written.',
    )
    const page = await readFile(
      path.join(config.outDir as string, '2025/05/14/banjir-di-samarinda/index.html'),
      'utf8',
    )
    expect(page).toContain('<img src="peta.png" alt="Peta" loading="lazy" decoding="async">')
    expect((await listFiles(config.outDir as string)).filter((f) => f.includes('logo'))).toEqual([
      expect.stringMatching(/^assets\/img\/logo-[0-9a-f]{10}\.png$/),
    ])
  })
})

describe('image-upscaled', () => {
  test('a photo narrower than the column the theme shows it in is a warning at its reference', async () => {
    const root = await createTempDir()
    await mkdir(path.join(root, 'content'), { recursive: true })
    await mkdir(path.join(root, 'public/images'), { recursive: true })
    await writePhoto(path.join(root, 'public/images/kecil.jpg'), 500, 333)
    await writePhoto(path.join(root, 'public/images/lebar.jpg'), 1600, 1067)
    await writeFile(
      path.join(root, 'content/banjir.md'),
      ARTICLE(
        '{ src: /images/kecil.jpg, alt: Banjir }',
        '![Peta](/images/kecil.jpg)\n\n![Foto](/images/lebar.jpg)',
      ),
    )
    const config = await siteConfig(root)
    const theme = { ...config.theme, images: { widths: { lead: 640, body: 640 } } }
    const report = await build({ ...config, theme }, { now: NOW, cache: false })
    const upscaled = report.diagnostics.filter((d) => d.ruleId === 'image-upscaled')
    expect(upscaled.map(brief)).toEqual([
      'content/banjir.md:5:8 warning image-upscaled',
      'content/banjir.md:10:1 warning image-upscaled',
    ])
    expect(upscaled[0]?.message).toBe(
      'The lead image /images/kecil.jpg is 500 px wide and shown up to 640 px wide, so it is stretched and looks soft.',
    )
  })
})
