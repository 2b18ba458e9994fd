import type { Transform } from 'node:stream'
import {
  ErrorLevel,
  type IndexItem,
  normalizeURL,
  SitemapIndexStream,
  type SitemapItemLoose,
  SitemapItemStream,
  SitemapStream,
  streamToPromise,
} from 'sitemap'

/**
 * Runs items through one of the `sitemap` library's streams and returns the XML. The
 * library is stream-only, hence async. Validation problems are collected and thrown after
 * the stream has finished instead of being logged (the library's default) or thrown from
 * inside the stream, where nothing could catch them.
 */
async function render(stream: Transform, items: readonly unknown[], problems: Error[]): Promise<string> {
  const done = streamToPromise(stream)
  for (const item of items) stream.write(item)
  stream.end()
  const xml = (await done).toString('utf8')
  if (problems.length > 0)
    throw new Error(`Invalid sitemap entry: ${problems.map((p) => p.message).join('; ')}`)
  return xml
}

const NO_EXTENSIONS = { news: false, xhtml: false, image: false, video: false }

/** A `<urlset>` written by the library. Only the news and xhtml namespaces are declared, and only when asked. */
export function renderUrlset(
  origin: string,
  items: readonly SitemapItemLoose[],
  news = false,
  xhtml = false,
): Promise<string> {
  const problems: Error[] = []
  const stream = new SitemapStream({
    hostname: origin,
    level: ErrorLevel.THROW,
    errorHandler: (error) => problems.push(error),
    xmlns: { ...NO_EXTENSIONS, news, xhtml },
  })
  return render(stream, items, problems)
}

/** A `<sitemapindex>` written by the library. */
export function renderSitemapIndex(items: readonly IndexItem[]): Promise<string> {
  return render(new SitemapIndexStream({ level: ErrorLevel.THROW }), items, [])
}

/**
 * The `<url>` element the library writes for each item, to measure sizes before splitting.
 * `SitemapItemStream` pushes `<url>` as its own chunk at the start of each item.
 */
export async function renderUrlElements(
  origin: string,
  items: readonly SitemapItemLoose[],
): Promise<string[]> {
  const stream = new SitemapItemStream({ level: ErrorLevel.THROW })
  const elements: string[] = []
  let current: string[] = []
  stream.on('data', (chunk: string) => {
    if (chunk === '<url>' && current.length > 0) {
      elements.push(current.join(''))
      current = []
    }
    current.push(chunk)
  })
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve).on('error', reject)
  })
  for (const item of items) stream.write(normalizeURL(item, origin))
  stream.end()
  await ended
  if (current.length > 0) elements.push(current.join(''))
  return elements
}
