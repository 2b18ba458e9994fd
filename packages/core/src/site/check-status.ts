import type { ArticleRecord } from '../content/process-source.js'
import type { Diagnostic } from '../errors/diagnostic.js'

/**
 * A retraction replaces the story with its editor's note: without one, the page would say
 * nothing of when or why, so `status: retracted` needs `editorNote`.
 */
export function checkStatusNotes(records: readonly ArticleRecord[]): Diagnostic[] {
  return records.flatMap((record): Diagnostic[] =>
    record.data.status === 'retracted' && !record.data.editorNote
      ? [
          {
            file: record.sourcePath,
            place: record.positions.status,
            message: 'The article is retracted but has no editor’s note: its page would not say when or why.',
            hint: 'Add `editorNote: { date: 2025-05-20T10:00, note: "Artikel ini ditarik karena …" }` to the front matter.',
            ruleId: 'retraction-note',
            severity: 'error',
          },
        ]
      : [],
  )
}
