import type { Diagnostic } from '../errors/diagnostic.js'

/**
 * The largest source file, in UTF-8 bytes. The longest news features run to a few hundred
 * kilobytes; markdown conversion costs several seconds per megabyte, so a larger file is a
 * mistake (a pasted dump, a binary saved as .md) that would stall the build, not an article.
 */
export const MAX_SOURCE_BYTES = 1024 * 1024

/**
 * How deep block quotes and list items may nest. The markdown parser's time grows steeply
 * with depth (about 9 s for 500 levels of indented lists, a minute for 1,000) and its tree
 * outgrows the call stack at 1,000–2,000 levels; real articles nest a handful.
 */
export const MAX_NESTING = 100

// A block quote marker, or a list item marker followed by whitespace or the end of the line.
const CONTAINER = /(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y

/**
 * How many containers a line opens at most: the quote and list markers it starts with, plus
 * the levels its indentation can stand for (each nested list item is indented at least two
 * columns more than its parent). Over-counts a little, never under-counts.
 */
function lineNesting(line: string): number {
  let markers = 0
  let columns = 0
  let i = 0
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') {
      columns += line[i] === '\t' ? 4 - (columns % 4) : 1
      i++
    }
    CONTAINER.lastIndex = i
    const marker = CONTAINER.exec(line)
    if (!marker) break
    markers++
    i = CONTAINER.lastIndex
  }
  return markers === 0 ? 0 : markers + Math.floor(columns / 2)
}

/** Refuses, before any parsing, a source too large to convert in bounded time. */
export function checkSourceSize(file: string, rawText: string): Diagnostic | undefined {
  const bytes = Buffer.byteLength(rawText, 'utf8')
  if (bytes <= MAX_SOURCE_BYTES) return undefined
  return {
    file,
    message: `The file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; articles may be at most ${MAX_SOURCE_BYTES / 1024 / 1024} MiB.`,
    hint: 'Split the article, or move data and documents into public/ and link to them.',
    ruleId: 'source-too-large',
    severity: 'error',
  }
}

/**
 * Refuses, before the markdown parser sees it, a body whose lists or quotes nest too deeply
 * to convert in bounded time. The body keeps the front matter's lines as blank lines, so the
 * line numbers are the file's own.
 */
export function checkNesting(file: string, body: string): Diagnostic | undefined {
  let line = 1
  for (let start = 0; start <= body.length; line++) {
    let end = body.indexOf('\n', start)
    if (end === -1) end = body.length
    const depth = lineNesting(body.slice(start, end))
    if (depth > MAX_NESTING) {
      return {
        file,
        place: { line, column: 1 },
        message: `Lists or quotes here nest about ${depth} levels deep; at most ${MAX_NESTING} are allowed.`,
        hint: 'Reduce the nesting of lists and block quotes (lines starting with -, *, 1. or >).',
        // The same rule as a stack overflow in the parser, which this check forestalls.
        ruleId: 'markdown-failed',
        severity: 'error',
      }
    }
    start = end + 1
  }
  return undefined
}
