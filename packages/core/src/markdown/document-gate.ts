import type { Processor } from 'unified'

// The little of micromark's extension shape the gate touches (micromark-util-types is not ours to import).
type State = (code: number | null) => unknown
interface Construct {
  tokenize?: (this: unknown, effects: unknown, ok: State, nok: State) => State
}
type Hook = Record<string, Construct | Construct[] | undefined>
type Extension = Record<string, Hook | unknown>

/**
 * Syntax extensions that are skipped for a document that cannot hold their syntax: GFM's
 * footnotes for one without `[^`, autolink literals for one without `://`, `www.` or `@`.
 * Their constructs run at every `]` or word start otherwise, and on some inputs (thousands of
 * `](x)`) their look-backs grow with the square of the line. The test reads the whole document,
 * which the processor's parser hands the gate (micromark shows an extension only the current
 * line); outside a parse of that parser, every extension runs.
 */
export function useDocumentGate(processor: Processor) {
  let document: string | undefined
  const answers = new Map<(text: string) => boolean, boolean>()
  const parse = processor.parser
  if (parse)
    processor.parser = (text, file) => {
      const outer = { document, answers: new Map(answers) }
      document = text
      answers.clear()
      try {
        return parse(text, file)
      } finally {
        document = outer.document
        answers.clear()
        for (const [test, answer] of outer.answers) answers.set(test, answer)
      }
    }
  const allowed = (needs: (text: string) => boolean) => {
    if (document === undefined) return true
    let answer = answers.get(needs)
    if (answer === undefined) {
      answer = needs(document)
      answers.set(needs, answer)
    }
    return answer
  }
  /** `extension` with every construct's tokenizer refusing at once when `needs(document)` is false. */
  return function gate<T>(extension: T, needs: (text: string) => boolean): T {
    const gated: Extension = {}
    for (const [field, hook] of Object.entries(extension as Extension)) {
      if (!hook || typeof hook !== 'object' || Array.isArray(hook)) {
        gated[field] = hook
        continue
      }
      const wrapped: Hook = {}
      for (const [code, constructs] of Object.entries(hook as Hook)) {
        const list = Array.isArray(constructs) ? constructs : constructs ? [constructs] : []
        wrapped[code] = list.map((construct) => {
          const tokenize = construct.tokenize
          if (!tokenize) return construct
          return {
            ...construct,
            tokenize(this: unknown, effects: unknown, ok: State, nok: State): State {
              return allowed(needs) ? tokenize.call(this, effects, ok, nok) : nok
            },
          }
        })
      }
      gated[field] = wrapped
    }
    return gated as T
  }
}
