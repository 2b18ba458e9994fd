import type { Position } from '../errors/diagnostic.js'
import type { RoutedArticle } from '../routes/route-site.js'
import { NO_IMAGES, type SiteImages } from '../routes/site-images.js'

/** What every check reads about the site, worked out once per run. */
export interface QualitySite {
  /** `https://news.example`. */
  origin: string
  /** Host (with port) of the site, lower case: links to it are internal whatever their scheme. */
  host: string
  /** Starts and ends with `/`. */
  basePath: string
  outputPaths: ReadonlySet<string>
  /** The pictures as the image stage made them. */
  images: SiteImages
  imageWidths: { lead?: number; body?: number }
  /** The absolute URL of an article's page. */
  pageUrl(article: RoutedArticle): string
  /** An output page whose folder is named like the last segment of `sitePath`, when exactly one is. */
  suggest(sitePath: string): string | undefined
}

/** Creates the shared view of the site for one run of the checks. */
export function createQualitySite(options: {
  siteUrl: string
  basePath: string
  outputPaths: ReadonlySet<string>
  images?: SiteImages
  imageWidths?: { lead?: number; body?: number }
}): QualitySite {
  const url = new URL(options.siteUrl)
  const basePath = `/${options.basePath.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/')
  let pagesByName: Map<string, string[]> | undefined
  return {
    origin: url.origin,
    host: url.host,
    basePath,
    outputPaths: options.outputPaths,
    images: options.images ?? NO_IMAGES,
    imageWidths: options.imageWidths ?? {},
    pageUrl: (article) => new URL(`${url.origin}${basePath}${article.path.replace(/^\/+/, '')}`).href,
    suggest(sitePath) {
      pagesByName ??= indexPages(options.outputPaths)
      const name =
        sitePath
          .replace(/\/index\.html$|\.html$|\/$/, '')
          .split('/')
          .pop() ?? ''
      const found = pagesByName.get(name)
      return found?.length === 1 ? found[0] : undefined
    },
  }
}

/** Output pages (`a/b/index.html`) by folder name, as site paths (`a/b/`). */
function indexPages(outputPaths: ReadonlySet<string>): Map<string, string[]> {
  const byName = new Map<string, string[]>()
  for (const output of outputPaths) {
    const folder = /^(?:.*\/)?([^/]+)\/index\.html$/.exec(output)
    if (!folder?.[1]) continue
    const list = byName.get(folder[1]) ?? []
    list.push(output.slice(0, -'index.html'.length))
    byName.set(folder[1], list)
  }
  return byName
}

/** Where a front matter key is written, falling back to the title, the key every article has. */
export function placeOfKey(article: RoutedArticle, key: string): Position | undefined {
  return article.record.positions[key] ?? article.record.positions.title
}
