import type { Nodes } from 'mdast'
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import remarkParse from 'remark-parse'
import { type Processor, unified } from 'unified'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { createProcessor } from '../../src/markdown/create-processor.js'
import { DEFAULT_EMBEDS } from '../../src/markdown/embed-allowlist.js'
import { remarkGfmNews } from '../../src/markdown/remark-gfm-news.js'

const gated = unified().use(remarkParse).use(remarkGfmNews).freeze()

// The table syntax as published, without the gate that tries it only where a table can start.
const ungated = unified()
  .use(remarkParse)
  .use(function (this: Processor) {
    const data = this.data()
    data.micromarkExtensions = [gfmTable(), gfmStrikethrough({ singleTilde: false })]
    data.fromMarkdownExtensions = [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown()]
  })
  .freeze()

const hasTable = (node: Nodes): boolean =>
  node.type === 'table' || ('children' in node && node.children.some(hasTable))

/** Seeded documents of a few short lines, each a few pieces of markdown syntax. */
function* samples(pieces: string[], count: number) {
  let seed = 11
  const next = (below: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return Math.floor((seed / 2147483648) * below)
  }
  for (let sample = 0; sample < count; sample++) {
    const lines = []
    for (let line = next(5) + 1; line > 0; line--) {
      let text = ''
      for (let i = next(5); i > 0; i--) text += pieces[next(pieces.length)]
      lines.push(text)
    }
    yield lines.join('\n')
  }
}

// Heavy on what table rows are made of, and on what contains them and ends lines.
const PIECES = [
  ...['a', 'b c', ' ', '\t', '-', '--', ':', '~~', '*', '`', '\\', '&#124;', '[x]', '---', '# '],
  ...['|', ' | ', ':-', '-:', ':-:', '> ', '>', '- ', '* ', '1. ', '2) ', '    ', '\r', '\r\n'],
]

describe('remarkGfmNews', () => {
  test('parses a table aligned with a colon even without a pipe', () => {
    expect(hasTable(gated.parse('abc\n:-\n'))).toBe(true)
    expect(hasTable(gated.parse('abc\n-:\n'))).toBe(true)
  })

  test('parses tables in quotes, lists and lazy lines, with any line endings, as the ungated syntax does', () => {
    const found = { tables: 0, withoutPipe: 0 }
    for (const text of samples(PIECES, 4000)) {
      const expected = ungated.parse(text)
      if (hasTable(expected)) {
        found.tables++
        if (!text.includes('|')) found.withoutPipe++
      }
      expect([text, gated.parse(text)]).toEqual([text, expected])
    }
    expect(found.tables).toBeGreaterThan(100)
    expect(found.withoutPipe).toBeGreaterThan(10)
  })

  test('parses body rows without pipes, tables in containers and CR line endings as the ungated syntax does', () => {
    const text = [
      'Para\n| a | b |\n| - | -: |\n| 1 | 2 |\nno pipe row\n\n> x | y\n> --|--\n> 1 | 2\nlazy',
      '- a\n  :-\n- | b |\n  |---|\n  c',
      'a\r\n:-\r\nb\r|-|\rc\n\n\tx|y\n\t-|-',
    ].join('\n\n')
    expect(gated.parse(text)).toEqual(ungated.parse(text))
    expect(hasTable(gated.parse(text))).toBe(true)
  })
})

describe('createProcessor with the news subset', () => {
  const processor = createProcessor({
    html: 'sanitize',
    gfm: 'news',
    embeds: DEFAULT_EMBEDS,
    remarkPlugins: [],
    rehypePlugins: [],
  })
  const render = async (markdown: string) => String(await processor.process(new VFile(markdown)))

  test('renders a table with no pipe, and strikethrough in and out of tables', async () => {
    expect(await render('Kab\n:-\n')).toBe(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Kab"><table>\n<thead>\n<tr>\n<th style="text-align:left">Kab</th>\n</tr>\n</thead>\n</table></div>',
    )
    expect(await render('Kuota ~~800~~ 1.000.\n')).toBe('<p>Kuota <del>800</del> 1.000.</p>')
    expect(await render('| a |\n| - |\n| ~~b~~ |\n')).toContain('<td><del>b</del></td>')
  })
})
