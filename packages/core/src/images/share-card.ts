import { createRequire } from 'node:module'
import type { Font } from 'opentype.js'
import type { CardColors } from '../config/theme.js'
import { hashHex } from '../util/hash.js'
import { type Face, loadFaces, pathData, shape, wrap } from './text-paths.js'

/**
 * What a generated card shows: an article's headline under the site's name, the site itself
 * (name and description) for pages without a picture of their own, or the site's name as a
 * square logo (the fallback `publisher.logo`).
 */
export interface CardText {
  kind: 'article' | 'site' | 'logo'
  siteName: string
  headline?: string
  description?: string
  /** The site's host, e.g. `kaltim.warta.example`. */
  domain: string
  colors: CardColors
}

/** Sizes of the generated images, in pixels. */
export const CARD_SIZES = {
  article: { width: 1200, height: 630 },
  site: { width: 1200, height: 630 },
  logo: { width: 512, height: 512 },
} as const

const MARGIN = 80

/** A colour safe to put in an SVG attribute, or the fallback. */
const colour = (value: string, fallback: string) =>
  /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value.trim()) ? value.trim() : fallback

/**
 * The largest size (of `sizes`) at which `text` fits `maxHeight` in lines `width` wide
 * without cutting a word; at the smallest, what does not fit ends in an ellipsis.
 */
export function fitLines(
  fonts: readonly Font[],
  text: string,
  sizes: readonly number[],
  width: number,
  maxHeight: number,
): { size: number; lines: string[] } {
  for (const [i, size] of sizes.entries()) {
    const maxLines = Math.max(1, Math.floor(maxHeight / (size * 1.15)))
    const wrapped = wrap(fonts, text, size, width, maxLines)
    if ((!wrapped.overflow && !wrapped.cut) || i === sizes.length - 1) {
      const lines = [...wrapped.lines]
      if (wrapped.overflow) {
        let last = lines.at(-1) ?? ''
        while (last.length > 1 && shape(fonts, `${last}…`, size).width > width)
          last = last.slice(0, -1).trimEnd()
        lines[lines.length - 1] = `${last}…`
      }
      return { size, lines }
    }
  }
  return { size: sizes.at(-1) ?? 48, lines: [] }
}

/** An SVG of a card, with every glyph drawn as a path, and the characters the fonts could not draw. */
export async function cardSvg(card: CardText): Promise<{ svg: string; missing: string[] }> {
  const faces = await loadFaces()
  const { width, height } = CARD_SIZES[card.kind]
  const colors = {
    background: colour(card.colors.background, '#161616'),
    text: colour(card.colors.text, '#ffffff'),
    accent: colour(card.colors.accent, '#b3121f'),
    muted: colour(card.colors.muted, '#bdbdbd'),
  }
  const missing = new Set<string>()
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="${colors.background}"/>`]
  const text = (face: Face, line: string, x: number, y: number, size: number, fill: string) => {
    const shaped = shape(faces[face], line, size)
    for (const char of shaped.missing) missing.add(char)
    parts.push(`<path fill="${fill}" d="${pathData(shaped, x, y, size)}"/>`)
  }
  const block = (face: Face, lines: string[], size: number, top: number, fill: string) => {
    for (const [i, line] of lines.entries())
      text(face, line, MARGIN, top + size + i * size * 1.15, size, fill)
  }
  const inner = width - 2 * MARGIN
  if (card.kind === 'logo') {
    const name = fitLines(faces.serif, card.siteName, [120, 96, 80, 64, 48], inner, height - 2 * MARGIN)
    const blockHeight = name.lines.length * name.size * 1.15
    block('serif', name.lines, name.size, (height - blockHeight) / 2 - name.size * 0.1, colors.text)
    parts.push(
      `<rect x="${MARGIN}" y="${height - MARGIN / 2 - 12}" width="${inner}" height="12" fill="${colors.accent}"/>`,
    )
  } else {
    parts.push(`<rect width="${width}" height="14" fill="${colors.accent}"/>`)
    text('sans', card.kind === 'article' ? card.siteName : card.domain, MARGIN, 110, 34, colors.accent)
    const main =
      card.kind === 'article'
        ? fitLines(faces.serif, card.headline ?? '', [72, 64, 56, 48], inner, 340)
        : fitLines(faces.serif, card.siteName, [112, 96, 80, 64], inner, 250)
    block('serif', main.lines, main.size, 160, colors.text)
    if (card.kind === 'site' && card.description) {
      const top = 160 + main.lines.length * main.size * 1.15 + 24
      const about = fitLines(faces.sans, card.description, [38, 32], inner, Math.max(0, 520 - top))
      block('sans', about.lines, about.size, top, colors.muted)
    }
    parts.push(`<rect x="${MARGIN}" y="532" width="72" height="6" fill="${colors.accent}"/>`)
    if (card.kind === 'article') text('sans', card.domain, MARGIN, 586, 28, colors.muted)
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`
  return { svg, missing: [...missing] }
}

/** Bumped when the drawing of cards changes. */
const CARD_VERSION = 2

/** The font parser draws the glyphs: another version may draw them differently. */
const OPENTYPE_VERSION = (createRequire(import.meta.url)('opentype.js/package.json') as { version: string })
  .version

/** A generated card to make: its key, output path and size. */
export interface CardSpec {
  key: string
  path: string
  width: number
  height: number
  text: CardText
}

/** Plans a card: its key is a hash of what it shows, the fonts and the encoder, so an unchanged card is never drawn twice. */
export function planCard(text: CardText, encoder: string, fontsKey: string, folder: string): CardSpec {
  const key = hashHex(JSON.stringify([CARD_VERSION, encoder, fontsKey, OPENTYPE_VERSION, text]))
  const name = text.kind === 'logo' ? 'logo' : 'card'
  return { key, path: `${folder}/${name}-${key.slice(0, 10)}.png`, ...CARD_SIZES[text.kind], text }
}
