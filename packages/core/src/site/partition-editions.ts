import type { ArticleRecord } from '../content/process-source.js'
import type { Diagnostic } from '../errors/diagnostic.js'

/** What the partition needs of an edition: its key and language. */
export interface EditionKey {
  key: string
  lang: string
}

const primaryOf = (tag: string) => (tag.toLowerCase().split(/[-_]/)[0] ?? tag).toLowerCase()

/**
 * The edition a front matter `lang` names: an edition's key, an edition's exact tag, then the
 * first edition whose primary language is the tag's (`en-GB` → the `en` edition).
 */
export function editionOfLang<E extends EditionKey>(lang: string, editions: readonly E[]): E | undefined {
  const wanted = lang.trim().toLowerCase()
  return (
    editions.find((e) => e.key === wanted) ??
    editions.find((e) => e.lang.toLowerCase() === wanted) ??
    editions.find((e) => primaryOf(e.lang) === primaryOf(wanted))
  )
}

/**
 * Sorts the records into editions: by front matter `lang`, else by the first folder of the
 * source below the content folder (`content/en/…` → `en`), else into the first edition. A
 * `lang` that matches no edition keeps the article in the first edition (in its own language)
 * with a warning, so that nothing vanishes.
 */
export function partitionEditions<E extends EditionKey>(
  records: readonly ArticleRecord[],
  editions: readonly E[],
  contentPrefix: string,
): { byEdition: Map<string, ArticleRecord[]>; diagnostics: Diagnostic[] } {
  const byEdition = new Map<string, ArticleRecord[]>(editions.map((e) => [e.key, []]))
  const diagnostics: Diagnostic[] = []
  const first = editions[0] as E
  for (const record of records) {
    const lang = record.data.lang
    let edition: E | undefined
    if (typeof lang === 'string') {
      edition = editionOfLang(lang, editions)
      if (!edition)
        diagnostics.push({
          file: record.sourcePath,
          place: record.positions.lang,
          message: `lang "${lang}" is not the language of an edition (${editions.map((e) => `${e.key}: ${e.lang}`).join(', ')}); the article is published in the "${first.key}" edition.`,
          hint: `Set lang to one of ${editions.map((e) => `"${e.key}"`).join(', ')}, or add an edition for "${lang}" to languages in the config.`,
          ruleId: 'edition-unknown',
          severity: 'warning',
        })
    } else {
      const relative = record.sourcePath.startsWith(contentPrefix)
        ? record.sourcePath.slice(contentPrefix.length)
        : record.sourcePath
      const folder = relative.includes('/') ? relative.slice(0, relative.indexOf('/')) : undefined
      edition = editions.find((e) => e.key === folder)
    }
    byEdition.get((edition ?? first).key)?.push(record)
  }
  return { byEdition, diagnostics }
}
