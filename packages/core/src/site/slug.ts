import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import slugify from '@sindresorhus/slugify'

const options = { decamelize: false }
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const MARK = /\p{M}/u
const transliterable = new Map<string, boolean>()

/** Whether slugify keeps something of a character (`a`, `Ü` → `ue`, `ب` → `b`) rather than dropping it. */
function isTransliterable(char: string): boolean {
  let kept = transliterable.get(char)
  if (kept === undefined) {
    kept = slugify(char, options) !== ''
    transliterable.set(char, kept)
  }
  return kept
}

/**
 * Makes a URL slug from any text: transliterates, lower-cases, joins words with `-`.
 * Letters of scripts with no Latin transliteration (Chinese, Japanese, Thai…) are kept
 * as they are: dropping them would turn `苹果发布iPhone 17` into `iphone-17`, and every
 * all-Chinese headline into the same placeholder, colliding with the others.
 */
export function toSlug(text: string): string {
  let slug = slugs.get(text)
  if (slug === undefined) {
    // Tags and names repeat across thousands of articles; slugifying is the costly part.
    if (slugs.size > 100_000) slugs.clear()
    slug = computeSlug(text)
    slugs.set(text, slug)
  }
  return slug
}

const slugs = new Map<string, string>()

let makerMemo: { value?: string } | undefined

/** The versions of slugify and its transliteration tables, which decide every slug; undefined if unknown. Read on first use. */
function maker(): string | undefined {
  makerMemo ??= { value: readMaker() }
  return makerMemo.value
}

function readMaker(): string | undefined {
  try {
    const slugifyUrl = import.meta.resolve('@sindresorhus/slugify')
    const transliterate = createRequire(slugifyUrl).resolve('@sindresorhus/transliterate')
    const versionOf = (entry: string) =>
      (
        JSON.parse(readFileSync(path.join(path.dirname(entry), 'package.json'), 'utf8')) as {
          version: string
        }
      ).version
    return `${versionOf(fileURLToPath(slugifyUrl))}+${versionOf(transliterate)}`
  } catch {
    return undefined
  }
}

/** The slugs made so far, for a persistent cache to keep between processes, with what made them. */
export const knownSlugs = (): { maker?: string; slugs: [string, string][] } => ({
  maker: maker(),
  slugs: [...slugs],
})

/** Takes slugs an earlier process made (see `knownSlugs`), if the same slugify made them. */
export function rememberSlugs(known: { maker?: string; slugs: [string, string][] }): void {
  if (!maker() || known.maker !== maker()) return
  for (const [text, slug] of known.slugs) if (slugs.size < 100_000) slugs.set(text, slug)
}

function computeSlug(text: string): string {
  const chars = [...text.normalize('NFC')]
  const native: boolean[] = []
  chars.forEach((char, i) => {
    native.push(
      LETTER_OR_DIGIT.test(char)
        ? !isTransliterable(char)
        : MARK.test(char) && i > 0 && native[i - 1] === true,
    )
  })
  if (!native.includes(true)) return slugify(text, options) || 'untitled'
  const parts: string[] = []
  let run = ''
  chars.forEach((char, i) => {
    run += char
    if (i === chars.length - 1 || native[i + 1] !== native[i]) {
      parts.push(native[i] ? unicodeSlug(run) : slugify(run, options))
      run = ''
    }
  })
  return parts.filter(Boolean).join('-') || 'untitled'
}

/** Letters, marks and digits of any script, lower-cased, joined with `-`. */
function unicodeSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}
