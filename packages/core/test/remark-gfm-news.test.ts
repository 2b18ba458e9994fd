import type { Nodes } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { createProcessor } from '../src/markdown/create-processor.js'
import { mayContainTable, remarkGfmNews } from '../src/markdown/remark-gfm-news.js'

const withTables = unified().use(remarkParse).use(remarkGfmNews).freeze()
const withoutTables = unified().use(remarkParse).use(remarkGfmNews, { tables: false }).freeze()

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

const SYNTAX = [
  'a',
  'b c',
  ' ',
  '\t',
  '-',
  '--',
  ':',
  '~~',
  '*',
  '> ',
  '1. ',
  '- ',
  '`',
  '\\',
  '&#124;',
  '[x]',
]
const TABLE_SYNTAX = [...SYNTAX, '|', ' | ', ':-', '-:', ':-:']

describe('remarkGfmNews', () => {
  test('parses a table aligned with a colon even without a pipe', () => {
    expect(hasTable(withTables.parse('abc\n:-\n'))).toBe(true)
    expect(hasTable(withTables.parse('abc\n-:\n'))).toBe(true)
  })

  test('finds a table only in text that mayContainTable clears as possibly holding one', () => {
    const tables = { total: 0, withoutPipe: 0 }
    for (const text of samples(TABLE_SYNTAX, 3000)) {
      if (!hasTable(withTables.parse(text))) continue
      tables.total++
      if (!text.includes('|')) tables.withoutPipe++
      expect([text, mayContainTable(text)]).toEqual([text, true])
    }
    expect(tables.total).toBeGreaterThan(100)
    expect(tables.withoutPipe).toBeGreaterThan(10)
  })

  test('parses text that cannot hold a table the same with or without table syntax', () => {
    let compared = 0
    for (const text of samples(SYNTAX, 2000)) {
      if (mayContainTable(text)) continue
      compared++
      expect(withoutTables.parse(text)).toEqual(withTables.parse(text))
    }
    expect(compared).toBeGreaterThan(500)
  })
})

describe('createProcessor with the news subset', () => {
  const processor = createProcessor({ html: 'sanitize', gfm: 'news', remarkPlugins: [], rehypePlugins: [] })
  const render = async (markdown: string) => String(await processor.process(new VFile(markdown)))

  test('renders tables, including one with no pipe, and strikethrough in documents without tables', async () => {
    expect(await render('Kab\n:-\n')).toBe(
      '<table>\n<thead>\n<tr>\n<th align="left">Kab</th>\n</tr>\n</thead>\n</table>',
    )
    expect(await render('Kuota ~~800~~ 1.000.\n')).toBe('<p>Kuota <del>800</del> 1.000.</p>')
    expect(await render('| a |\n| - |\n| ~~b~~ |\n')).toContain('<td><del>b</del></td>')
  })
})
