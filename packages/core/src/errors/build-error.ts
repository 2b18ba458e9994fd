import type { VFileMessage } from 'vfile-message'
import { type Diagnostic, formatDiagnostic, sortDiagnostics, toVFileMessage } from './diagnostic.js'

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

/** A configuration mistake: names the option and says how to fix it. */
export class WartaConfigError extends Error {
  override name = 'WartaConfigError'
}
