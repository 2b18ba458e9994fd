import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import type { Processor } from 'unified'

/**
 * The part of GitHub-flavoured markdown news articles use: tables and strikethrough.
 * Full GFM roughly doubles parse time (autolink literals and footnotes scan every character).
 */
export function remarkGfmNews(this: Processor): void {
  const data = this.data()
  data.micromarkExtensions ??= []
  data.fromMarkdownExtensions ??= []
  data.micromarkExtensions.push(gfmTable(), gfmStrikethrough({ singleTilde: false }))
  data.fromMarkdownExtensions.push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown())
}
