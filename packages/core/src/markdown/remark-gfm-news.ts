import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import type { Processor } from 'unified'

/** Which parts of {@link remarkGfmNews} to turn on. */
export interface GfmNewsOptions {
  /**
   * Tables. Off only for a document that {@link mayContainTable} clears, where the table
   * syntax could not match but would still be tried at the start of every line.
   * Default: `true`.
   */
  tables?: boolean
}

/**
 * The part of GitHub-flavoured markdown news articles use: tables and strikethrough.
 * Full GFM roughly doubles parse time (autolink literals and footnotes scan every character).
 */
export function remarkGfmNews(this: Processor, options: GfmNewsOptions = {}): void {
  const data = this.data()
  data.micromarkExtensions ??= []
  data.fromMarkdownExtensions ??= []
  if (options.tables ?? true) {
    data.micromarkExtensions.push(gfmTable())
    data.fromMarkdownExtensions.push(gfmTableFromMarkdown())
  }
  data.micromarkExtensions.push(gfmStrikethrough({ singleTilde: false }))
  data.fromMarkdownExtensions.push(gfmStrikethroughFromMarkdown())
}

/**
 * Whether markdown may hold a GFM table. A table needs a delimiter row under its head, and
 * that row holds a `|` unless its only cell is aligned (`a` over `:-` is a table too): text
 * with none of `|`, `:-`, `-:` has no table, and parses the same with or without the syntax.
 */
export function mayContainTable(markdown: string): boolean {
  return markdown.includes('|') || markdown.includes(':-') || markdown.includes('-:')
}
