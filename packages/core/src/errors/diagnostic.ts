import { VFileMessage } from 'vfile-message'
import { RULES, type RuleId } from './catalogue.js'

/** Where in a source file something is, 1-based. */
export interface Position {
  line: number
  column: number
}

/**
 * One problem found while building, as plain data so it can cross worker threads
 * and be stored in the build cache.
 */
export interface Diagnostic {
  /** Path of the file, relative to the site root, with forward slashes. */
  file: string
  /** Position of the offending key or token; absent when the whole file is at fault. */
  place?: Position
  /** What went wrong. */
  message: string
  /** What to do about it. */
  hint?: string
  /** Stable identifier of the kind of problem, e.g. `front-matter-yaml` (see `RULES`). */
  ruleId: RuleId
  /** Errors fail the build; warnings are reported and the build goes on. */
  severity: 'error' | 'warning'
}

/** Turns a diagnostic into a vfile message, the form the unified ecosystem reports in. */
export function toVFileMessage(diagnostic: Diagnostic): VFileMessage {
  const message = new VFileMessage(diagnostic.message, {
    place: diagnostic.place,
    ruleId: diagnostic.ruleId,
    source: 'warta',
  })
  message.file = diagnostic.file
  message.fatal = diagnostic.severity === 'error'
  message.note = hintOf(diagnostic)
  return message
}

/** What to do about a diagnostic: its own hint, else its rule's. */
export const hintOf = (diagnostic: Diagnostic): string => diagnostic.hint ?? RULES[diagnostic.ruleId].hint

/** Formats one diagnostic as `path:line:column: severity message [rule]` plus its hint. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.place
    ? `${diagnostic.file}:${diagnostic.place.line}:${diagnostic.place.column}`
    : diagnostic.file
  const head = `${where}: ${diagnostic.severity} ${diagnostic.message} [${diagnostic.ruleId}]`
  return `${head}\n  hint: ${hintOf(diagnostic)}`
}

/** Sorts diagnostics by file then position, so reports read in a stable order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      // Code-point order: the machine's locale must not reorder a report.
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.place?.line ?? 0) - (b.place?.line ?? 0) ||
      (a.place?.column ?? 0) - (b.place?.column ?? 0),
  )
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error')
