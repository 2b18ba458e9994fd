import { readFile } from 'node:fs/promises'
import type { PagefindIndex } from 'pagefind'
import type { ArticleBody } from '../content/process-source.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import type { RoutedArticle } from '../routes/route-site.js'
import { SEARCH_FOLDER } from '../routes/search-folder.js'
import { compareText } from '../util/compare-text.js'
import { hashText } from '../util/hash.js'
import { createSearchDocuments, type SearchDocument } from './search-documents.js'

/** A file of the search index; `contents` is absent for a file reused from disk. */
export interface SearchFile {
  path: string
  contents?: Uint8Array
  key: string
  /** Every file of one index shares it: the fingerprint of all the documents. */
  group: string
}

/**
 * What the search stage keeps between a builder's runs: Pagefind's index of the last run, still
 * open in Pagefind's service, with the documents it holds, so that a run which changed a few
 * articles sends Pagefind those alone.
 */
export interface SearchMemo {
  index?: PagefindIndex
  /** The documents' URLs in the order they were added, and their keys. */
  documents?: { url: string; key: string }[]
  group?: string
  files?: SearchFile[]
}

/** Options of the search stage. */
export interface SearchIndexOptions {
  /** The site's language tag (`site.lang`): its primary language picks Pagefind's stemming. */
  lang: string
  /**
   * Each article's language tag, for a site with editions: Pagefind then splits its index by
   * language, and a search page finds the articles of its `<html lang>`. Default: `lang` for all.
   */
  langOf?: (article: RoutedArticle) => string
  bodyOf: (article: RoutedArticle) => Promise<ArticleBody>
  memo: SearchMemo
  /** Keep the index open for the builder's next run (the preview). Default `false`: it is closed. */
  keep?: boolean
  /** Index files an earlier process made from the same documents, when all are on disk untouched. */
  reuse?: (group: string) => { path: string; key: string }[] | undefined
}

/** What one run of the search stage did, for reports and the bench. */
export interface SearchStats {
  /** Articles in the index. */
  documents: number
  /** Articles sent to Pagefind this run: all of them for a new index, the edited ones for an index kept open, 0 when the last index was reused. */
  indexed: number
  /** Files of the index. */
  files: number
  /** Their size in bytes; absent when they were reused from disk unread. */
  bytes?: number
  /** Time the stage took, in ms. */
  ms: number
}

/** What the search stage made. */
export interface SearchIndexResult {
  files: SearchFile[]
  diagnostics: Diagnostic[]
  stats: SearchStats
}

type Made = Omit<SearchIndexResult, 'stats'> & { indexed: number }

/** Documents made and sent at once: bodies are read concurrently, and added in order. */
const BATCH = 64

let pagefindVersion: Promise<string> | undefined
/** Pagefind's version is part of every index's key: another version writes other files. */
const versionOf = () => {
  pagefindVersion ??= readFile(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8').then(
    (text) => (JSON.parse(text) as { version: string }).version,
  )
  return pagefindVersion
}

/** Pagefind takes ISO 639-1 codes: `id-ID` is indexed (and stemmed) as `id`. */
export const searchLanguageOf = (lang: string): string => (lang.split('-')[0] ?? lang).toLowerCase()

const failure = (message: string, file = 'pagefind'): Diagnostic => ({
  file,
  message: `Search index: ${message}`,
  ruleId: 'search-index',
  severity: 'error',
})

/**
 * Builds the site's search index with Pagefind: every article's headline, summary and body,
 * with filters for section, tag and author and the date as sort key. Pagefind cannot update an
 * index it has written (it numbers pages and words across the whole site), so a changed site
 * means a new index; what it does allow is replacing a page in an index still open in its
 * service, which is what a builder's next run does when the same articles are there in the same
 * order (edits, not additions or removals). An unchanged site reuses the last index, in memory or
 * on disk, without starting Pagefind at all.
 */
export async function indexSearch(
  articles: readonly RoutedArticle[],
  options: SearchIndexOptions,
): Promise<SearchIndexResult> {
  const started = performance.now()
  const { langOf } = options
  const documents = createSearchDocuments(articles, {
    language: searchLanguageOf(options.lang),
    ...(langOf ? { languageOf: (article: RoutedArticle) => searchLanguageOf(langOf(article)) } : {}),
    bodyOf: options.bodyOf,
  })
  const { files, diagnostics, indexed } = await makeIndex(documents, articles, options)
  const sizes = files.map((f) => f.contents?.length)
  return {
    files,
    diagnostics,
    stats: {
      documents: documents.length,
      indexed,
      files: files.length,
      bytes: sizes.every((n) => n !== undefined) ? sizes.reduce((a, b) => a + b, 0) : undefined,
      ms: Math.round(performance.now() - started),
    },
  }
}

