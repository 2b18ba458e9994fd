import {
  type Document,
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  type YAMLError,
  YAMLParseError,
  type Node as YamlNode,
} from 'yaml'
import type { RuleId } from '../errors/catalogue.js'
import type { Diagnostic, Position } from '../errors/diagnostic.js'
import { explainYamlError } from './yaml-errors.js'

/** A source file's text after the front matter was split off and parsed. */
export interface FrontMatter extends YamlData {
  /**
   * The article text after the closing fence, with the front matter's lines left as empty
   * lines, so that line numbers in the body are the file's own.
   */
  body: string
}

/** Removes a byte-order mark and turns CRLF and CR line endings into LF; lines and columns are kept. */
export function normalizeSource(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}

const OPENING = /^---[ \t]*(\S*)[ \t]*\n/
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m

/** YAML errors reported per file; the rest are counted. */
const MAX_YAML_ERRORS = 20

// The parser turns a stack overflow into an ordinary error with the engine's message.
const STACK_OVERFLOW = /call stack/i
const TOO_DEEP = {
  message: 'The front matter is nested too deeply to read.',
  hint: 'Write lists and groups of keys a few levels deep at most.',
}

/** The largest YAML alias expansion allowed, so a "billion laughs" file cannot exhaust memory. */
const MAX_ALIAS_COUNT = 50

/**
 * Splits and parses the YAML front matter of a normalized source. Returns diagnostics
 * for an empty file, missing or unterminated front matter, executable dialects and YAML errors.
 */
export function parseFrontMatter(file: string, text: string): FrontMatter | { diagnostics: Diagnostic[] } {
  const fail = (message: string, hint: string, ruleId: RuleId, place: Position = { line: 1, column: 1 }) => ({
    diagnostics: [{ file, place, message, hint, ruleId, severity: 'error' as const }],
  })
  if (text.trim() === '') {
    return fail(
      'The file is empty.',
      'Start it with front matter between --- lines, giving at least title and date, then the article text.',
      'empty-file',
    )
  }
  const opening = OPENING.exec(text)
  if (!opening) {
    return fail(
      'The file has no front matter.',
      'Start the file with a --- line, then `title:` and `date:` lines, then another --- line.',
      'front-matter-missing',
    )
  }
  if (opening[1]) {
    return fail(
      `Front matter in "${opening[1]}" is not supported; it is never run.`,
      'Write front matter as YAML: start the file with a plain --- line.',
      'front-matter-dialect',
      { line: 1, column: 4 },
    )
  }
  const start = opening[0].length
  const rest = text.slice(start)
  const closing = CLOSING.exec(rest)
  if (!closing) {
    return fail(
      'The front matter is not closed.',
      'End the front matter with a line holding only ---.',
      'front-matter-unclosed',
    )
  }
  const yamlText = rest.slice(0, closing.index)
  const bodyStart = start + closing.index + closing[0].length
  // Blank lines in place of the front matter: the markdown parser must not see it, whichever
  // fence closed it, and it has no front matter syntax of its own.
  const body = text.slice(0, bodyStart).replace(/[^\n]+/g, '') + text.slice(bodyStart)
  const parsed = parseYamlData(file, yamlText, 2)
  return 'diagnostics' in parsed ? parsed : { ...parsed, body }
}

/** YAML data with a way back to where each key is written. */
export interface YamlData {
  data: Record<string, unknown>
  /** Finds where a key path (e.g. `['image', 'alt']`) is written; falls back to its parent, then the first line. */
  locate(path: readonly PropertyKey[], target?: 'key' | 'value'): Position
}

/**
 * Parses a YAML mapping with limits (unique keys, bounded alias expansion), keeping
 * positions. `firstLine` is the file line the YAML text starts on.
 */
