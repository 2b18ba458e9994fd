import type { ArticleBody } from '../content/process-source.js'
import type { ArticleAuthor } from '../site/types.js'
import type { RoutedArticle } from './route-site.js'
import type { SiteImages } from './site-images.js'
import type { ArticleView, AuthorProfileView, CardView, TermView } from './views.js'

/** Maps site paths (`/kategori/x/`) to URLs under the base path (`/news/kategori/x/`). */
export type UrlFor = (sitePath: string) => string

/** Creates a `UrlFor` for a base path that starts and ends with `/`. */
export function createUrlFor(basePath: string): UrlFor {
  return (sitePath) =>
    /^[a-z][a-z0-9+.-]*:/i.test(sitePath) ? sitePath : basePath + sitePath.replace(/^\/+/, '')
}

/** Site paths of listing pages by kind and slug, for linking terms. */
export type TermPaths = (kind: 'category' | 'tag' | 'author', slug: string) => string | undefined

function termView(
  kind: 'category' | 'tag' | 'author',
  term: { name: string; slug: string },
  paths: TermPaths,
  urlFor: UrlFor,
): TermView {
  const path = paths(kind, term.slug)
  return { name: term.name, slug: term.slug, url: path ? urlFor(path) : '' }
}

/** The card an article shows as in listings; its picture as the image stage made it. */
export function toCardView(
  article: RoutedArticle,
  paths: TermPaths,
  urlFor: UrlFor,
  images: SiteImages,
): CardView {
  return {
    id: article.id,
    title: article.title,
    url: urlFor(article.path),
    excerpt: article.excerpt,
    published: article.published,
    modified: article.modified,
    category: article.category ? termView('category', article.category, paths, urlFor) : undefined,
    authors: article.authors.map((author) => ({
      ...termView('author', author, paths, urlFor),
      homepage: author.url,
    })),
    image: images.lead(article),
    readingTime: article.readingTime,
    live: article.liveblog && !article.coverageEnd,
  }
}

/**
 * An author with their profile, as templates see it; the portrait as the image stage made it.
 * The bio's HTML is rendered apart (asynchronously, by the pages stage's `AuthorBios`), so this
 * stays cheap for feeds.
 */
export function toAuthorProfile(
  author: ArticleAuthor,
  paths: TermPaths,
  urlFor: UrlFor,
  images: SiteImages,
): AuthorProfileView {
  const portrait = author.photo ? images.photo(author.photo) : undefined
  return {
    ...termView('author', author, paths, urlFor),
    homepage: author.url,
    role: author.role,
    photo: portrait?.url ?? (author.photo ? urlFor(author.photo) : undefined),
    ...(portrait ? { portrait } : {}),
    links: author.links ?? [],
    hasProfile: Boolean(author.role || author.bio || author.photo),
  }
}

/** Everything an article page shows about its article. */
export function toArticleView(
  article: RoutedArticle,
  paths: TermPaths,
  urlFor: UrlFor,
  now: number,
  body: ArticleBody,
  images: SiteImages,
): ArticleView {
  return {
    ...toCardView(article, paths, urlFor, images),
    authors: article.authors.map((author) => toAuthorProfile(author, paths, urlFor, images)),
    summary: article.summary,
    updated: article.updated,
    tags: article.tags.map((tag) => termView('tag', tag, paths, urlFor)),
    dateline: article.dateline,
    source: article.source,
    lang: article.lang,
    canonical: article.canonical,
    html: body.html,
    wordCount: article.wordCount,
    headings: body.headings,
    data: article.data,
    updates: article.updates,
    corrections: article.corrections,
    liveEntries: article.liveEntries.map((entry) => ({
      id: entry.id,
      headline: entry.headline,
      time: entry.time,
      ...(entry.author ? { author: toAuthorProfile(entry.author, paths, urlFor, images) } : {}),
      ...(entry.image ? { image: { ...entry.image, src: urlFor(entry.image.src) } } : {}),
      text: entry.text,
    })),
    ...(article.coverageEnd ? { coverageEnd: article.coverageEnd } : {}),
    ...(article.modified.time > article.published.time ? { lastUpdate: article.modified } : {}),
    status: article.status === 'retracted' ? 'retracted' : 'published',
    ...(article.editorNote ? { editorNote: article.editorNote } : {}),
    access: article.access,
    embargoed: article.publishAt.time > now || article.published.time > now,
  }
}
