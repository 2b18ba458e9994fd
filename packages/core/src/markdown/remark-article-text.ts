import type { Nodes, Root } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'

/** What the markdown stage learns about an article's text, carried on `file.data.text`. */
export interface ArticleText {
  /** The first paragraph that has text, as plain text. */
  firstParagraph: string
  wordCount: number
}

declare module 'vfile' {
  interface DataMap {
    text: ArticleText
    headings: ArticleHeading[]
  }
}

/** A heading of the body, for tables of contents and quality checks. */
export interface ArticleHeading {
  depth: number
  id: string
  text: string
  line: number
  column: number
}

/*
 * A word is a letter or number, then letters, numbers, apostrophes and hyphens; digits joined
 * by "." or "," are one number (1.000, 1,5), as readers read them. As a regular expression:
 * /[\p{L}\p{N}](?:[\p{L}\p{N}'’-]|(?<=\p{N})[.,](?=\p{N}))*\/gu. The counter below finds the
 * same words one code point at a time, so text can be fed to it in pieces without joining them.
 */
const OTHER = 0
const LETTER = 1
const NUMBER = 2
const JOINER = 3
const SEPARATOR = 4

const ASCII_KINDS = new Uint8Array(128)
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code)
  ASCII_KINDS[code] = /[A-Za-z]/.test(char)
    ? LETTER
    : /[0-9]/.test(char)
      ? NUMBER
      : char === "'" || char === '-'
        ? JOINER
        : char === '.' || char === ','
          ? SEPARATOR
          : OTHER
}
const otherKinds = new Map<number, number>()

function kindOf(codePoint: number): number {
  if (codePoint < 128) return ASCII_KINDS[codePoint] as number
  let kind = otherKinds.get(codePoint)
  if (kind === undefined) {
    const char = String.fromCodePoint(codePoint)
    kind = /\p{L}/u.test(char) ? LETTER : /\p{N}/u.test(char) ? NUMBER : char === '’' ? JOINER : OTHER
    otherKinds.set(codePoint, kind)
  }
  return kind
}

/** Counts words in text given in pieces, as if the pieces were one string; `end()` separates texts. */
class WordCounter {
  words = 0
  private inWord = false
  /** Whether the word so far ends in a number, so a "." or "," may join another. */
  private afterNumber = false
  /** A "." or "," after a number: part of the word only if a number follows. */
  private separator = false
  /** A high surrogate at the end of a piece, waiting for its other half. */
  private high = -1

  add(text: string): void {
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i)
      if (this.high !== -1) {
        const high = this.high
        this.high = -1
        if (code >= 0xdc00 && code <= 0xdfff) {
          this.step(kindOf((high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000))
          continue
        }
        this.step(OTHER)
      }
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1
        if (next === -1) {
          this.high = code
          continue
        }
        if (next >= 0xdc00 && next <= 0xdfff) {
          code = (code - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000
          i++
        }
      }
      this.step(kindOf(code))
    }
  }

  end(): void {
    if (this.high !== -1) this.step(OTHER)
    this.high = -1
    this.inWord = false
    this.separator = false
  }

  private step(kind: number): void {
    if (this.separator) {
      this.separator = false
      if (kind === NUMBER) return
      this.inWord = false
    }
    if (this.inWord) {
      if (kind === LETTER || kind === NUMBER || kind === JOINER) this.afterNumber = kind === NUMBER
      else if (kind === SEPARATOR && this.afterNumber) this.separator = true
      else this.inWord = false
    } else if (kind === LETTER || kind === NUMBER) {
      this.words++
      this.inWord = true
      this.afterNumber = kind === NUMBER
    }
  }
}

/** Counts words in any script that separates words with spaces or punctuation. */
export function countWords(text: string): number {
  const counter = new WordCounter()
  counter.add(text)
  return counter.words
}

/**
 * Feeds a node's text to the counter as `readableText` would give it: raw HTML is markup
 * (removed when sanitizing), and an image's alt text is not shown.
 */
function addReadableText(counter: WordCounter, node: Nodes): void {
  if ('value' in node) {
    if (node.type !== 'html' && node.value != null) counter.add(String(node.value))
  } else if ('children' in node) {
    for (const child of node.children) addReadableText(counter, child)
  }
}

/** What a reader reads of a node, with whitespace collapsed. */
const readableText = (node: Root['children'][number]): string =>
  mdastToString(node, { includeHtml: false, includeImageAlt: false }).replace(/\s+/g, ' ').trim()

/**
 * Records the first paragraph with text (a lead photo's paragraph has none) and the word
 * count of the body. Each top-level node's text counts on its own, as if they were joined
 * with spaces; within one, text runs on across inline nodes (`**a**b` is one word).
 */
export function remarkArticleText() {
  return (tree: Root, file: VFile) => {
    let firstParagraph = ''
    const counter = new WordCounter()
    for (const node of tree.children) {
      if (!firstParagraph && node.type === 'paragraph') firstParagraph = readableText(node)
      addReadableText(counter, node)
      counter.end()
    }
    file.data.text = { firstParagraph, wordCount: counter.words }
  }
}
