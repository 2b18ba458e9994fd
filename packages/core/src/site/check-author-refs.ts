import type { ArticleRecord } from '../content/process-source.js'
import type { AuthorEntity } from '../content/read-authors.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import { closestOption } from '../util/closest-word.js'
import { createSlugger } from './slug.js'

/**
 * When a site keeps an `authors/` folder, a byline that names none of its files is shown as
 * the plain name it is (the README's "a name, `{ name, url }`, or an id"), with a warning: it
 * may be a mistyped id, or a writer who could have an author page.
 */
export function checkAuthorRefs(
  records: readonly ArticleRecord[],
  authors: ReadonlyMap<string, AuthorEntity>,
): Diagnostic[] {
  if (authors.size === 0) return []
  const ids = [...authors.keys()]
  const diagnostics: Diagnostic[] = []
  for (const record of records) {
    const refs = [
      ...(record.data.author?.ref ? [{ key: 'author', ref: record.data.author.ref }] : []),
      ...(record.data.authors ?? []).flatMap((a) => (a.ref ? [{ key: 'authors', ref: a.ref }] : [])),
    ]
    for (const { key, ref } of refs) {
      if (authors.has(ref)) continue
      const meant = closestOption(ref, ids)
      diagnostics.push({
        file: record.sourcePath,
        place: record.positions[key],
        message: `"${ref}" is not the id of a file in authors/, so it is shown as a plain name.${meant ? ` Did you mean "${meant}"?` : ''}`,
        hint: `For an author page with a bio, add authors/${createSlugger().slug(ref) || 'id'}.yml with \`name: ${ref}\` and write its id here; the ids are ${ids.join(', ')}.`,
        ruleId: 'unknown-author',
        severity: 'warning',
      })
    }
  }
  return diagnostics
}
