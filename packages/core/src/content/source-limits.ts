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

/**
 * How many emphasis markers (runs of `*`, `_` or `~`) one paragraph may hold. The markdown
 * parser (micromark) matches them in time that grows with the square of their number: 8,000
 * take about 2 s, 32,000 half a minute, 50,000 two minutes (its attention.js calls the loop
 * "a bottleneck for malicious stuff"). An article's paragraph holds a few dozen.
 */
export const MAX_EMPHASIS_MARKERS = 5_000

/**
 * How deep links and images may nest inside each other in one paragraph (`[![…](…)](…)`):
 * a link's `](` is matched against every `[` still open before it, so micromark's time grows
 * with the square of the depth (1,000 levels about 2.5 s, 4,000 forty). A linked image is two
 * levels. Brackets that open no link cost little and do not count.
 */
export const MAX_LINK_DEPTH = 200

/** The first line of each paragraph, and its text; code fences are skipped, table rows stand alone. */
function* paragraphs(body: string): Generator<{ line: number; text: string }> {
  const lines = body.split('\n')
  let fence: string | undefined
  let start = -1
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i]
    const marker = line === undefined ? undefined : /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (fence) {
      if (marker?.[0] === fence[0] && (marker?.length ?? 0) >= fence.length) fence = undefined
      continue
    }
    // A blank line, a fence, or a table row (its cells are parsed one by one) ends a paragraph.
    const ends = line === undefined || line.trim() === '' || marker !== undefined || /^\s*\|/.test(line)
    if (ends && start >= 0) {
      yield { line: start + 1, text: lines.slice(start, i).join('\n') }
      start = -1
    }
    if (marker) fence = marker
    else if (line !== undefined && /^\s*\|/.test(line)) yield { line: i + 1, text: line }
    else if (!ends && start < 0) start = i
  }
}

/** Emphasis marker runs in a text, and how many `[` are open at the deepest link end `](`; escaped ones aside. */
function inlineMarkers(text: string): { emphasis: number; depth: number } {
  let emphasis = 0
  let open = 0
  let deepest = 0
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '\\') {
      i++
      continue
    }
    if ((char === '*' || char === '_' || char === '~') && text[i - 1] !== char) emphasis++
    else if (char === '[') open++
    else if (char === ']' && open > 0) {
      if (text[i + 1] === '(') deepest = Math.max(deepest, open)
      open--
    }
  }
  return { emphasis, depth: deepest }
}

/**
 * Refuses, before the markdown parser sees it, a paragraph it would take minutes to convert:
 * thousands of emphasis markers, or links nested hundreds deep. Deterministic limits, not a
 * timer, so that a build's result never depends on the machine's speed.
 */
export function checkInlineMarkers(file: string, body: string): Diagnostic | undefined {
  for (const paragraph of paragraphs(body)) {
    const { emphasis, depth } = inlineMarkers(paragraph.text)
    if (emphasis <= MAX_EMPHASIS_MARKERS && depth <= MAX_LINK_DEPTH) continue
    const tooMany = emphasis > MAX_EMPHASIS_MARKERS
    return {
      file,
      place: { line: paragraph.line, column: 1 },
      message: tooMany
        ? `This paragraph has ${emphasis.toLocaleString('en')} emphasis markers (*, _ or ~); at most ${MAX_EMPHASIS_MARKERS.toLocaleString('en')} are allowed in one paragraph.`
        : `Links nest ${depth.toLocaleString('en')} deep in this paragraph; at most ${MAX_LINK_DEPTH} are allowed.`,
      hint: tooMany
        ? 'Escape the ones meant as text with a backslash (\\*, \\_), or split the paragraph: converting it would take minutes.'
        : 'Escape the brackets meant as text with a backslash (\\[), or close the links: converting it would take minutes.',
      ruleId: 'paragraph-too-complex',
      severity: 'error',
    }
  }
  return undefined
}
