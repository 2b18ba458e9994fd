import type { Root } from 'mdast'
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

// Digits joined by "." or "," are one number (1.000, 1,5), as readers read them.
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’-]|(?<=\p{N})[.,](?=\p{N}))*/gu

/** Counts words in any script that separates words with spaces or punctuation. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0
}

/**
 * What a reader reads: raw HTML is markup (removed when sanitizing), and an image's alt
 * text is not shown, so neither belongs in an excerpt or a word count.
 */
const readableText = (node: Root['children'][number]): string =>
  mdastToString(node, { includeHtml: false, includeImageAlt: false }).replace(/\s+/g, ' ').trim()

/**
 * Records the first paragraph with text (a lead photo's paragraph has none) and the word
 * count of the body, front matter excluded.
 */
export function remarkArticleText() {
  return (tree: Root, file: VFile) => {
    const body = tree.children.filter((node) => node.type !== 'yaml')
    let firstParagraph = ''
    for (const node of body) {
      if (node.type !== 'paragraph') continue
      firstParagraph = readableText(node)
      if (firstParagraph) break
    }
    file.data.text = {
      firstParagraph,
      wordCount: countWords(body.map(readableText).join(' ')),
    }
  }
}
