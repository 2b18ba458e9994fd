import type { Position } from '../errors/diagnostic.js'
import type { RoutedArticle, RoutedSite } from '../routes/route-site.js'
import type { ImageUse } from './plan-variants.js'

/** One place that names a picture. */
export interface ImageRef {
  /** As written. */
  src: string
  use: ImageUse
  /** Where crops keep their centre (front matter `image.focus`). */
  focus?: [number, number]
  /** The file that names it, relative to the site root, and where in it. */
  owner: string
  place?: Position
  /** Folder (relative to the site root) that relative paths are looked up in first: the article's. */
  folder?: string
  /** A picture that cannot be made fails the build (`error`) or is left as written (`warning`, body images). */
  severity: 'error' | 'warning'
}

/** The site-wide pictures the config names. */
export interface SiteImageSources {
  /** `site.image`. */
  image?: string
  /** `site.logo` (the masthead). */
  logo?: string
  /** `site.publisher.logo.src`. */
  publisherLogo?: string
  /** The config file, relative to the site root, for messages. */
  configFile: string
}

/** Pictures not made by Warta: remote URLs, `data:` URLs. */
export const isExternal = (src: string): boolean => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(src.trim())

const folderOf = (sourcePath: string) => sourcePath.split('/').slice(0, -1).join('/')

/** The pictures one article names: its lead image, its body's, its authors' photos. */
export function articleImageRefs(article: RoutedArticle): ImageRef[] {
  const refs: ImageRef[] = []
  const folder = folderOf(article.sourcePath)
  if (article.image && !isExternal(article.image.src))
    refs.push({
      src: article.image.src,
      use: 'lead',
      focus: article.image.focus,
      owner: article.sourcePath,
      place: article.record.positions.image,
      folder,
      severity: 'error',
    })
  for (const image of article.record.images) {
    if (isExternal(image.url) || image.url.trim() === '') continue
    refs.push({
      src: image.url,
      use: 'photo',
      owner: article.sourcePath,
      place: image.line ? { line: image.line, column: image.column ?? 1 } : undefined,
      folder,
      severity: 'warning',
    })
  }
  for (const author of article.authors) {
    if (!author.photo || !author.id || isExternal(author.photo)) continue
    refs.push({ src: author.photo, use: 'portrait', owner: `authors/${author.id}`, severity: 'warning' })
  }
  return refs
}

/** Every picture the site names, articles first, in a stable order. */
export function collectImageRefs(site: RoutedSite, sources: SiteImageSources): ImageRef[] {
  const refs = site.articles.flatMap(articleImageRefs)
  const fromConfig = (src: string | undefined, use: ImageUse) =>
    src && !isExternal(src) ? [{ src, use, owner: sources.configFile, severity: 'error' as const }] : []
  return [
    ...refs,
    ...fromConfig(sources.image, 'share'),
    ...fromConfig(sources.logo, 'as-is'),
    ...fromConfig(sources.publisherLogo, 'as-is'),
  ]
}
