import type { Diagnostic } from '../errors/diagnostic.js'
import type { RoutedArticle } from '../routes/route-site.js'
import { placeOfKey } from './quality-site.js'

/** Characters of a title search results show before cutting it. */
export const TITLE_MAX_LENGTH = 70
/** Characters of a meta description search results show before cutting it. */
export const DESCRIPTION_MAX_LENGTH = 160

// Made on first use: making one costs ~25 ms, at every start of every process that loads Warta.
let graphemes: Intl.Segmenter | undefined

// Surrogate pairs, combining marks and joiners are where code units and characters part ways.
const MULTI_UNIT = /[\u{10000}-\u{10FFFF}\uD800-\uDFFF]|\p{M}|\u200D|\uFE0E|\uFE0F/u

/** Code units segmented at once: V8's segmenter takes time quadratic in the length of what it is given. */
const CHUNK = 1_000

/**
 * Whether a character cluster surely ends before `text[i]`: before an ASCII character, unless
 * the one before is a carriage return (CR LF is one cluster), half of a surrogate pair, or in
 * the block of scripts with "prepended" marks (U+0600–U+0DFF) that join what follows (UAX #29).
 */
function clusterEndsBefore(text: string, i: number): boolean {
  const next = text.charCodeAt(i)
  const previous = text.charCodeAt(i - 1)
  return (
    next < 0x80 &&
    previous !== 0x0d &&
    !(previous >= 0x600 && previous <= 0xdff) &&
    !(previous >= 0xd800 && previous <= 0xdfff)
  )
}

/** Length as readers count it: `é` written as e + accent, or a flag emoji, is one character. */
export function textLength(text: string): number {
  const trimmed = text.trim()
  // Segmenting every title and excerpt on every preview rebuild was most of its time.
  if (!MULTI_UNIT.test(trimmed)) return trimmed.length
  // In pieces cut where a cluster surely ends: an 80,000-character first paragraph with one
  // emoji took 85 s in one piece.
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' })
  let length = 0
  for (let start = 0; start < trimmed.length; ) {
    let end = Math.min(start + CHUNK, trimmed.length)
    while (end < trimmed.length && !clusterEndsBefore(trimmed, end)) end++
    for (const _ of graphemes.segment(trimmed.slice(start, end))) length++
    start = end
  }
  return length
}

/** `title-length`: a title longer than search results show. */
export function checkTitleLength(article: RoutedArticle): Diagnostic[] {
  const length = textLength(article.title)
  if (length <= TITLE_MAX_LENGTH) return []
  return [
    {
      file: article.sourcePath,
      place: placeOfKey(article, 'title'),
      message: `The title is ${length} characters long; search results cut titles after about ${TITLE_MAX_LENGTH}.`,
      hint: `Shorten it by ${length - TITLE_MAX_LENGTH} characters, or put the words that matter in the first ${TITLE_MAX_LENGTH}.`,
      ruleId: 'title-length',
      severity: 'warning',
    },
  ]
}

/**
 * `description-length`: a summary longer than search results show. Without a summary the
 * description is the first paragraph, and `missing-summary` already asks for one.
 */
export function checkDescriptionLength(article: RoutedArticle): Diagnostic[] {
  if (!article.summary) return []
  const length = textLength(article.summary)
  if (length <= DESCRIPTION_MAX_LENGTH) return []
  return [
    {
      file: article.sourcePath,
      place: placeOfKey(article, 'summary'),
      message: `The summary is ${length} characters long; search results cut descriptions after about ${DESCRIPTION_MAX_LENGTH}.`,
      hint: `Shorten it by ${length - DESCRIPTION_MAX_LENGTH} characters: it is the page’s meta description and the text shown when the article is shared.`,
      ruleId: 'description-length',
      severity: 'warning',
    },
  ]
}
