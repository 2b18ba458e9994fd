import type { ResolvedSite } from '../config/resolve-config.js'
import { absoluteUrl } from '../routes/absolute-url.js'
import { renderSitemapIndex, renderUrlElements, renderUrlset } from './sitemap-xml.js'

/** The protocol's limits for one sitemap file: 50,000 URLs and 50 MiB uncompressed. */
export const SITEMAP_MAX_URLS = 50_000
export const SITEMAP_MAX_BYTES = 52_428_800

export interface SitemapEntry {
  /** Site path including the base path, e.g. `/news/2025/05/16/slug/` (an absolute URL also works). */
  url: string
  /** ISO 8601 date-time of the last change. */
  lastmod?: string
  /** The page's versions in other languages, itself included (`xhtml:link rel="alternate" hreflang`): absolute URLs. */
  links?: { lang: string; url: string }[]
}

export interface GenerateSitemapsOptions {
  site: ResolvedSite
  entries: SitemapEntry[]
  /** URLs per file, at most 50,000. */
  maxUrls: number
  /** Bytes per file (UTF-8, uncompressed), at most 52,428,800. */
  maxBytes?: number
  /**
   * `<url>` elements by their entry, kept between calls (the preview's runs): only entries not
   * in it are written, and it is left holding this call's. Default: every entry is written.
   */
  elements?: Map<string, string>
}

/** A sitemap file to write: `path` is relative to the output folder. */
export interface SitemapFile {
  path: string
  contents: string
}

/** Where `generateSitemaps` puts the children when it has to split. */
export const SITEMAP_CHILD_DIR = 'sitemaps/'

interface Normalized {
  url: string
  lastmod?: string
  time?: number
  links?: { lang: string; url: string }[]
}

