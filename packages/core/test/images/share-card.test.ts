import { readFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import runImageTask from '../../src/images/image-worker.js'
import { type CardText, cardSvg, fitLines, planCard } from '../../src/images/share-card.js'
import { loadFaces, wrap } from '../../src/images/text-paths.js'
import { createTempDir } from '../helpers.js'

const card = (fields: Partial<CardText> = {}): CardText => ({
  kind: 'article',
  siteName: 'Warta Kaltim',
  headline: 'Banjir rendam tiga kelurahan di Samarinda, warga mengungsi ke masjid',
  domain: 'kaltim.warta.example',
  colors: { background: '#161616', text: '#ffffff', accent: '#b3121f', muted: '#bdbdbd' },
  ...fields,
})

describe('cardSvg', () => {
  test('draws every letter as a path, so no machine’s fonts come into it', async () => {
    const { svg, missing } = await cardSvg(card({ headline: 'Żółć, façade, naïve — “Œuvre” & São Tomé' }))
    expect(svg).not.toMatch(/<text|font-family|NaN/)
    expect(svg.match(/<path /g)?.length).toBeGreaterThan(3)
    expect(missing).toEqual([])
  })

  test('says which characters its Latin fonts cannot draw', async () => {
    const { missing } = await cardSvg(card({ headline: 'Berita 日本 hari ini' }))
    expect(missing).toEqual(['日', '本'])
  })

  test('keeps colours it is given only when they are hex colours', async () => {
    const { svg } = await cardSvg(
      card({ colors: { background: 'red"/><script>', text: '#fff', accent: '#0a0', muted: '#999' } }),
    )
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('fill="#161616"')
    expect(svg).toContain('fill="#0a0"')
  })
})

describe('wrap', () => {
  test('breaks at spaces within the width, and cuts a word only when it cannot fit a line', async () => {
    const { serif } = await loadFaces()
    const wrapped = wrap(serif, 'DPRD Kaltim menggelar rapat paripurna tentang anggaran', 72, 1040, 4)
    expect(wrapped).toEqual({
      lines: ['DPRD Kaltim menggelar', 'rapat paripurna tentang', 'anggaran'],
      overflow: false,
      cut: false,
    })
    expect(wrap(serif, 'Pneumonoultramicroscopicsilicovolcanoconiosis', 72, 400, 4).cut).toBe(true)
    expect(wrap(serif, Array(40).fill('kata').join(' '), 72, 1040, 4).overflow).toBe(true)
  })
})

describe('a drawn card', () => {
  test('is a 1200 × 630 PNG with the same bytes every time it is drawn', async () => {
    const dir = await createTempDir()
    const spec = planCard(card(), 'sharp test', 'fonts', 'assets/img')
    const files = [path.join(dir, 'a.png'), path.join(dir, 'b.png')]
    for (const file of files)
      expect(await runImageTask({ card: { card: card(), file } })).toEqual({ missing: [] })
    const [a, b] = await Promise.all(files.map((f) => readFile(f)))
    expect(a?.equals(b as Buffer)).toBe(true)
    expect(await sharp(a).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 })
    expect(spec).toMatchObject({
      width: 1200,
      height: 630,
      path: expect.stringMatching(/^assets\/img\/card-[0-9a-f]{10}\.png$/),
    })
  })

  test('a logo is a 512 × 512 square', async () => {
    const dir = await createTempDir()
    const file = path.join(dir, 'logo.png')
    await runImageTask({ card: { card: card({ kind: 'logo' }), file } })
    expect(await sharp(file).metadata()).toMatchObject({ width: 512, height: 512 })
  })

  test('a headline is set as large as fits without cutting a word; one that fills the card ends in an ellipsis', async () => {
    const { serif } = await loadFaces()
    const sizes = [72, 64, 56, 48]
    expect(fitLines(serif, 'Banjir di Samarinda', sizes, 1040, 340)).toEqual({
      size: 72,
      lines: ['Banjir di Samarinda'],
    })
    const long = fitLines(serif, Array.from({ length: 60 }, (_, i) => `kata${i}`).join(' '), sizes, 1040, 340)
    expect(long.size).toBe(48)
    expect(long.lines).toHaveLength(6)
    expect(long.lines.at(-1)).toMatch(/…$/)
  })
})

test('every glyph of the shipped fonts draws as a path (opentype.js 1.3.5 and 2.0 lose points of some)', async () => {
  const faces = await loadFaces()
  for (const font of [...faces.serif, ...faces.sans]) {
    const broken: string[] = []
    for (let code = 0x20; code < 0x250; code++) {
      const char = String.fromCodePoint(code)
      if (font.charToGlyphIndex(char) === 0) continue
      if (font.charToGlyph(char).getPath(0, 0, 72).toPathData(2).includes('NaN')) broken.push(char)
    }
    expect(broken).toEqual([])
  }
})
