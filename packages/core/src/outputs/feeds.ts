import { type Category, type Extension, Feed, type FeedOptions, type Item } from 'feed'
import type { ResolvedConfig, ResolvedSite } from '../config/resolve-config.js'
import { absoluteUrl } from '../routes/absolute-url.js'
import { type FeedFileInfo, feedFiles } from '../routes/feed-links.js'
import type { ArticleView, FeedLink } from '../routes/views.js'
import type { NewsDate } from '../util/news-date.js'
import { fixAtomEnclosureType } from './media-type.js'
import { absolutizeHtml } from './url.js'
import {
  escapeHtml,
  forFeedSanitizedAttribute,
  forXmlJsAttribute,
  forXmlJsCdata,
  forXmlJsText,
  htmlForCdata,
  stripInvalidXmlChars,
} from './xml-text.js'

/** The media type of each feed file. */
export type FeedType = FeedLink['type']

/** A feed file to write: `path` is relative to the output folder. */
export interface FeedFile {
  path: string
  contents: string
  type: FeedType
}

export interface GenerateFeedsOptions {
  site: ResolvedSite
  feeds: ResolvedConfig['feeds']
  /** Feed title, e.g. the site title, or `Site: Politik` for a section. */
  title: string
  /** Defaults to the site description. */
  description?: string
  /** Site path (with the base path) of the listing the feed belongs to, e.g. `/` or `/news/kategori/politik/`. */
  path: string
  /**
   * Folder of the feed files relative to the output folder, which is served at the base
   * path: `feed/` or `kategori/politik/feed/` (a leading slash is ignored).
   */
  feedDir: string
  /** Any order: the newest `feeds.limit` by publication date are taken. */
  articles: ArticleView[]
  /** The feed's last update; defaults to the newest modification date among its items, never the clock. */
  updated?: NewsDate
  /** Absolute URL of the publisher's logo, the feed's image (the image stage's). */
  logo?: string
}

/** JSON Feed 1.1 author. */
interface JsonFeedAuthor {
  name: string
  url?: string
}

/**
 * A `Date` whose ISO form is the article's own RFC 3339 time with the site's UTC offset
 * (`2025-05-16T14:30:00+08:00`) instead of `toISOString()`'s UTC form: `feed` writes Atom
 * and JSON Feed dates with `toISOString()`. RSS uses `toUTCString()`, which stays RFC 822 GMT.
 */
class ZonedDate extends Date {
  readonly #iso: string
  constructor(date: NewsDate) {
    super(date.time)
    this.#iso = date.iso
  }
  override toISOString(): string {
    return this.#iso
  }
}

interface PreparedItem {
  url: string
  title: string
  summary?: string
  html?: string
  image?: { url: string; type?: string; width?: number; height?: number; alt?: string }
  authors: JsonFeedAuthor[]
  categories: string[]
  published: NewsDate
  modified: NewsDate
  lang: string
}

const clean = (text: string | undefined) => {
  const value = text === undefined ? '' : stripInvalidXmlChars(text).trim()
  return value === '' ? undefined : value
}

