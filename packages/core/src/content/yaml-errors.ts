import { CST, type Document, Lexer, visit, type YAMLError } from 'yaml'

/** A YAML error as a writer can act on it: where the mistake is, what it is, what to write instead. */
export interface YamlMistake {
  /** Offset in the YAML text of the token at fault. */
  offset: number
  message: string
  hint: string
}

// Lexer tokens that mark structure without standing for any text of the source.
const MARKERS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR, CST.BOM])

/**
 * Flow collections (`[`, `{`) still open where the lexer gave up on them, by offset: the
 * parser notices a missing `]` only where the text ends or the next key starts.
 */
function unclosedOpenings(text: string): { offset: number; char: string }[] {
  const open: { offset: number; char: string }[] = []
  const unclosed: { offset: number; char: string }[] = []
  let offset = 0
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) {
      if (token === CST.FLOW_END) unclosed.push(...open.splice(0))
      continue
    }
    const type = CST.tokenType(token)
    if (type === 'flow-seq-start' || type === 'flow-map-start') open.push({ offset, char: token })
    // A closer of the other kind (`[a, b}`) closes nothing: the opener stays unclosed.
    else if (
      (type === 'flow-seq-end' && open.at(-1)?.char === '[') ||
      (type === 'flow-map-end' && open.at(-1)?.char === '{')
    )
      open.pop()
    offset += token.length
  }
  return [...unclosed, ...open]
}

/** The line of `text` around `offset`: its start and its text. */
function lineAt(text: string, offset: number): { start: number; line: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  const end = text.indexOf('\n', offset)
  return { start, line: text.slice(start, end < 0 ? text.length : end) }
}

/** The quoted form of a plain value, for a hint: double quotes, unless the value has some. */
const quoted = (value: string) => (value.includes('"') ? `'${value.replace(/'/g, "''")}'` : `"${value}"`)

/**
 * A colon followed by a space inside a plain value (`title: Kaltim: kerja sama`) makes YAML
 * read a nested key. The parser points at the value; the mistake is that colon. When the
 * value has none on its line, the next line is indented under it and continues it instead.
 */
function colonInValue(text: string, at: number): YamlMistake {
  const { start, line } = lineAt(text, at)
  const inValue = /:(\s|$)/.exec(line.slice(at - start))
  if (inValue) {
    const key = line
      .slice(0, at - start)
      .replace(/:\s*$/, '')
      .trim()
    const value = line.slice(at - start).trim()
    return {
      offset: at + inValue.index,
      message: 'Invalid YAML: this ": " makes the rest of the value a nested key.',
      hint: `Quote the value: ${key}: ${quoted(value)}.`,
    }
  }
  const next = lineAt(text, start + line.length + 1)
  const indent = /^\s*/.exec(next.line)?.[0].length ?? 0
  return {
    offset: next.start + indent,
    message:
      'Invalid YAML: this line is indented more than the key above it, so it is read as part of that value.',
    hint: 'Indent it as far as the key above (same number of spaces), or less to end the group.',
  }
}

/**
 * Where a YAML error's mistake is, and what to do about it: the bracket or quote that is
 * never closed (not the next line, where the parser notices), the colon that needs quotes,
 * the tab, the line that is out of line; the parser's own message otherwise.
 */
export function explainYamlError(doc: Document, error: YAMLError, text: string): YamlMistake {
  const at = error.pos[0]
  const first = error.message.split('\n')[0] as string
  const closing = /end with an? ([\]}])/.exec(first)?.[1]
  if (error.code === 'BAD_INDENT' && closing) {
    const char = closing === ']' ? '[' : '{'
    const opening = unclosedOpenings(text)
      .filter((o) => o.char === char && o.offset < at)
      .at(-1)
    const what = char === '[' ? 'list' : 'group of keys'
    const offset = opening?.offset ?? at
    // The value as written, quoted, for a value that only starts with the bracket ("[Video] …").
    const { start, line } = lineAt(text, offset)
    const key = /^\s*(?:-\s+)?([^:#]+):\s*$/.exec(line.slice(0, offset - start))?.[1]
    const asText = key
      ? ` If the ${char} is part of the text, quote the value: ${key.trim()}: ${quoted(line.slice(offset - start).trim())}.`
      : ''
    return {
      offset,
      message: `Invalid YAML: this ${char} opens a ${what} that is never closed with ${closing}.`,
      hint: `Close it with ${closing} on the same line, e.g. ${char === '[' ? 'tags: [Banjir, Samarinda]' : 'image: { src: /foto.jpg, alt: Banjir }'}.${asText}`,
    }
  }
  if (error.code === 'MISSING_CHAR' && /quote/i.test(first)) {
    const quote = first.includes("'") ? "'" : '"'
    return {
      offset: openingQuote(doc, at) ?? at,
      message: `Invalid YAML: this ${quote} opens a quoted value that is never closed.`,
      hint: `End the value with ${quote} on the same line; a ${quote} inside the value is written ${quote === '"' ? '\\"' : "''"}.`,
    }
  }
  if (error.code === 'TAB_AS_INDENT')
    return {
      offset: at,
      message: 'Invalid YAML: a tab indents this line; YAML indents with spaces only.',
      hint: 'Replace the tab with spaces (two per level).',
    }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY')
    return colonInValue(text, at)
  if (error.code === 'BAD_INDENT' && /same column/.test(first)) {
    const { start, line } = lineAt(text, at)
    return {
      offset: start + (/^\s*/.exec(line)?.[0].length ?? 0),
      message: 'Invalid YAML: this key does not line up with the keys above it.',
      hint: 'Indent it exactly as far as the other keys of its group.',
    }
  }
  return { offset: at, message: `Invalid YAML: ${first}`, hint: yamlHint(error.code) }
}

/** The offset of the quote that opened the scalar the parser found unclosed at `at`. */
function openingQuote(doc: Document, at: number): number | undefined {
  let opened: number | undefined
  visit(doc, {
    Scalar(_, node) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
      if (quoted && node.range && node.range[1] === at) opened ??= node.range[0]
    },
  })
  return opened
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Each key may appear once: remove or rename the repeated one.'
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'Check the indentation and that nested values line up under their key.'
    default:
      return 'Quote values that contain ":", "#", "[" or start with "@" or "`".'
  }
}
