import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import type { Processor } from 'unified'
import { useDocumentGate } from './document-gate.js'
import { useGatedTable } from './gfm-table-gate.js'

/**
 * All of GitHub-flavoured markdown, the default (`markdown.gfm: true`): autolink literals,
 * footnotes, strikethrough (`~one~` and `~~two~~` tildes), tables and task lists. It is
 * remark-gfm with its defaults, extension for extension and in its order, except that the
 * table syntax is tried only where a table can start (see `createGatedTable`), and footnotes
 * and autolink literals only in documents that can hold them (see `useDocumentGate`), which
 * gives the same tree for less work; the GFM spec test holds the two to the same output.
 */
export function remarkGfmFull(this: Processor): void {
  const data = this.data()
  data.micromarkExtensions ??= []
  data.fromMarkdownExtensions ??= []
  const gate = useDocumentGate(this)
  data.micromarkExtensions.push(
    gate(gfmAutolinkLiteral(), mayHoldAutolink),
    gate(gfmFootnote(), (text) => text.includes('[^')),
    gfmStrikethrough(),
    useGatedTable(this),
    gfmTaskListItem(),
  )
  data.fromMarkdownExtensions.push(gfmFromMarkdown())
}

/** A bare URL needs `://` (or `www.`), an e-mail address `@`: without any, there is none to find. */
function mayHoldAutolink(text: string): boolean {
  return text.includes('://') || text.includes('@') || /www\./i.test(text)
}