/** Newest first by publication date; ties by id so the order never depends on input order. */
function newestFirst(articles: ArticleView[]): ArticleView[] {
  return [...articles].sort(
    (a, b) => b.published.time - a.published.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}

function prepare(site: ResolvedSite, article: ArticleView, full: boolean): PreparedItem {
  const url = absoluteUrl(site, article.url)
  const file = article.image?.file
  const categories = [article.category?.name, ...article.tags.map((t) => t.name)]
    .map(clean)
    .filter((name): name is string => name !== undefined)
  return {
    url,
    title: stripInvalidXmlChars(article.title),
    summary: clean(article.summary) ?? clean(article.excerpt),
    html: full ? stripInvalidXmlChars(absolutizeHtml(article.html, url)) : undefined,
    image: file
      ? {
          url: file.url,
          type: file.type,
          width: file.width,
          height: file.height,
          alt: clean(article.image?.alt),
        }
      : undefined,
    authors: article.authors.map((a) => ({
      name: stripInvalidXmlChars(a.name),
      url: absoluteUrl(site, a.url),
    })),
    categories: [...new Set(categories)],
    published: article.published,
    modified: article.modified,
    lang: article.lang,
  }
}

const DC = 'http://purl.org/dc/elements/1.1/'
const MEDIA = 'http://search.yahoo.com/mrss/'

function rssItem(item: PreparedItem): Item {
  const extensions: Extension[] = []
  // RSS's own <author> must be an e-mail address; names go in dc:creator. The namespace is
  // declared on each element because `feed` declares xmlns:dc on the root only in full mode.
  if (item.authors.length > 0) {
    extensions.push({
      name: 'dc:creator',
      // An array becomes repeated elements: `feed` assigns `objects` as is and xml-js repeats arrays.
      objects: item.authors.map((a) => ({
        _attributes: { 'xmlns:dc': DC },
        _text: forXmlJsText(a.name),
      })) as unknown as Extension['objects'],
    })
  }
  if (item.image) {
    const attributes: Record<string, string | number> = {
      'xmlns:media': MEDIA,
      url: forXmlJsAttribute(item.image.url),
      medium: 'image',
    }
    if (item.image.type) attributes.type = item.image.type
    if (item.image.width) attributes.width = item.image.width
    if (item.image.height) attributes.height = item.image.height
    const media: Record<string, unknown> = { _attributes: attributes }
    if (item.image.alt) {
      media['media:description'] = { _attributes: { type: 'plain' }, _text: forXmlJsText(item.image.alt) }
    }
    extensions.push({ name: 'media:content', objects: media })
  }
  return {
    title: forXmlJsCdata(item.title),
    link: item.url,
    date: new ZonedDate(item.modified),
    published: new ZonedDate(item.published),
    description: item.summary ? escapeHtml(item.summary) : undefined,
    content: item.html === undefined ? undefined : htmlForCdata(item.html),
    category: item.categories.map((name): Category => ({ name: forXmlJsText(name) })),
    // RSS requires a type and a length; the length is unknown, and 0 is the convention.
    enclosure: item.image?.type ? { url: item.image.url, type: item.image.type, length: 0 } : undefined,
    extensions,
  }
}

function atomItem(item: PreparedItem): Item {
  return {
    // type="html" text constructs: plain text must be HTML-escaped, or a title with `<b>`
    // would be read as markup.
    title: escapeHtml(item.title),
    link: item.url,
    date: new ZonedDate(item.modified),
    published: new ZonedDate(item.published),
    description: item.summary ? escapeHtml(item.summary) : undefined,
    content: item.html === undefined ? undefined : htmlForCdata(item.html),
    author: item.authors.map((a) => ({ name: forXmlJsText(a.name), link: a.url })),
    category: item.categories.map((name): Category => ({ term: forFeedSanitizedAttribute(name) })),
    // `feed` derives the Atom enclosure type from the extension, so only known types go in.
    image: item.image?.type ? item.image.url : undefined,
  }
}

function jsonItem(item: PreparedItem): Record<string, unknown> {
  const authors = item.authors.map((a) => ({ name: a.name, url: a.url }))
  const result: Record<string, unknown> = { id: item.url, url: item.url, title: item.title }
  if (item.html !== undefined) result.content_html = item.html
  else result.content_text = item.summary ?? ''
  if (item.summary) result.summary = item.summary
  if (item.image) result.image = item.image.url
  result.date_published = item.published.iso
  result.date_modified = item.modified.iso
  if (authors.length > 0) {
    result.authors = authors
    // JSON Feed 1.0 readers know only `author`; 1.1 keeps it as a deprecated alias.
    result.author = authors[0]
  }
  if (item.categories.length > 0) result.tags = item.categories
  result.language = item.lang
  return result
}

/**
 * Writes a listing's RSS 2.0, Atom 1.0 and JSON Feed 1.1 files with the `feed` library.
 * Pure and deterministic: dates come from the articles, never from the clock.
 */
export function generateFeeds(options: GenerateFeedsOptions): FeedFile[] {
  const { site, feeds } = options
  if (!feeds.enabled) return []
  const full = feeds.content === 'full'
  const [rssFile, atomFile, jsonFile] = feedFiles(site, options.feedDir) as [
    FeedFileInfo,
    FeedFileInfo,
    FeedFileInfo,
  ]
  const articles = newestFirst(options.articles).slice(0, feeds.limit)
  const items = articles.map((article) => prepare(site, article, full && article.access === 'free'))
  const newest = articles.reduce<NewsDate | undefined>(
    (latest, a) => (latest === undefined || a.modified.time > latest.time ? a.modified : latest),
    undefined,
  )
  const updated = new ZonedDate(
    options.updated ?? newest ?? { iso: '1970-01-01T00:00:00Z', time: 0, hasTime: true },
  )
  const home = absoluteUrl(site, options.path)
  const title = stripInvalidXmlChars(options.title)
  const description = stripInvalidXmlChars(options.description ?? site.description)
  const logo = options.logo
  const publisher = stripInvalidXmlChars(site.publisher.name)
  const base: FeedOptions = {
    title: forXmlJsText(title),
    description: description ? forXmlJsText(description) : undefined,
    link: home,
    language: site.lang,
    updated,
    generator: 'Warta',
    image: logo ? forXmlJsText(logo) : undefined,
  }

  const rss = new Feed({ ...base, id: rssFile.url, feedLinks: { rss: rssFile.url } })
  for (const item of items) rss.addItem(rssItem(item))

  const atom = new Feed({
    ...base,
    id: atomFile.url,
    feedLinks: { atom: atomFile.url },
    author: { name: forXmlJsText(publisher), link: absoluteUrl(site, site.basePath) },
  })
  for (const item of items) atom.addItem(atomItem(item))
  const atomXml = atom
    .atom1()
    .replace(
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${forXmlJsAttribute(site.lang).replace(/"/g, '&quot;')}">`,
    )
    .replace(
      /(<link rel="enclosure" href="[^"]*" type=")([^"]*)(")/g,
      (whole, start: string, type: string, end: string) => {
        const fixed = fixAtomEnclosureType(type)
        return fixed ? `${start}${fixed}${end}` : whole
      },
    )

  // `feed` writes JSON Feed 1.0 with one author per item and no language; its feed-level
  // fields are kept and the items rebuilt as JSON Feed 1.1.
  const json = new Feed({
    ...base,
    title,
    description: description || undefined,
    image: logo,
    feedLinks: { json: jsonFile.url },
  })
  const library = JSON.parse(json.json1()) as Record<string, unknown>
  const publisherAuthor: JsonFeedAuthor = { name: publisher, url: absoluteUrl(site, site.basePath) }
  const jsonFeed: Record<string, unknown> = {
    version: 'https://jsonfeed.org/version/1.1',
    title: library.title,
    home_page_url: library.home_page_url,
    feed_url: library.feed_url,
    description: library.description,
    icon: library.icon,
    language: site.lang,
    authors: [publisherAuthor],
    items: items.map(jsonItem),
  }

  return [
    { path: rssFile.path, contents: rss.rss2(), type: rssFile.format.type },
    { path: atomFile.path, contents: atomXml, type: atomFile.format.type },
    { path: jsonFile.path, contents: `${JSON.stringify(jsonFeed, null, 2)}\n`, type: jsonFile.format.type },
  ]
}
