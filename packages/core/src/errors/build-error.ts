import type { VFileMessage } from 'vfile-message'
import {
  type Diagnostic,
  formatDiagnostic,
  type Position,
  sortDiagnostics,
  toVFileMessage,
} from './diagnostic.js'

/** The error a failed build rejects with: it carries every problem found, not just the first. */
export class WartaBuildError extends Error {
  override name = 'WartaBuildError'
  /** Every problem, sorted by file and position. */
  readonly diagnostics: Diagnostic[]

  constructor(diagnostics: readonly Diagnostic[], options?: { cause?: unknown }) {
    const sorted = sortDiagnostics(diagnostics)
    const errors = sorted.filter((d) => d.severity === 'error').length
    super(
      `Build failed with ${errors} error${errors === 1 ? '' : 's'}:\n${sorted.map(formatDiagnostic).join('\n')}`,
      options,
    )
    this.diagnostics = sorted
  }

  /** The same problems as vfile messages. */
  get messages(): VFileMessage[] {
    return this.diagnostics.map(toVFileMessage)
  }
}

/** Where a config mistake is, and what to do about it. */
export interface ConfigErrorOptions {
  cause?: unknown
  /** The option's key path, e.g. `['site', 'url']`. */
  option?: readonly (string | number)[]
  /** The config file, relative to the site folder (or absolute), when the config came from one. */
  file?: string
  /** Where in the file the option is written, when it could be found. */
  place?: Position
  /** What to do about it, when the message does not say. */
  hint?: string
  /** Further mistakes found in the same config. */
  also?: readonly WartaConfigError[]
}

/** A configuration mistake: names the option (and the config file, line and column when known) and says how to fix it. */
export class WartaConfigError extends Error {
  override name = 'WartaConfigError'
  /** The option's key path, e.g. `['site', 'url']`. */
  readonly option?: readonly (string | number)[]
  /** The config file the mistake is in. */
  readonly file?: string
  /** Where in the config file. */
  readonly place?: Position
  readonly hint?: string
  /** Further mistakes found in the same config. */
  readonly also: readonly WartaConfigError[]

  constructor(message: string, options: ConfigErrorOptions = {}) {
    super(message, { cause: options.cause })
    this.option = options.option
    this.file = options.file
    this.place = options.place
    this.hint = options.hint
    this.also = options.also ?? []
  }

  /** This mistake and the others found with it, as diagnostics. */
  get diagnostics(): Diagnostic[] {
    return [this.diagnostic, ...this.also.map((error) => error.diagnostic)]
  }

  /** The mistake as a diagnostic (rule `config`), for printing like every other problem. */
  get diagnostic(): Diagnostic {
    return {
      file: this.file ?? '(config)',
      place: this.place,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      ruleId: 'config',
      severity: 'error',
    }
  }
}
