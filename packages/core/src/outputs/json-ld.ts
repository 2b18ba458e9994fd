import type { ResolvedSite } from '../config/resolve-config.js'
import { absoluteUrl } from '../routes/absolute-url.js'
import type { ArticleView, AuthorProfileView, Crumb } from '../routes/views.js'

/** A schema.org node as plain JSON. */
export type JsonLd = Record<string, unknown>

/** A logo image: `src` a site path, a path relative to the base path, or a URL. */
export interface LogoImage {
  src: string
  width?: number
  height?: number
}

const CONTEXT = 'https://schema.org'

/**
 * Google once advised headlines of at most 110 characters and no longer does; longer ones
 * may be cut short on display. `articleJsonLd` keeps the full headline: callers that want
 * to warn can compare against this.
 */
export const HEADLINE_ADVICE_LENGTH = 110

const homeUrl = (site: ResolvedSite) => absoluteUrl(site, site.basePath)
const organizationId = (site: ResolvedSite) => `${homeUrl(site)}#organization`
const websiteId = (site: ResolvedSite) => `${homeUrl(site)}#website`

function imageObject(site: ResolvedSite, logo: LogoImage): JsonLd {
  return {
    '@type': 'ImageObject',
    url: absoluteUrl(site, logo.src),
    ...(logo.width ? { width: logo.width } : {}),
    ...(logo.height ? { height: logo.height } : {}),
  }
}

function organization(site: ResolvedSite, logo?: LogoImage): JsonLd {
  const image = logo ?? site.publisher.logo
  return {
    '@type': 'Organization',
    '@id': organizationId(site),
    name: site.publisher.name,
    url: homeUrl(site),
    ...(image ? { logo: imageObject(site, image) } : {}),
  }
}

/** The publisher as an `Organization`, for every page (or the home page). */
export function organizationJsonLd(site: ResolvedSite, options: { logo?: LogoImage } = {}): JsonLd {
  return { '@context': CONTEXT, ...organization(site, options.logo) }
}

/** The site as a `WebSite`, for the home page. */
export function websiteJsonLd(site: ResolvedSite): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': websiteId(site),
    name: site.title,
    url: homeUrl(site),
    ...(site.description ? { description: site.description } : {}),
    inLanguage: site.lang,
    publisher: organization(site),
  }
}

/** A `BreadcrumbList` from the breadcrumb trail (site paths or URLs). */
export function breadcrumbJsonLd(site: ResolvedSite, crumbs: Crumb[]): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: absoluteUrl(site, crumb.url),
    })),
  }
}

/**
 * A `Person`: the author's page on the site as `url`; role, portrait and bio (its first
 * paragraph) as `jobTitle`, `image` and `description`; their own site and accounts as `sameAs`.
 */
export function personJsonLd(site: ResolvedSite, author: AuthorProfileView): JsonLd {
  const sameAs = [
    ...new Set([...(author.homepage ? [author.homepage] : []), ...author.links.map((l) => l.url)]),
  ].map((url) => absoluteUrl(site, url))
  return {
    '@type': 'Person',
    name: author.name,
    url: absoluteUrl(site, author.url),
    ...(author.role ? { jobTitle: author.role } : {}),
    ...(author.photo ? { image: absoluteUrl(site, author.photo) } : {}),
    ...(author.bioText ? { description: author.bioText } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
  }
}

/** A `ProfilePage` whose main entity is the author, for their page on the site. */
export function profilePageJsonLd(site: ResolvedSite, author: AuthorProfileView): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'ProfilePage',
    url: absoluteUrl(site, author.url),
    inLanguage: site.lang,
    isPartOf: { '@id': websiteId(site) },
    mainEntity: personJsonLd(site, author),
  }
}

/**
 * A `NewsArticle` for an article page. The headline is kept whole (see
 * `HEADLINE_ADVICE_LENGTH`). `image` lists the lead image's 16:9, 4:3 and 1:1 crops, as
 * Google's Article guidelines ask, each with its size. `mainEntityOfPage` is the canonical URL:
 * the article's own `canonical` when it has one, else its URL. Authors are `Person`s (see
 * `personJsonLd`).
 */
