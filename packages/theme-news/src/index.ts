import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { HelperContext, Theme } from '@warta/core'
import { createHelpers } from './helpers/index.js'
import { SHARE_NETWORKS, type ShareNetwork } from './helpers/share-url.js'
import { IMAGE_SIZES, THEME_IMAGES } from './image-slots.js'

export type { ThemeHelpers } from './helpers/index.js'
export { escapeHtml, SafeHtml } from './helpers/safe-html.js'
export type { ShareNetwork } from './helpers/share-url.js'
export { SHARE_NETWORKS } from './helpers/share-url.js'

/** Options of the news theme. Templates see them, with defaults filled in, as `theme`. */
export interface NewsThemeOptions {
  /** Share links under each article, in order. Default: WhatsApp, Facebook, X, Telegram, LinkedIn, e-mail. */
  share?: ShareNetwork[]
  /** Show the copy-link field under the share links. Default `true`. */
  copyLink?: boolean
  /** How many sections (from the home page's section blocks) to show. Default `6`. */
  homeSections?: number
  /** Articles per section block on the home page. Default `4`. */
  sectionSize?: number
  /** Stories shown as cards under the lead story on the home page. Default `2`. */
  secondaryCount?: number
  /** Stories in the home page's "latest" list, after the secondary ones. Default `6`. */
  latestCount?: number
  /** Show the build date in the masthead. Default `true`. */
  mastheadDate?: boolean
  /** Show reading time on article pages and lead cards. Default `true`. */
  readingTime?: boolean
  /** Show card images in listings. Default `true`. */
  cardImages?: boolean
  /** After each article, a box about each author who has a profile (role, bio or photo in `authors/`). Default `true`. */
  authorBox?: boolean
  /** Size of `site.logo` in CSS pixels, so the masthead does not shift while it loads. */
  logoWidth?: number
  logoHeight?: number
}

/** The folder holding layouts/, partials/, assets/ and i18n/: one up from src/ or dist/. */
export const themeDir: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Reads `i18n/<lang>.json` files into strings by language tag. */
export function loadStrings(
  dir: string = path.join(themeDir, 'i18n'),
): Record<string, Record<string, string>> {
  const strings: Record<string, Record<string, string>> = {}
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.json')) continue
    const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>
    strings[file.slice(0, -'.json'.length)] = Object.fromEntries(
      Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    )
  }
  return strings
}

function sourceDateEpoch(): number | undefined {
  const value = process.env.SOURCE_DATE_EPOCH
  return value && /^\d+$/.test(value) ? Number(value) * 1000 : undefined
}

/** The Warta news theme. */
export function newsTheme(options: NewsThemeOptions = {}): Theme {
  const share = (options.share ?? [...SHARE_NETWORKS]).filter((name) => {
    if ((SHARE_NETWORKS as readonly string[]).includes(name)) return true
    throw new Error(`newsTheme: unknown share network "${name}". Use any of: ${SHARE_NETWORKS.join(', ')}.`)
  })
  const resolved = {
    share,
    copyLink: options.copyLink ?? true,
    homeSections: options.homeSections ?? 6,
    sectionSize: options.sectionSize ?? 4,
    secondaryCount: options.secondaryCount ?? 2,
    latestCount: options.latestCount ?? 6,
    mastheadDate: options.mastheadDate ?? true,
    readingTime: options.readingTime ?? true,
    cardImages: options.cardImages ?? true,
    authorBox: options.authorBox ?? true,
    logoWidth: options.logoWidth,
    logoHeight: options.logoHeight,
    // Not an option: the `sizes` of the places whose width the layout fixes, for the picture partial.
    imageSizes: IMAGE_SIZES,
  }
  return {
    name: '@warta/theme-news',
    dir: themeDir,
    // Worker threads make the theme again from here, to render pages on every core.
    module: { url: import.meta.url, export: 'newsTheme', args: [options] },
    strings: loadStrings(),
    helpers: (context: HelperContext) => createHelpers(context, { now: sourceDateEpoch() }),
    options: resolved,
    // Core fills the front page with each story once, in the shape the home layout draws.
    frontPage: {
      latest: resolved.secondaryCount + resolved.latestCount,
      sections: resolved.homeSections,
      sectionSize: resolved.sectionSize,
    },
    usesBuildDate: resolved.mastheadDate,
    // A search page (layouts/search.hbs) and a search field in the masthead.
    search: true,
    images: THEME_IMAGES,
  }
}

export default newsTheme
