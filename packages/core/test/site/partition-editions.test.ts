import { describe, expect, test } from 'vitest'
import type { ArticleRecord } from '../../src/content/process-source.js'
import { editionOfLang, partitionEditions } from '../../src/site/partition-editions.js'

const EDITIONS = [
  { key: 'id', lang: 'id-ID' },
  { key: 'en', lang: 'en' },
]

const record = (sourcePath: string, lang?: string): ArticleRecord =>
  ({
    sourcePath,
    data: { title: sourcePath, ...(lang ? { lang } : {}) },
    positions: { lang: { line: 4, column: 7 } },
  }) as unknown as ArticleRecord

const keysOf = (byEdition: Map<string, ArticleRecord[]>) =>
  Object.fromEntries([...byEdition].map(([key, list]) => [key, list.map((r) => r.sourcePath)]))

describe('editionOfLang', () => {
  test('matches an edition by its key, its tag, then its primary language', () => {
    expect(editionOfLang('en', EDITIONS)?.key).toBe('en')
    expect(editionOfLang('id-ID', EDITIONS)?.key).toBe('id')
    expect(editionOfLang('EN-gb', EDITIONS)?.key).toBe('en')
    expect(editionOfLang('id', EDITIONS)?.key).toBe('id')
    expect(editionOfLang('fr', EDITIONS)).toBeUndefined()
  })
})

describe('partitionEditions', () => {
  test('puts an article in the edition of its lang, else of its first folder, else in the first', () => {
    const { byEdition, diagnostics } = partitionEditions(
      [
        record('content/2025/a.md'),
        record('content/en/2025/b.md'),
        record('content/2025/c.md', 'en-GB'),
        record('content/en/2025/d.md', 'id'),
        record('content/english/e.md'),
      ],
      EDITIONS,
      'content/',
    )
    expect(keysOf(byEdition)).toEqual({
      id: ['content/2025/a.md', 'content/en/2025/d.md', 'content/english/e.md'],
      en: ['content/en/2025/b.md', 'content/2025/c.md'],
    })
    expect(diagnostics).toEqual([])
  })

  test('keeps an article whose lang is no edition’s in the first edition, with a warning at the lang', () => {
    const { byEdition, diagnostics } = partitionEditions(
      [record('content/en/x.md', 'fr')],
      EDITIONS,
      'content/',
    )
    expect(keysOf(byEdition)).toEqual({ id: ['content/en/x.md'], en: [] })
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/en/x.md',
        place: { line: 4, column: 7 },
        ruleId: 'edition-unknown',
        severity: 'warning',
      }),
    ])
  })
})
