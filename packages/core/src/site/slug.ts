import slugify from '@sindresorhus/slugify'

const options = { decamelize: false }
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/**
 * Makes a URL slug from any text: transliterates, lower-cases, joins words with `-`.
 * Words in scripts with no Latin transliteration (Chinese, Japanese, Thai…) keep their
 * own letters: dropping them would leave `東京の天気 2025` as `2025`, and every
 * all-Chinese headline as the same placeholder, colliding with the others.
 */
export function toSlug(text: string): string {
  const words = text.split(/\s+/).filter(Boolean)
  const lost = words.some((word) => LETTER_OR_DIGIT.test(word) && slugify(word, options) === '')
  const slug = lost
    ? words
        .map((word) => slugify(word, options) || unicodeSlug(word))
        .filter(Boolean)
        .join('-')
    : slugify(text, options)
  return slug || 'untitled'
}

/** Letters, marks and digits of any script, lower-cased, joined with `-`. */
function unicodeSlug(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}
