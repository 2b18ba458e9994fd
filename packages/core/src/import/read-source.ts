import { parse as parseToml } from 'smol-toml'
import { normalizeSource, parseYamlData } from '../content/front-matter.js'
import type { Diagnostic, Position } from '../errors/diagnostic.js'

/** A source file of another generator, split into its front matter and body. */
export interface SourcePost {
  data: Record<string, unknown>
  /** Where a top-level key is written in the file (its line; the first line when unknown). */
  locate(key: string): Position
  body: string
  /** The file line the body starts on. */
  bodyLine: number
}

const FENCES = [
  { open: /^---[ \t]*\r?\n/, close: /^---[ \t]*$|^\.\.\.[ \t]*$/m, format: 'yaml' },
  { open: /^\+\+\+[ \t]*\r?\n/, close: /^\+\+\+[ \t]*$/m, format: 'toml' },
] as const

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length

/**
 * Reads a post's front matter as its generator writes it: YAML between `---` lines (Hugo,
 * Jekyll, Eleventy, Astro), TOML between `+++` lines or a JSON object (Hugo). Positions are
 * the file's; a file that cannot be read gives diagnostics instead.
 */
export function readSourcePost(file: string, raw: string): SourcePost | { diagnostics: Diagnostic[] } {
  const text = normalizeSource(raw)
  const fail = (message: string, hint: string, place: Position = { line: 1, column: 1 }) => ({
    diagnostics: [{ file, place, message, hint, ruleId: 'import-file' as const, severity: 'error' as const }],
  })
  if (text.startsWith('{')) return readJson(text, fail)
  for (const fence of FENCES) {
    const opening = fence.open.exec(text)
    if (!opening) continue
    const rest = text.slice(opening[0].length)
    const closing = fence.close.exec(rest)
    if (!closing)
      return fail(
        'The front matter is never closed.',
        `End it with a line holding only ${opening[0].trim()}.`,
      )
    const inner = rest.slice(0, closing.index)
    const afterFence = opening[0].length + closing.index + closing[0].length
    const bodyStart = afterFence + (/^(?:[ \t]*\n)*/.exec(text.slice(afterFence))?.[0].length ?? 0)
    const body = text.slice(bodyStart)
    const bodyLine = lineOf(text, bodyStart)
    if (fence.format === 'yaml') {
      const parsed = parseYamlData(file, inner, 2)
      if ('diagnostics' in parsed)
        return { diagnostics: parsed.diagnostics.map((d) => ({ ...d, ruleId: 'import-file' })) }
      return { data: parsed.data, locate: (key) => parsed.locate([key], 'value'), body, bodyLine }
    }
    try {
      const data = parseToml(inner) as Record<string, unknown>
      return { data, locate: (key) => locateLine(inner, key, 2), body, bodyLine }
    } catch (error) {
      const { line, column } = error as { line?: number; column?: number }
      return fail(
        `The TOML front matter is invalid: ${(error as Error).message.split('\n')[0]}`,
        'Fix the TOML at the position given.',
        { line: (line ?? 1) + 1, column: column ?? 1 },
      )
    }
  }
  return fail(
    'The file has no front matter, so it has no title or date to import.',
    'Give it front matter (title and date) in the source, or leave it out of the import.',
  )
}

/** A TOML key's line: the first line that assigns it at the top level. */
function locateLine(inner: string, key: string, firstLine: number): Position {
  const lines = inner.split('\n')
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const at = lines.findIndex((line) => new RegExp(`^\\s*["']?${escaped}["']?\\s*=`).test(line))
  return at === -1
    ? { line: firstLine, column: 1 }
    : { line: firstLine + at, column: (lines[at]?.search(/\S/) ?? 0) + 1 }
}

function readJson(
  text: string,
  fail: (message: string, hint: string, place?: Position) => { diagnostics: Diagnostic[] },
): SourcePost | { diagnostics: Diagnostic[] } {
  // Hugo's JSON front matter is an object at the top of the file, closed by a `}` line.
  const end = /^\}[ \t]*$/m.exec(text)
  if (!end) return fail('The JSON front matter is never closed.', 'End the JSON object with a } line.')
  const json = text.slice(0, end.index + 1)
  try {
    const data = JSON.parse(json) as Record<string, unknown>
    const afterObject = end.index + end[0].length
    const bodyStart = afterObject + (/^(?:[ \t]*\n)*/.exec(text.slice(afterObject))?.[0].length ?? 0)
    return {
      data,
      locate: (key) => locateLine(json.replace(/"([^"]+)"\s*:/g, '$1 ='), key, 1),
      body: text.slice(bodyStart),
      bodyLine: lineOf(text, bodyStart),
    }
  } catch (error) {
    return fail(
      `The JSON front matter is invalid: ${(error as Error).message}`,
      'Fix the JSON object at the top of the file.',
    )
  }
}
