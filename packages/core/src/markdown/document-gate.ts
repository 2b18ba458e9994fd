import type { Processor } from 'unified'

// The little of micromark's extension shape the gate touches (micromark-util-types is not ours to import).
type State = (code: number | null) => unknown
interface TokenizeContext {
  now(): { offset: number }
}
interface Construct {
  name?: string
  tokenize?: (this: TokenizeContext, effects: unknown, ok: State, nok: State) => State
}
type Hook = Record<string, Construct | Construct[] | undefined>
type Extension = Record<string, Hook | unknown>

/**
 * What a construct needs of a document: `false` when the document cannot hold its syntax, a
 * test of the offsets where it can start, or `true`.
 */
export type Needs = (document: string) => boolean | ((offset: number) => boolean)

type Answer = ReturnType<Needs>

interface Gated {
  extension: Extension
  /** Each construct of the extension with its test, if it has one. */
  constructs: Map<Construct, Needs | undefined>
  /** The extension's variants for documents whose answers are all `true` or `false`, by which constructs are kept. */
  variants: Map<string, Extension>
}

/**
 * Syntax extensions whose constructs are left out of the parse of a document that cannot hold
 * their syntax: GFM's footnotes for one without `[^`, a bare URL for one without `://`.
 * micromark tries a construct at every character it is registered for (an e-mail literal at
 * every letter and digit, reading the word to its end), and on some inputs (thousands of
 * `](x)`) look-backs grow with the square of the line. The test reads the whole document,
 * which the processor's parser hands the gate (micromark shows an extension only the current
 * line); outside a parse of that parser, every extension runs as given. A construct with a
 * test of offsets runs where micromark's offset holds the character it is handed and the test
 * allows it (or where the offset does not hold it), and refuses at once elsewhere. A parse
 * started inside another with the same processor's extensions (no known plugin does) is gated
 * by the outer document.
 */
export function useDocumentGate(processor: Processor) {
  const data = processor.data()
  const gates = new Map<Extension, Gated>()
  const parse = processor.parser
  if (parse)
    processor.parser = (text, file) => {
      const given = data.micromarkExtensions
      if (!given) return parse(text, file)
      const answers = new Map<Needs, Answer>()
      const answerOf = (needs: Needs) => {
        let answer = answers.get(needs)
        if (answer === undefined) {
          answer = needs(text)
          answers.set(needs, answer)
        }
        return answer
      }
      data.micromarkExtensions = given.map((extension) => {
        const gated = gates.get(extension as Extension)
        return (gated ? variantOf(gated, text, answerOf) : extension) as typeof extension
      })
      try {
        return parse(text, file)
      } finally {
        data.micromarkExtensions = given
      }
    }
  /**
   * `extension`, with its constructs left out where `needs` says the document cannot hold
   * them: one test for all, or one per construct name (the others always run).
   */
  return function gate<T>(extension: T, needs: Needs | Readonly<Record<string, Needs>>): T {
    const needsOf = (construct: Construct) =>
      typeof needs === 'function' ? needs : construct.name ? needs[construct.name] : undefined
    const constructs = new Map([...constructsOf(extension as Extension)].map((c) => [c, needsOf(c)]))
    gates.set(extension as Extension, { extension: extension as Extension, constructs, variants: new Map() })
    return extension
  }
}

/** The extension as one document's parse sees it. */
function variantOf(gated: Gated, text: string, answerOf: (needs: Needs) => Answer): Extension {
  const answers = new Map<Construct, Answer>()
  for (const [construct, needs] of gated.constructs) answers.set(construct, needs ? answerOf(needs) : true)
  const tested = [...answers.values()].some((answer) => typeof answer === 'function')
  const key = [...answers.values()].map((answer) => (answer ? 1 : 0)).join('')
  const known = tested ? undefined : gated.variants.get(key)
  if (known) return known
  const kept = new Map<Construct, Construct>()
  for (const [construct, answer] of answers)
    if (answer === true) kept.set(construct, construct)
    else if (answer) kept.set(construct, startingWhere(construct, text, answer))
  const variant: Extension = {}
  for (const [field, hook] of Object.entries(gated.extension)) {
    if (!isHook(hook)) {
      variant[field] = hook
      continue
    }
    const narrowed: Hook = {}
    for (const [code, constructs] of Object.entries(hook)) {
      const list = listOf(constructs).flatMap((c) => kept.get(c) ?? [])
      if (list.length > 0) narrowed[code] = list
    }
    variant[field] = narrowed
  }
  if (!tested) gated.variants.set(key, variant)
  return variant
}

/** `construct`, refusing at once where micromark's offset holds the character it is handed and `starts` says no. */
function startingWhere(construct: Construct, text: string, starts: (offset: number) => boolean): Construct {
  const tokenize = construct.tokenize
  if (!tokenize) return construct
  return {
    ...construct,
    tokenize(this: TokenizeContext, effects: unknown, ok: State, nok: State): State {
      const start = tokenize.call(this, effects, ok, nok)
      const { offset } = this.now()
      return (code) => (code === text.charCodeAt(offset) && !starts(offset) ? nok(code) : start(code))
    },
  }
}

const isHook = (value: unknown): value is Hook =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const listOf = (constructs: Construct | Construct[] | undefined): Construct[] =>
  Array.isArray(constructs) ? constructs : constructs ? [constructs] : []

function constructsOf(extension: Extension): Set<Construct> {
  const found = new Set<Construct>()
  for (const hook of Object.values(extension))
    if (isHook(hook))
      for (const constructs of Object.values(hook)) for (const c of listOf(constructs)) found.add(c)
  return found
}
