import type { Root } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'

/** What the markdown stage learns about an article's text, carried on `file.data.text`. */
export interface ArticleText {
  /** The first paragraph as plain text. */
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

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu

/** Counts words in any script that separates words with spaces or punctuation. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0
}

/** Records the first paragraph and the word count of the body (front matter excluded). */
export function remarkArticleText() {
  return (tree: Root, file: VFile) => {
    const body = tree.children.filter((node) => node.type !== 'yaml')
    const first = body.find((node) => node.type === 'paragraph')
    file.data.text = {
      firstParagraph: first ? mdastToString(first).replace(/\s+/g, ' ').trim() : '',
      wordCount: countWords(body.map((node) => mdastToString(node)).join(' ')),
    }
  }
}
