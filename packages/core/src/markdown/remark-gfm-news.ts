import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import type { Processor } from 'unified'
import { createGatedTable } from './gfm-table-gate.js'

/**
 * The part of GitHub-flavoured markdown news articles use: tables and strikethrough.
 * Full GFM roughly doubles parse time (autolink literals and footnotes scan every character).
 * Tables are tried only where one can start (see `createGatedTable`).
 */
export function remarkGfmNews(this: Processor): void {
  const data = this.data()
  data.micromarkExtensions ??= []
  data.fromMarkdownExtensions ??= []
  const table = createGatedTable()
  // micromark shows a syntax extension no more than the line it is on: the gate gets the
  // whole document from the parser.
  const parse = this.parser
  if (parse) this.parser = (document, file) => table.parsing(document, () => parse(document, file))
  data.micromarkExtensions.push(table.extension, gfmStrikethrough({ singleTilde: false }))
  data.fromMarkdownExtensions.push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown())
}
