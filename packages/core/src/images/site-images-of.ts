import type { ResolvedImages } from '../config/image-options.js'
import { imageMediaType } from '../outputs/media-type.js'
import type { RoutedArticle, RoutedSite } from '../routes/route-site.js'
import type { SiteImages } from '../routes/site-images.js'
import { createUrlFor } from '../routes/to-views.js'
import type { ImageView, SharedImage } from '../routes/views.js'
import { hashText } from '../util/hash.js'
import { bodyPictures, pictureKey } from './body-pictures.js'
import { variantFile } from './encode-image.js'
import type { ImageCache } from './image-cache.js'
import type { VariantSpec } from './image-types.js'
import { type ImageUrls, type MadePicture, sharedImage, toImageView } from './image-views.js'
import type { PlannedCards } from './plan-cards.js'
import { baseNameOf, IMAGE_FOLDER, specsOf } from './plan-variants.js'
import type { SourceUses } from './plan-work.js'
import type { ImageSite } from './run-image-stage.js'

/** A file of the image stage for the build's output: made (in the cache), a source served as it is, or current on disk. */
export interface ImageFile {
  path: string
  key: string
  from?: string
}

/** The source file served as it is while its pictures are made (the preview). */
const pendingSpec = (source: SourceUses): VariantSpec => {
  const extension = source.info.format === 'jpeg' ? 'jpg' : source.info.format
  return {
    key: `pending:${source.info.hash}`,
    path: `${IMAGE_FOLDER}/${baseNameOf(source.info.file)}-${source.info.hash.slice(0, 10)}.${extension}`,
    format: source.info.format,
    copy: true,
    width: source.info.width,
    height: source.info.height,
  }
}

/** Every output file of the stage's pictures and cards. */
export function imageFiles(
  sources: ReadonlyMap<string, SourceUses>,
  cards: PlannedCards,
  options: {
    cache: ImageCache
    pendingFiles: ReadonlySet<string>
    ready: (key: string) => boolean
    isCurrent?: (outputPath: string, key: string) => boolean
  },
): ImageFile[] {
  const files = new Map<string, ImageFile>()
  const add = (spec: VariantSpec, from: string) =>
    files.set(
      spec.path,
      options.isCurrent?.(spec.path, spec.key)
        ? { path: spec.path, key: spec.key }
        : { path: spec.path, key: spec.key, from },
    )
  for (const source of sources.values()) {
    if (options.pendingFiles.has(source.info.file)) {
      add(pendingSpec(source), source.absolute)
      continue
    }
    for (const { plan } of source.uses)
      for (const spec of specsOf(plan))
        add(spec, spec.copy ? source.absolute : variantFile(options.cache.filesDir, spec))
  }
  for (const spec of [...cards.articles.values(), cards.site, cards.logo]) {
    if (!spec || !options.ready(spec.key)) continue
    add({ ...spec, format: 'png' }, variantFile(options.cache.filesDir, { key: spec.key, format: 'png' }))
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** The stage's results as the pages, feeds, structured data and checks read them (see `SiteImages`). */
export function assembleSiteImages(
  site: RoutedSite,
  sources: ReadonlyMap<string, SourceUses>,
  cards: PlannedCards,
  options: {
    cache: ImageCache
    site: ImageSite
    images: ResolvedImages
    bodySizes: string
    pendingFiles: ReadonlySet<string>
  },
): SiteImages {
  const urlFor = createUrlFor(options.site.basePath)
  const urls: ImageUrls = { url: urlFor, absolute: (p) => new URL(urlFor(p), `${options.site.url}/`).href }
  const kind = options.images.placeholder
  const made = (source: SourceUses, use: SourceUses['uses'][number]): MadePicture => ({
    info: source.info,
    plan: use.plan,
    placeholder: kind ? options.cache.placeholder(source.info.hash, kind) : undefined,
    pending: options.pendingFiles.has(source.info.file) ? pendingSpec(source) : undefined,
  })
  const leads = new Map<string, ImageView>()
  const bodies = new Map<string, Map<string, ImageView>>()
  const photos = new Map<string, ImageView>()
  let siteShare: SharedImage | undefined
  let logo: SharedImage | undefined
  const byPath = new Map(site.articles.map((a) => [a.sourcePath, a]))
  for (const source of sources.values()) {
    for (const use of source.uses) {
      const { ref } = use
      const article = byPath.get(ref.owner)
      if (ref.use === 'lead' && article?.image) {
        leads.set(article.id, toImageView(article.image, made(source, use), urls))
      } else if (ref.use === 'photo' && article) {
        const alt = article.record.images.find((i) => i.url === ref.src)?.alt
        const body = bodies.get(article.id) ?? new Map<string, ImageView>()
        body.set(pictureKey(ref.src), toImageView({ src: ref.src, alt }, made(source, use), urls))
        bodies.set(article.id, body)
      } else if (ref.use === 'portrait') {
        photos.set(ref.src, toImageView({ src: ref.src }, made(source, use), urls))
      } else if (ref.use === 'share' && use.plan.share) {
        siteShare = sharedImage(use.plan.share, urls)
      } else if (ref.use === 'as-is' && ref.src === options.site.publisherLogo && use.plan.copy) {
        logo = sharedImage(use.plan.copy, urls)
      }
    }
  }
  const card = (spec: { path: string; width: number; height: number } | undefined) =>
    spec && { url: urls.absolute(`/${spec.path}`), width: spec.width, height: spec.height }
  siteShare ??= card(cards.site)
  logo ??= card(cards.logo)
  const keys = new Map<string, string>()
  const articleKey = (article: RoutedArticle) => {
    let key = keys.get(article.id)
    if (key === undefined) {
      const body = bodies.get(article.id)
      key = hashText(
        JSON.stringify([
          leads.get(article.id) ?? null,
          body ? [...body] : null,
          cards.articles.get(article.id)?.path ?? null,
        ]),
      )
      keys.set(article.id, key)
    }
    return key
  }
  const remoteShare = (article: RoutedArticle): SharedImage | undefined => {
    const image = article.image
    if (!image?.width || !image.height || !/^https?:/i.test(image.src)) return undefined
    return {
      url: new URL(image.src).href,
      width: image.width,
      height: image.height,
      ...(image.alt ? { alt: image.alt } : {}),
    }
  }
  return {
    lead: (article) => leads.get(article.id) ?? remoteLead(article),
    articleShare: (article) =>
      leads.get(article.id)?.share ??
      remoteShare(article) ??
      card(cards.articles.get(article.id)) ??
      siteShare,
    siteShare,
    logo,
    photo: (src) => photos.get(src),
    bodyImage: (article, url) => bodies.get(article.id)?.get(pictureKey(url)),
    bodyHtml: async (article, html) =>
      bodyPictures(html, bodies.get(article.id) ?? new Map(), options.bodySizes),
    articleKey,
    siteKey: hashText(JSON.stringify([siteShare ?? null, logo ?? null, options.bodySizes])),
  }
}

/** A remote lead image, as front matter gives it (with its stated size): Warta does not fetch it. */
function remoteLead(article: RoutedArticle): ImageView | undefined {
  const image = article.image
  if (!image || !/^https?:/i.test(image.src)) return undefined
  const file = {
    url: new URL(image.src).href,
    ...(image.width && image.height ? { width: image.width, height: image.height } : {}),
    ...(image.alt ? { alt: image.alt } : {}),
    type: imageMediaType(image.src),
  }
  return {
    src: image.src,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
    url: image.src,
    width: image.width,
    height: image.height,
    sources: [],
    file,
    crops: [],
  }
}
