import type { ResolvedImages } from '../config/image-options.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import type { RoutedArticle, RoutedSite } from '../routes/route-site.js'
import { isExternal } from './collect-image-refs.js'
import { variantFile } from './encode-image.js'
import type { CardResult, CardTask } from './image-worker.js'
import { IMAGE_FOLDER } from './plan-variants.js'
import type { SourceUses } from './plan-work.js'
import type { ImageSite } from './run-image-stage.js'
import { type CardSpec, type CardText, planCard } from './share-card.js'
import { fontFilesKey } from './text-paths.js'

/** A card to draw, and who asked for it (for messages). */
export interface CardToDraw {
  spec: CardSpec
  task: CardTask
  owner: string
}

/** The cards and logo the site lacks, planned. */
export interface PlannedCards {
  /** Share cards of articles without a lead picture, by article id. */
  articles: Map<string, CardSpec>
  /** The site's card, when `site.image` is not set. */
  site?: CardSpec
  /** The publisher logo, when `site.publisher.logo` is not set. */
  logo?: CardSpec
  /** Those not already made. */
  toDraw: CardToDraw[]
  /** What a drawn card could not show, as warnings. */
  problems(card: CardToDraw, result: CardResult): Diagnostic[]
}

const hostOf = (url: string) => new URL(url).host

/** Whether an article's page has a picture of its own to share: a lead image made, or a remote one. */
const hasOwnPicture = (article: RoutedArticle, sources: ReadonlyMap<string, SourceUses>) =>
  article.image !== undefined &&
  (isExternal(article.image.src) ||
    [...sources.values()].some((s) =>
      s.uses.some((u) => u.ref.use === 'lead' && u.ref.owner === article.sourcePath),
    ))

/**
 * Plans the generated images: a share card per article without a picture (its headline under
 * the site's name), the site's card (without `site.image`) and a square logo (without
 * `site.publisher.logo`). Each is drawn only when `needed` says it is neither made nor on disk.
 */
export function planCards(
  site: RoutedSite,
  sources: ReadonlyMap<string, SourceUses>,
  options: {
    images: ResolvedImages
    site: ImageSite
    encoder: string
    filesDir: string
    needed: (spec: CardSpec) => boolean
  },
): PlannedCards {
  const fonts = fontFilesKey()
  const { site: config } = options
  const common = { siteName: config.title, domain: hostOf(config.url), colors: config.colors }
  const plan = (text: CardText) => planCard(text, options.encoder, fonts, IMAGE_FOLDER)
  const articles = new Map<string, CardSpec>()
  const owners = new Map<string, string>()
  if (options.images.articleCards)
    for (const article of site.articles) {
      if (hasOwnPicture(article, sources)) continue
      const spec = plan({ kind: 'article', headline: article.title, ...common })
      articles.set(article.id, spec)
      owners.set(spec.key, article.sourcePath)
    }
  const siteCard = config.image
    ? undefined
    : plan({ kind: 'site', description: config.description || undefined, ...common })
  const logo = config.publisherLogo ? undefined : plan({ kind: 'logo', ...common })
  const all = new Map<string, CardSpec>()
  for (const spec of [...articles.values(), ...(siteCard ? [siteCard] : []), ...(logo ? [logo] : [])])
    all.set(spec.key, spec)
  const toDraw = [...all.values()].filter(options.needed).map((spec) => ({
    spec,
    task: { card: spec.text, file: variantFile(options.filesDir, { key: spec.key, format: 'png' }) },
    owner: owners.get(spec.key) ?? config.configFile,
  }))
  return {
    articles,
    site: siteCard,
    logo,
    toDraw,
    problems: (card, result) => [
      ...(result.missing.length > 0
        ? [
            {
              file: card.owner,
              message: `The generated share card leaves out ${result.missing.map((c) => `"${c}"`).join(' ')}: its font has Latin letters only.`,
              hint: 'Give the article a photo, or set `site.image` (with `images.articleCards: false`) for a share image of your own.',
              ruleId: 'share-card-text' as const,
              severity: 'warning' as const,
            },
          ]
        : []),
      ...(result.failure
        ? [
            {
              file: card.owner,
              message: `The share card could not be drawn: ${result.failure.message}`,
              ruleId: 'build' as const,
              severity: 'error' as const,
            },
          ]
        : []),
    ],
  }
}