/** The index: the last one when the documents are the same, else Pagefind's. */
async function makeIndex(
  documents: readonly SearchDocument[],
  articles: readonly RoutedArticle[],
  options: SearchIndexOptions,
): Promise<Made> {
  const { memo } = options
  const language = searchLanguageOf(options.lang)
  const group = hashText(
    [`pagefind@${await versionOf()}`, language, ...documents.map((d) => `${d.url} ${d.key}`)].join('\n'),
  )
  if (memo.group === group && memo.files) return { files: memo.files, diagnostics: [], indexed: 0 }
  const reused = options.reuse?.(group)
  if (reused) return { files: reused.map((f) => ({ ...f, group })), diagnostics: [], indexed: 0 }
  if (documents.length === 0) {
    await forget(memo)
    return { files: [], diagnostics: [], indexed: 0 }
  }
  try {
    return await runPagefind(documents, articles, group, options)
  } catch (error) {
    // Pagefind's program did not start or its service closed: the build says so and stops.
    await forget(memo).catch(() => undefined)
    return { files: [], diagnostics: [failure((error as Error).message)], indexed: 0 }
  }
}

/** Drops the index kept from the last run. */
async function forget(memo: SearchMemo): Promise<void> {
  const { index } = memo
  for (const key of Object.keys(memo)) delete memo[key as keyof SearchMemo]
  await index?.deleteIndex()
}

/** Indexes the documents: in the index kept from the last run when it holds the same URLs in the same order, else in a new one. */
async function runPagefind(
  documents: readonly SearchDocument[],
  articles: readonly RoutedArticle[],
  group: string,
  options: SearchIndexOptions,
): Promise<Made> {
  const { memo } = options
  const language = searchLanguageOf(options.lang)
  const previous = new Map(memo.documents?.map((d) => [d.url, d.key]))
  const inPlace =
    memo.index !== undefined &&
    memo.documents?.length === documents.length &&
    documents.every((d, i) => memo.documents?.[i]?.url === d.url)
  let index = inPlace ? memo.index : undefined
  if (!index) {
    await forget(memo)
    const pagefind = await import('pagefind')
    // Several languages: each document's `<html lang>` says which part of the index it is in.
    const created = await pagefind.createIndex(options.langOf ? {} : { forceLanguage: language })
    if (!created.index) return { files: [], diagnostics: created.errors.map((e) => failure(e)), indexed: 0 }
    index = created.index
  }
  const toAdd = inPlace ? documents.filter((d) => previous.get(d.url) !== d.key) : documents
  const diagnostics = await addDocuments(index, toAdd, articles, documents)
  const got = diagnostics.length === 0 ? await index.getFiles() : { errors: [], files: [] }
  diagnostics.push(...got.errors.map((e) => failure(e)))
  const files = got.files
    .map((f) => ({
      path: `${SEARCH_FOLDER}/${f.path}`,
      contents: f.content,
      key: hashText(f.content),
      group,
    }))
    .sort((a, b) => compareText(a.path, b.path))
  if (options.keep && diagnostics.length === 0) {
    Object.assign(memo, { index, documents: documents.map(({ url, key }) => ({ url, key })), group, files })
  } else {
    memo.index = index
    await forget(memo)
  }
  return { files, diagnostics, indexed: toAdd.length }
}

/** Sends documents to Pagefind in the site's order (its page numbers follow it), a batch at a time. */
async function addDocuments(
  index: PagefindIndex,
  toAdd: readonly SearchDocument[],
  articles: readonly RoutedArticle[],
  documents: readonly SearchDocument[],
): Promise<Diagnostic[]> {
  const sourceOf = new Map(documents.map((d, i) => [d, articles[i]?.sourcePath]))
  const diagnostics: Diagnostic[] = []
  for (let start = 0; start < toAdd.length; start += BATCH) {
    const batch = toAdd.slice(start, start + BATCH)
    const html = await Promise.all(batch.map((d) => d.html()))
    // Called in order without waiting: the service takes messages in the order they are sent.
    const added = await Promise.all(
      batch.map((d, i) => index.addHTMLFile({ url: d.url, content: html[i] as string })),
    )
    added.forEach((response, i) => {
      const source = sourceOf.get(batch[i] as SearchDocument)
      for (const error of response.errors) diagnostics.push(failure(error, source))
    })
  }
  return diagnostics
}
