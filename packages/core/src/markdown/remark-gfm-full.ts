import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import type { Processor } from 'unified'
import { type Needs, useDocumentGate } from './document-gate.js'
import { useGatedTable } from './gfm-table-gate.js'

/**
 * All of GitHub-flavoured markdown, the default (`markdown.gfm: true`): autolink literals,
 * footnotes, strikethrough (`~one~` and `~~two~~` tildes), tables and task lists. It is
 * remark-gfm with its defaults, extension for extension and in its order, except that the
 * table syntax is tried only where a table can start (see `createGatedTable`), footnotes only
 * in documents that can hold them and autolink literals only where they can start (see
 * `useDocumentGate`), which gives the same tree for less work; the GFM spec test holds the
 * two to the same output.
 */
export function remarkGfmFull(this: Processor): void {
  const data = this.data()
  data.micromarkExtensions ??= []
  data.fromMarkdownExtensions ??= []
  const gate = useDocumentGate(this)
  data.micromarkExtensions.push(
    gate(gfmAutolinkLiteral(), AUTOLINK_NEEDS),
    gate(gfmFootnote(), (text) => text.includes('[^')),
    gfmStrikethrough(),
    useGatedTable(this),
    gfmTaskListItem(),
  )
  data.fromMarkdownExtensions.push(gfmFromMarkdown())
}

/**
 * A bare URL needs `://` or `www.`. An e-mail address is tried at the start of every word,
 * reading the word to its end: it can start only in a run of its characters that ends in `@`.
 */
const AUTOLINK_NEEDS: Readonly<Record<string, Needs>> = {
  protocolAutolink: (text) => text.includes('://'),
  wwwAutolink: (text) => /www\./i.test(text),
  emailAutolink: (text) => {
    const starts = emailStarts(text)
    return starts.size > 0 && ((offset) => starts.has(offset))
  },
}

/** `a-zA-Z0-9`, `+`, `-`, `.`, `_`: what micromark's e-mail literal reads before its `@`. */
const isAtext = (code: number) =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 43 ||
  code === 45 ||
  code === 46 ||
  code === 95

/** The offsets from which a run of e-mail characters reaches an `@`. */
function emailStarts(text: string): Set<number> {
  const starts = new Set<number>()
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1))
    for (let i = at - 1; i >= 0 && isAtext(text.charCodeAt(i)); i--) starts.add(i)
  return starts
}
