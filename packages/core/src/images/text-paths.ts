import { hash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Font, Glyph } from 'opentype.js'

/** The folder of the fonts shipped with the package (see fonts/README.md): two up from src/images or dist/images. */
const FONT_DIR = new URL('../../fonts/', import.meta.url)

/** The card's two faces, each a Latin file and a Latin Extended one. */
export const FACES = {
  serif: ['source-serif-4-latin-700-normal.woff', 'source-serif-4-latin-ext-700-normal.woff'],
  sans: ['source-sans-3-latin-700-normal.woff', 'source-sans-3-latin-ext-700-normal.woff'],
} as const

/** A face of the card. */
export type Face = keyof typeof FACES

let fontKey: string | undefined
/** A hash of the font files: a card's key changes with them. Reads the files, does not parse them. */
export function fontFilesKey(): string {
  fontKey ??= hash(
    'sha256',
    Buffer.concat(
      Object.values(FACES).flatMap((files) => files.map((f) => readFileSync(new URL(f, FONT_DIR)))),
    ),
    'hex',
  )
  return fontKey
}

/** Fonts parsed once per thread: opentype.js takes about 200 ms to load. */
let parsed: Promise<Record<Face, Font[]>> | undefined
export function loadFaces(): Promise<Record<Face, Font[]>> {
  parsed ??= import('opentype.js').then((module) => {
    // A CommonJS module: its exports are the default export when imported.
    const opentype = ((module as unknown as { default?: typeof module }).default ?? module) as typeof module
    const load = (file: string) => {
      const bytes = readFileSync(new URL(file, FONT_DIR))
      return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
    }
    return { serif: FACES.serif.map(load), sans: FACES.sans.map(load) }
  })
  return parsed
}

/** Text set in a face: glyphs with their positions, and what the fonts could not show. */
interface Shaped {
  glyphs: { font: Font; glyph: Glyph; x: number }[]
  width: number
  missing: string[]
}

/** Lays a line of text out at `size` px: each character from the first file that has it, kerned within a file. */
export function shape(fonts: readonly Font[], text: string, size: number): Shaped {
  const glyphs: Shaped['glyphs'] = []
  const missing: string[] = []
  let x = 0
  let previous: { font: Font; glyph: Glyph } | undefined
  for (const char of text) {
    const font = fonts.find((f) => f.charToGlyphIndex(char) > 0)
    if (!font) {
      if (!/\s/.test(char)) missing.push(char)
      const space = fonts[0]?.charToGlyph(' ')
      if (space && fonts[0]) x += ((space.advanceWidth ?? 0) * size) / fonts[0].unitsPerEm
      previous = undefined
      continue
    }
    const glyph = font.charToGlyph(char)
    const scale = size / font.unitsPerEm
    if (previous && previous.font === font) x += font.getKerningValue(previous.glyph, glyph) * scale
    glyphs.push({ font, glyph, x })
    x += (glyph.advanceWidth ?? 0) * scale
    previous = { font, glyph }
  }
  return { glyphs, width: x, missing }
}

/** SVG path data of shaped text with its baseline at (`x`, `y`), to two decimals: the same on every machine. */
export function pathData(shaped: Shaped, x: number, y: number, size: number): string {
  return shaped.glyphs.map((g) => g.glyph.getPath(x + g.x, y, size).toPathData(2)).join('')
}

/**
 * Breaks text into lines at most `width` px wide at `size` px: greedy, at spaces; a word
 * longer than a line is cut where it overflows (`cut`). Returns at most `maxLines` lines and
 * whether text was left over.
 */
export function wrap(
  fonts: readonly Font[],
  text: string,
  size: number,
  width: number,
  maxLines: number,
): { lines: string[]; overflow: boolean; cut: boolean } {
  const words = text.trim().split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  let cut = false
  const fits = (candidate: string) => shape(fonts, candidate, size).width <= width
  for (let i = 0; i < words.length; i++) {
    let word = words[i] as string
    const candidate = line ? `${line} ${word}` : word
    if (fits(candidate)) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    while (!fits(word) && word.length > 1) {
      let at = word.length - 1
      while (at > 1 && !fits(word.slice(0, at))) at--
      lines.push(word.slice(0, at))
      word = word.slice(at)
      cut = true
    }
    line = word
    if (lines.length >= maxLines) return { lines: lines.slice(0, maxLines), overflow: true, cut }
  }
  if (line) lines.push(line)
  return lines.length > maxLines
    ? { lines: lines.slice(0, maxLines), overflow: true, cut }
    : { lines, overflow: false, cut }
}
