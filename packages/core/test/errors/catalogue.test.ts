import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { RULE_IDS, RULES } from '../../src/errors/catalogue.js'
import { formatDiagnostic } from '../../src/errors/diagnostic.js'

const docs = readFileSync(new URL('../../../../docs/diagnostics.md', import.meta.url), 'utf8')

describe('the error catalogue', () => {
  test('docs/diagnostics.md has a section for every rule id, and none other', () => {
    const documented = [...docs.matchAll(/^### (\S+)$/gm)].map((m) => m[1])
    expect(documented).toEqual(RULE_IDS)
  })

  test('every entry has a title and a hint that end as sentences do', () => {
    for (const id of RULE_IDS) {
      expect(RULES[id].title, id).toMatch(/^[A-Za-z`].*[^.]$/)
      expect(RULES[id].hint, id).toMatch(/[.!?]$/)
    }
  })

  test('a diagnostic without a hint of its own prints its rule’s', () => {
    expect(
      formatDiagnostic({
        file: 'content/a.md',
        message: 'The file is empty.',
        ruleId: 'empty-file',
        severity: 'error',
      }),
    ).toBe(
      'content/a.md: error The file is empty. [empty-file]\n  hint: Write the article, or delete the file.',
    )
  })
})
