import type { ArticleBody } from '../content/process-source.js'
import { escapeHtml } from '../outputs/xml-text.js'
import type { RoutedArticle } from '../routes/route-site.js'
import { hashText } from '../util/hash.js'

/** One article as the search index takes it: its page's URL and the document Pagefind reads. */
export interface SearchDocument {
  /** The article's site path without the base path: Pagefind's script adds the folder it is served under. */
  url: string
  /** Fingerprint of everything the document holds; equal keys mean equal documents. */
  key: string
  /** The document: headline, summary and body, with the filters, sort key and metadata. */
  html(): Promise<string>
}

/** What search documents are made from besides the articles. */
export interface SearchDocumentOptions {
  /** The index's language (ISO 639-1), written on each document. */
  language: string
  /** An article's own language (ISO 639-1), for an index in several (a site with editions). Default: `language`. */
  languageOf?: (article: RoutedArticle) => string
  /** The sanitized body of an article, as its page shows it. */
  bodyOf: (article: RoutedArticle) => Promise<ArticleBody>
}

/** Filters and metadata on `<meta>` elements, which Pagefind reads wherever they are and never indexes as text. */
const metaTag = (kind: 'filter' | 'meta' | 'sort', name: string, value: string) =>
  `<meta data-pagefind-${kind}="${name}[content]" content="${escapeHtml(value)}">`

/**
 * The search documents of a site's articles, newest first. Only what a reader searches is
 * indexed: the headline, the summary and the body — never navigation, related
 * stories or footers, which would make every story match every section name. Pages are not
 * read back: a document is made from the article itself, so a build that renders only changed
 * pages still indexes every article.
 */
export function createSearchDocuments(
  articles: readonly RoutedArticle[],
  options: SearchDocumentOptions,
): SearchDocument[] {
  return articles.map((article) => {
    const language = options.languageOf?.(article) ?? options.language
    const filters = [
      ...(article.category ? [['section', article.category.name]] : []),
      ...article.tags.map((t) => ['tag', t.name]),
      ...article.authors.map((a) => ['author', a.name]),
    ]
    // Everything the document holds but the body, which the source hash stands for. The sort key
    // is in UTC, so that it orders across daylight-saving changes; the date shown keeps the
    // newsroom's zone, as the article's page does.
    const head = [
      ...filters.map(([name, value]) => metaTag('filter', name as string, value as string)),
      metaTag('sort', 'date', new Date(article.published.time).toISOString()),
      metaTag('meta', 'date', article.published.iso),
      ...(article.category ? [metaTag('meta', 'section', article.category.name)] : []),
    ].join('')
    const headline = `<h1 data-pagefind-meta="title">${escapeHtml(article.title)}</h1>`
    const summary = article.summary ? `<p>${escapeHtml(article.summary)}</p>` : ''
    return {
      url: article.path,
      key: hashText(`${article.sourceHash}|${language}|${head}|${headline}|${summary}`),
      html: async () =>
        `<!doctype html><html lang="${language}"><head><meta charset="utf-8">${head}</head>` +
        `<body><article data-pagefind-body>${headline}${summary}${(await options.bodyOf(article)).html}</article></body></html>`,
    }
  })
}
