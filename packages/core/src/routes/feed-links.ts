import type { ResolvedSite } from '../config/resolve-config.js'
import { absoluteUrl } from './absolute-url.js'
import type { FeedLink } from './views.js'

/** The three feed files of a listing, in the order readers should prefer them. */
export const FEED_FORMATS = [
  { file: 'rss.xml', type: 'application/rss+xml', label: 'RSS' },
  { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
  { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
] as const satisfies readonly { file: string; type: FeedLink['type']; label: string }[]

/** `feed/`, `kategori/politik/feed/`, or `` for the output folder itself. */
function normalizeFeedDir(feedDir: string): string {
  const trimmed = feedDir.replace(/^\/+|\/+$/g, '')
  return trimmed ? `${trimmed}/` : ''
}

type FeedFormat = (typeof FEED_FORMATS)[number]

/** The feed files of a feed folder, with their output paths and absolute URLs. */
export function feedFiles(
  site: ResolvedSite,
  feedDir: string,
): { format: FeedFormat; path: string; url: string }[] {
  const dir = normalizeFeedDir(feedDir)
  return FEED_FORMATS.map((format) => ({
    format,
    path: `${dir}${format.file}`,
    url: absoluteUrl(site, `${dir}${format.file}`),
  }))
}

/** One feed file of a feed folder. */
export type FeedFileInfo = ReturnType<typeof feedFiles>[number]

/**
 * The `<link rel="alternate">` targets of a listing's feeds, RSS first. `feedDir` is the
 * same folder as `generateFeeds`' `feedDir`: relative to the base path (`feed/`); a leading
 * slash is ignored, so `/feed/` is the same folder.
 */
export function feedLinks(site: ResolvedSite, feedDir: string, title: string): FeedLink[] {
  return feedFiles(site, feedDir).map(({ format, url }) => ({
    type: format.type,
    title: `${title} (${format.label})`,
    url,
  }))
}

/** The folder of a listing's feeds, as a site path: `/feed/` for the site, `/kategori/x/feed/` for a section. */
export const feedFolder = (listingPath: string): string => `${listingPath}feed/`
