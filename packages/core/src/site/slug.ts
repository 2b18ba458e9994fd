import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import slugify from '@sindresorhus/slugify'

const options = { decamelize: false }
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const MARK = /\p{M}/u
/** Slugs remembered at most: tags and names repeat, headlines do not. */
const MAX_SLUGS = 100_000

/** Slugs made so far, with the versions of what made them: what a persistent cache keeps. */
export interface KnownSlugs {
  maker?: string
  slugs: [string, string][]
}

/**
 * Makes slugs and remembers them: slugifying is the costly part of the site model, and tags and
 * names repeat across thousands of articles. One slugger per builder, so no state is shared
 * between builders in one process.
 */
export interface Slugger {
  /** The slug of a text (see `computeSlug`). */
  slug(text: string): string
  /** The slugs made so far, for a persistent cache to keep between processes. */
  known(): KnownSlugs
  /** Takes slugs an earlier process made (see `known`), if the same slugify made them. */
  remember(known: KnownSlugs): void
}

/** Creates a slugger with an empty memory. */
export function createSlugger(): Slugger {
  const slugs = new Map<string, string>()
  const transliterable = new Map<string, boolean>()
  return {
    slug(text) {
      let slug = slugs.get(text)
      if (slug === undefined) {
        if (slugs.size > MAX_SLUGS) slugs.clear()
        slug = computeSlug(text, transliterable)
        slugs.set(text, slug)
      }
      return slug
    },
    known: () => ({ maker: maker(), slugs: [...slugs] }),
    remember(known) {
      if (!maker() || known.maker !== maker()) return
      for (const [text, slug] of known.slugs) if (slugs.size < MAX_SLUGS) slugs.set(text, slug)
    },
  }
}

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

/**
 * Makes a URL slug from any text: transliterates, lower-cases, joins words with `-`.
 * Letters of scripts with no Latin transliteration (Chinese, Japanese, Thai…) are kept
 * as they are: dropping them would turn `苹果发布iPhone 17` into `iphone-17`, and every
 * all-Chinese headline into the same placeholder, colliding with the others.
 * `transliterable` remembers, per character, whether slugify keeps something of it.
 */
function computeSlug(text: string, transliterable: Map<string, boolean>): string {
  const isTransliterable = (char: string) => {
    let kept = transliterable.get(char)
    if (kept === undefined) {
      kept = slugify(char, options) !== ''
      transliterable.set(char, kept)
    }
    return kept
  }
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
