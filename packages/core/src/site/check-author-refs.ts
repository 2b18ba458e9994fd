import type { ArticleRecord } from '../content/process-source.js'
import type { AuthorEntity } from '../content/read-authors.js'
import type { Diagnostic } from '../errors/diagnostic.js'

/**
 * When a site keeps an `authors/` folder, every `author`/`authors` value must name one of
 * its files; anything else is a typo the reader would see as a stray byline.
 */
export function checkAuthorRefs(
  records: readonly ArticleRecord[],
  authors: ReadonlyMap<string, AuthorEntity>,
): Diagnostic[] {
  if (authors.size === 0) return []
  const known = [...authors.keys()].join(', ')
  const diagnostics: Diagnostic[] = []
  for (const record of records) {
    const refs = [
      ...(record.data.author ? [{ key: 'author', name: record.data.author.name }] : []),
      ...(record.data.authors ?? []).map((a) => ({ key: 'authors', name: a.name })),
    ]
    for (const ref of refs) {
      if (authors.has(ref.name)) continue
      diagnostics.push({
        file: record.sourcePath,
        place: record.positions[ref.key],
        message: `Unknown author "${ref.name}".`,
        hint: `Use the id of a file in authors/ (${known}), or add authors/${ref.name}.yml.`,
        ruleId: 'unknown-author',
        severity: 'error',
      })
    }
  }
  return diagnostics
}