function normalize(site: ResolvedSite, entries: SitemapEntry[]): Normalized[] {
  const byUrl = new Map<string, Normalized>()
  const origin = new URL(`${site.url}/`).origin
  for (const entry of entries) {
    // Site paths are the common case: one URL parse instead of absoluteUrl's two.
    const url =
      entry.url.startsWith('/') && !entry.url.startsWith('//')
        ? new URL(entry.url, origin).href
        : absoluteUrl(site, entry.url)
    let time: number | undefined
    if (entry.lastmod !== undefined) {
      time = Date.parse(entry.lastmod)
      if (Number.isNaN(time))
        throw new Error(`Sitemap entry ${url} has lastmod "${entry.lastmod}", which is not a date.`)
    }
    const seen = byUrl.get(url)
    // The same URL twice keeps the later lastmod.
    if (seen && (time === undefined || (seen.time !== undefined && seen.time >= time))) continue
    const lastmod = time === undefined ? undefined : new Date(time).toISOString()
    byUrl.set(url, { url, time, lastmod, ...(entry.links?.length ? { links: entry.links } : {}) })
  }
  if (byUrl.size === 0) {
    // A <urlset> needs at least one <url> to be valid; the home page is always there.
    const home = absoluteUrl(site, site.basePath)
    byUrl.set(home, { url: home })
  }
  return [...byUrl.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
}

const item = (entry: Normalized) => ({
  url: entry.url,
  ...(entry.lastmod ? { lastmod: entry.lastmod } : {}),
  ...(entry.links ? { links: entry.links } : {}),
})
const bytes = (text: string) => Buffer.byteLength(text, 'utf8')
const UNEXPECTED_FORM = 'The sitemap library wrote <url> elements in an unexpected form.'

/** Each item's `<url>` element, written by the library unless `memo` has it from an earlier call. */
async function urlElementsOf(
  origin: string,
  items: readonly ReturnType<typeof item>[],
  memo: Map<string, string> | undefined,
): Promise<string[]> {
  if (!memo) return renderUrlElements(origin, items)
  const keys = items.map((i) => JSON.stringify(i))
  const missing = items.filter((_, i) => !memo.has(keys[i] as string))
  const made = await renderUrlElements(origin, missing)
  if (made.length !== missing.length) throw new Error(UNEXPECTED_FORM)
  // Entries are unique (see `normalize`): the missing ones come back in their order.
  let next = 0
  const elements = keys.map((key) => memo.get(key) ?? (made[next++] as string))
  memo.clear()
  for (const [i, key] of keys.entries()) memo.set(key, elements[i] as string)
  return elements
}

/**
 * Writes `sitemap.xml`: a `<urlset>` when every URL fits in one file, else a
 * `<sitemapindex>` pointing at `sitemaps/sitemap-1.xml`, `sitemaps/sitemap-2.xml`…, split so
 * that no file has more than `maxUrls` URLs or `maxBytes` bytes. URLs are sorted and
 * de-duplicated, so the same entries always give the same files. The `sitemap` library
 * writes the XML; it is stream-based, hence the promise.
 */
export async function generateSitemaps(options: GenerateSitemapsOptions): Promise<SitemapFile[]> {
  const { site } = options
  const maxUrls = Math.min(Math.max(1, Math.floor(options.maxUrls)), SITEMAP_MAX_URLS)
  const maxBytes = Math.min(options.maxBytes ?? SITEMAP_MAX_BYTES, SITEMAP_MAX_BYTES)
  const origin = new URL(`${site.url}/`).origin
  const entries = normalize(site, options.entries)
  const items = entries.map(item)

  // The library writes each <url> element once; files are those elements between the
  // head and tail it writes around them, taken from a one-URL sitemap.
  const elements = await urlElementsOf(origin, items, options.elements)
  const [firstItem] = items
  const firstElement = elements[0] ?? ''
  // The xhtml namespace is declared only when a URL has translations: other sitemaps stay as they were.
  const xhtml = entries.some((e) => e.links)
  const sample = firstItem ? await renderUrlset(origin, [firstItem], false, xhtml) : ''
  const at = sample.indexOf(firstElement)
  if (elements.length !== items.length || at < 0) throw new Error(UNEXPECTED_FORM)
  const head = sample.slice(0, at)
  const tail = sample.slice(at + firstElement.length)
  const overhead = bytes(head) + bytes(tail)

  const chunks: { entries: Normalized[]; elements: string[] }[] = []
  let chunk: { entries: Normalized[]; elements: string[] } = { entries: [], elements: [] }
  let size = overhead
  entries.forEach((entry, i) => {
    const element = elements[i] ?? ''
    const entryBytes = bytes(element)
    if (overhead + entryBytes > maxBytes)
      throw new Error(`Sitemap entry ${entry.url} alone is larger than ${maxBytes} bytes.`)
    if (chunk.entries.length >= maxUrls || size + entryBytes > maxBytes) {
      chunks.push(chunk)
      chunk = { entries: [], elements: [] }
      size = overhead
    }
    chunk.entries.push(entry)
    chunk.elements.push(element)
    size += entryBytes
  })
  chunks.push(chunk)
  const file = (part: { elements: string[] }) => `${head}${part.elements.join('')}${tail}`

  const only = chunks[0]
  if (chunks.length === 1 && only) return [{ path: 'sitemap.xml', contents: file(only) }]

  const files: SitemapFile[] = []
  const index: { url: string; lastmod?: string }[] = []
  for (const [i, part] of chunks.entries()) {
    const path = `${SITEMAP_CHILD_DIR}sitemap-${i + 1}.xml`
    files.push({ path, contents: file(part) })
    const latest = part.entries.reduce<number | undefined>(
      (max, e) => (e.time !== undefined && (max === undefined || e.time > max) ? e.time : max),
      undefined,
    )
    const url = absoluteUrl(site, path)
    index.push(latest === undefined ? { url } : { url, lastmod: new Date(latest).toISOString() })
  }
  return [{ path: 'sitemap.xml', contents: await renderSitemapIndex(index) }, ...files]
}