export function parseYamlData(
  file: string,
  yamlText: string,
  firstLine = 1,
): YamlData | { diagnostics: Diagnostic[] } {
  const fail = (message: string, hint: string): { diagnostics: Diagnostic[] } => ({
    diagnostics: [
      {
        file,
        place: { line: firstLine, column: 1 },
        message,
        hint,
        ruleId: 'front-matter-yaml',
        severity: 'error',
      },
    ],
  })
  const lineCounter = new LineCounter()
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true })
  const toPosition = (offset: number): Position => {
    const pos = lineCounter.linePos(offset)
    return { line: pos.line + firstLine - 1, column: pos.col }
  }
  doc.errors.push(...duplicateKeyErrors(doc, toPosition))
  doc.errors.sort((a, b) => a.pos[0] - b.pos[0])
  // Running out of stack can surface as several errors, as many as the parser retried: one report.
  const overflow = doc.errors.find((error) => STACK_OVERFLOW.test(error.message))
  if (overflow) {
    return {
      diagnostics: [
        {
          file,
          place: toPosition(overflow.pos[0]),
          ...TOO_DEEP,
          ruleId: 'front-matter-yaml',
          severity: 'error',
        },
      ],
    }
  }
  if (doc.errors.length > 0) {
    // One mistake repeated on every line (a stray tag, a bad indent) would otherwise bury the
    // report under thousands of copies of the same message.
    const shown = doc.errors.slice(0, MAX_YAML_ERRORS)
    const places = new Set<string>()
    const diagnostics: Diagnostic[] = []
    for (const error of shown) {
      const mistake = explainYamlError(doc, error, yamlText)
      const place = toPosition(mistake.offset)
      // The parser may report one mistake twice: as a nested key and as a key over two lines,
      // or at each colon of a value with several.
      const where = `${place.line}:${mistake.message}`
      if (places.has(where)) continue
      places.add(where)
      diagnostics.push({
        file,
        place,
        message: mistake.message,
        hint: mistake.hint,
        ruleId: 'front-matter-yaml',
        severity: 'error',
      })
    }
    const more = doc.errors.length - shown.length
    if (more > 0) {
      diagnostics.push({
        file,
        place: toPosition((doc.errors[shown.length] as YAMLError).pos[0]),
        message: `…and ${more} more YAML error${more === 1 ? '' : 's'}.`,
        hint: 'Fix the first ones: later errors often follow from them.',
        ruleId: 'front-matter-yaml',
        severity: 'error',
      })
    }
    return { diagnostics }
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    if (error instanceof RangeError || STACK_OVERFLOW.test((error as Error).message))
      return fail(TOO_DEEP.message, TOO_DEEP.hint)
    return fail(
      `Invalid YAML: ${(error as Error).message}`,
      'Use fewer YAML aliases (*name): write the values out.',
    )
  }
  if (data === null || data === undefined) data = {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail(
      'The YAML must be a list of `key: value` lines.',
      'Write e.g. `title: My headline` on its own line.',
    )
  }
  return {
    data: data as Record<string, unknown>,
    locate: (path, target) => locate(doc, path, target ?? 'value', toPosition),
  }
}

function locate(
  doc: Document,
  path: readonly PropertyKey[],
  target: 'key' | 'value',
  toPosition: (offset: number) => Position,
): Position {
  for (let depth = path.length; depth > 0; depth--) {
    const parentPath = path.slice(0, depth - 1)
    const key = path[depth - 1]
    const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath as unknown[], true)
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key))
      const node = (target === 'value' && depth === path.length ? pair?.value : pair?.key) as
        | YamlNode
        | null
        | undefined
      if (node?.range) return toPosition(node.range[0])
      if (pair && isScalar(pair.key) && pair.key.range) return toPosition(pair.key.range[0])
    } else {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as YamlNode | undefined
      if (node?.range) return toPosition(node.range[0])
    }
  }
  return { line: 1, column: 1 }
}

/**
 * Repeated keys, found in one pass per mapping. The parser's own `uniqueKeys` check compares
 * each key with every earlier one: a front matter of 50,000 keys took a minute to read.
 * Keys are equal as the parser compares them: same scalar value, same type.
 */
function duplicateKeyErrors(doc: Document, toPosition: (offset: number) => Position): YAMLParseError[] {
  const errors: YAMLParseError[] = []
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>()
      for (const { key } of map.items) {
        if (!isScalar(key) || !key.range) continue
        const id = `${typeof key.value}:${String(key.value)}`
        const first = seen.get(id)
        if (first === undefined) seen.set(id, key.range[0])
        else
          errors.push(
            new YAMLParseError(
              [key.range[0], key.range[0] + 1],
              'DUPLICATE_KEY',
              `the key "${String(key.value)}" is given twice (first on line ${toPosition(first).line}).`,
            ),
          )
      }
    },
  })
  return errors
}