export function articleJsonLd(
  site: ResolvedSite,
  article: ArticleView,
  options: { logo?: LogoImage } = {},
): JsonLd {
  const url = absoluteUrl(site, article.url)
  const canonical = article.canonical ? absoluteUrl(site, article.canonical) : url
  const description = article.summary || article.excerpt
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: article.title,
    ...(description ? { description } : {}),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    ...(article.image?.crops.length
      ? {
          image: article.image.crops.map((crop) => ({ '@type': 'ImageObject', ...crop })),
        }
      : {}),
    datePublished: article.published.iso,
    dateModified: article.modified.iso,
    author: article.authors.map((author) => personJsonLd(site, author)),
    publisher: organization(site, options.logo),
    ...(article.category ? { articleSection: article.category.name } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.map((t) => t.name) } : {}),
    inLanguage: article.lang,
    ...(article.dateline ? { dateline: article.dateline } : {}),
    wordCount: article.wordCount,
    ...paywallJsonLd(article),
  }
}

/**
 * The CSS selector of a paywalled article's paywalled section, for `hasPart.cssSelector`
 * (Google's guidelines for subscription and paywalled content): a theme puts the class
 * `paywall` on the element holding the body of articles with `access: metered | subscribers`.
 */
export const PAYWALL_SELECTOR = '.paywall'

/** What marks a paywalled article: not free to read, and which part of the page is behind the wall. */
function paywallJsonLd(article: ArticleView): JsonLd {
  if (article.access === 'free') return {}
  return {
    isAccessibleForFree: false,
    hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: PAYWALL_SELECTOR },
  }
}

/**
 * A `LiveBlogPosting` for a live blog: the article's `NewsArticle` properties, coverage from
 * its first entry (else its publication) to its end once `liveblog: ended` (or `{ end }`), and each entry
 * as a `BlogPosting` update with its headline, text, times, author (the entry's own, else the
 * article's), its URL (the page's, with the entry's id as fragment) and its first image.
 * `dateModified` is the newest entry's time when that is the latest change.
 */
export function liveBlogJsonLd(site: ResolvedSite, article: ArticleView, base: JsonLd): JsonLd {
  const url = absoluteUrl(site, article.url)
  const articleAuthors = base.author
  return {
    ...base,
    '@type': 'LiveBlogPosting',
    coverageStartTime: article.liveEntries.at(-1)?.time.iso ?? article.published.iso,
    ...(article.coverageEnd ? { coverageEndTime: article.coverageEnd.iso } : {}),
    liveBlogUpdate: article.liveEntries.map((entry) => ({
      '@type': 'BlogPosting',
      headline: entry.headline,
      ...(entry.text ? { articleBody: entry.text } : {}),
      datePublished: entry.time.iso,
      dateModified: entry.time.iso,
      author: entry.author ? [personJsonLd(site, entry.author)] : articleAuthors,
      url: `${url}#${entry.id}`,
      ...(entry.image ? { image: [absoluteUrl(site, entry.image.src)] } : {}),
    })),
  }
}

/**
 * A retracted article's `NewsArticle`: what its page still shows (headline, dates, authors,
 * the editor's note as the description), none of the retracted text or its image.
 */
export function retractedArticleJsonLd(site: ResolvedSite, article: ArticleView): JsonLd {
  const url = absoluteUrl(site, article.url)
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.editorNote?.note ? { description: article.editorNote.note } : {}),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: article.published.iso,
    dateModified: article.modified.iso,
    author: article.authors.map((author) => personJsonLd(site, author)),
    publisher: organization(site),
    inLanguage: article.lang,
  }
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` are written
 * as `\u003c`, `\u003e` and `\u0026` so no string can close the script element or open a
 * comment, and U+2028/U+2029 are escaped too. `JSON.parse` gives the same value back.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
