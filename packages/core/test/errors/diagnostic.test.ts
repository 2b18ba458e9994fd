import { describe, expect, test } from 'vitest'
import { WartaBuildError } from '../../src/errors/build-error.js'
import {
  type Diagnostic,
  formatDiagnostic,
  sortDiagnostics,
  toVFileMessage,
} from '../../src/errors/diagnostic.js'

const missingTitle: Diagnostic = {
  file: 'content/2025/05/banjir.md',
  place: { line: 1, column: 1 },
  message: 'Missing required field "title".',
  hint: 'Add a `title:` line to the front matter.',
  ruleId: 'front-matter-schema',
  severity: 'error',
}
const badDate: Diagnostic = {
  file: 'content/2025/05/banjir.md',
  place: { line: 3, column: 7 },
  message: 'Field "date" is not a date.',
  ruleId: 'front-matter-schema',
  severity: 'error',
}
const emptyFile: Diagnostic = {
  file: 'content/a.md',
  message: 'The file is empty.',
  ruleId: 'empty-file',
  severity: 'error',
}
const warning: Diagnostic = {
  file: 'content/z.md',
  place: { line: 9, column: 2 },
  message: 'Heading levels skip from 2 to 4.',
  ruleId: 'heading-order',
  severity: 'warning',
}

describe('formatDiagnostic', () => {
  test('writes path:line:column, severity, message and rule, then the hint', () => {
    expect(formatDiagnostic(missingTitle)).toBe(
      'content/2025/05/banjir.md:1:1: error Missing required field "title". [front-matter-schema]\n' +
        '  hint: Add a `title:` line to the front matter.',
    )
  })

  test('writes the path alone when the whole file is at fault, and the rule’s hint without one of its own', () => {
    expect(formatDiagnostic(emptyFile)).toBe(
      'content/a.md: error The file is empty. [empty-file]\n  hint: Write the article, or delete the file.',
    )
  })

  test('says warning for warnings', () => {
    expect(formatDiagnostic(warning)).toBe(
      'content/z.md:9:2: warning Heading levels skip from 2 to 4. [heading-order]\n' +
        '  hint: Use the next heading level down (## after the title, then ###).',
    )
  })
})

describe('sortDiagnostics', () => {
  test('orders by file, then line, then column, without changing its input', () => {
    const input = [warning, badDate, emptyFile, missingTitle]
    expect(sortDiagnostics(input)).toEqual([missingTitle, badDate, emptyFile, warning])
    expect(input).toEqual([warning, badDate, emptyFile, missingTitle])
  })
})

describe('toVFileMessage', () => {
  test('carries file, place, rule, source, fatality and hint', () => {
    const message = toVFileMessage(missingTitle)
    expect(message).toMatchObject({
      file: 'content/2025/05/banjir.md',
      line: 1,
      column: 1,
      ruleId: 'front-matter-schema',
      source: 'warta',
      fatal: true,
      note: 'Add a `title:` line to the front matter.',
      reason: 'Missing required field "title".',
    })
    expect(toVFileMessage(warning).fatal).toBe(false)
  })
})

describe('WartaBuildError', () => {
  test('carries every diagnostic, sorted, and counts the errors in its message', () => {
    const error = new WartaBuildError([warning, badDate, missingTitle])
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('WartaBuildError')
    expect(error.diagnostics).toEqual([missingTitle, badDate, warning])
    expect(error.message).toBe(
      [
        'Build failed with 2 errors:',
        formatDiagnostic(missingTitle),
        formatDiagnostic(badDate),
        formatDiagnostic(warning),
      ].join('\n'),
    )
  })

  test('says "1 error" for one', () => {
    expect(new WartaBuildError([emptyFile]).message).toMatch(/^Build failed with 1 error:\n/)
  })

  test('gives the same problems as vfile messages', () => {
    const error = new WartaBuildError([badDate, emptyFile])
    expect(error.messages.map((m) => [m.file, m.line, m.ruleId])).toEqual([
      ['content/2025/05/banjir.md', 3, 'front-matter-schema'],
      ['content/a.md', undefined, 'empty-file'],
    ])
  })
})
