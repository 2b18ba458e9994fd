import { gfmTable } from 'micromark-extension-gfm-table'
import type { Processor } from 'unified'

// The little of micromark's tokenizer API the gate uses (micromark-util-types is not ours to import).
type State = (code: number | null) => unknown
interface TokenizeContext {
  events: [string, { type: string }, unknown][]
  now(): { line: number }
}
interface Construct {
  tokenize(this: TokenizeContext, effects: unknown, ok: State, nok: State): State
}

/**
 * The GFM table syntax, tried only where a table can start. micromark tries it at the start
 * of every line, and it reads the whole line as a head row before it looks at the next line
 * for the delimiter row; in an article with one table, that is most of its cost.
 *
 * A delimiter row holds a `|`, or a `:` next to a `-` (an aligned cell such as `:-`; a row of
 * dashes alone is a thematic break or heading underline). So a table cannot start on a line
 * whose next line holds none of `|`, `:-`, `-:`, and the gate says so at once. Body rows are
 * tried as before: they follow a table head, which the gate sees as micromark's table does,
 * from the last event. Containers and lazy lines only narrow what the next line's text can
 * give, and line numbers are micromark's, so the gate never turns away a line the syntax
 * would accept.
 *
 * The gate knows the document from `parsing()`, which the processor's parser runs. A parse
 * started inside that one with the same extension (a site's syntax extension parsing a
 * snippet with the processor's own extension list; no known plugin does) would be gated by
 * the outer document's lines.
 */
export function createGatedTable() {
  let text: string | undefined
  let lines: Set<number> | undefined
  const allows = (context: TokenizeContext): boolean => {
    if (text === undefined) return true
    let index = context.events.length - 1
    while (index > -1) {
      const type = context.events[index]?.[1].type
      if (type !== 'lineEnding' && type !== 'linePrefix') break
      index--
    }
    const tail = index > -1 ? context.events[index]?.[1].type : undefined
    if (tail === 'tableHead' || tail === 'tableRow') return true
    lines ??= delimiterLines(text)
    return lines.has(context.now().line + 1)
  }
  const extension = gfmTable()
  const flow = extension.flow?.null
  const table = (Array.isArray(flow) ? flow[0] : flow) as unknown as Construct
  const gated = {
    ...table,
    tokenize(this: TokenizeContext, effects: unknown, ok: State, nok: State): State {
      return allows(this) ? table.tokenize.call(this, effects, ok, nok) : nok
    },
  }
  return {
    extension: { ...extension, flow: { null: [gated] } } as typeof extension,
    /** Runs a parse of `document` with the gate reading it; outside one, the gate lets every line through. */
    parsing<T>(document: string, parse: () => T): T {
      const outer = { text, lines }
      text = document
      lines = undefined
      try {
        return parse()
      } finally {
        text = outer.text
        lines = outer.lines
      }
    },
  }
}

/** The lines (1-based, split as micromark splits them: CRLF, CR, LF) holding `|`, `:-` or `-:`. */
function delimiterLines(text: string): Set<number> {
  const found = new Set<number>()
  let line = 1
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 10) line++
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++
      line++
    } else if (
      code === 124 ||
      (code === 58 && text.charCodeAt(i + 1) === 45) ||
      (code === 45 && text.charCodeAt(i + 1) === 58)
    )
      found.add(line)
  }
  return found
}

/**
 * Adds the gate to a processor: wraps its parser so the gate reads each whole document
 * (micromark shows a syntax extension no more than the line it is on), and returns the
 * gated table syntax for the processor's micromark extensions.
 */
export function useGatedTable(processor: Processor) {
  const table = createGatedTable()
  const parse = processor.parser
  if (parse) processor.parser = (document, file) => table.parsing(document, () => parse(document, file))
  return table.extension
}
