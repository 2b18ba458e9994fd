// The part of opentype.js 1.3 the share cards use. Its DefinitelyTyped package declares
// canvas drawing too, which brings the DOM's types into every file of the project.
declare module 'opentype.js' {
  /** A glyph's outline as drawing commands. */
  export interface Path {
    /** SVG path data, numbers to `decimalPlaces`. */
    toPathData(decimalPlaces?: number): string
  }
  /** One glyph of a font. */
  export interface Glyph {
    unicode?: number
    advanceWidth?: number
    /** The outline at (`x`, `y`) baseline, `fontSize` px. */
    getPath(x: number, y: number, fontSize: number): Path
  }
  /** A parsed font. */
  export interface Font {
    unitsPerEm: number
    /** 0 when the font has no glyph for the character. */
    charToGlyphIndex(char: string): number
    charToGlyph(char: string): Glyph
    getKerningValue(left: Glyph, right: Glyph): number
  }
  /** Parses a TrueType, OpenType or WOFF font. */
  export function parse(buffer: ArrayBuffer): Font
}
