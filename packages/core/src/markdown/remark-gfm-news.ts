import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import type { Processor } from 'unified'
import { useGatedTable } from './gfm-table-gate.js'

/**
 * The lean preset, `markdown.gfm: 'news'` (opt-in): GFM tables and `~~double~~`
 * strikethrough only. It drops autolink literals (bare `https://…`, `www.…` and e-mail
 * addresses stay text), footnotes, task lists and `~single~` strikethrough.
 */
export function remarkGfmNews(this: Processor): void {
  const data = this.data()
  data.micromarkExtensions ??= []
  data.fromMarkdownExtensions ??= []
  data.micromarkExtensions.push(useGatedTable(this), gfmStrikethrough({ singleTilde: false }))
  data.fromMarkdownExtensions.push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown())
}
