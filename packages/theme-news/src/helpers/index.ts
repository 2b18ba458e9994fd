import type { HelperContext, Theme } from '@warta/core'
import { type CardSlot, cardSizes } from '../image-slots.js'
import { cssVars } from './css-vars.js'
import { withDateline } from './dateline.js'
import { excerpt } from './excerpt.js'
import { createDateFormatter, type DateStyle, isNewsDate } from './format-date.js'
import { type HelperOptions, splitArgs } from './options.js'
import { pageItems } from './page-items.js'
import {
  is,
  isArticleSection,
  isCurrentListing,
  isListingLead,
  isPaged,
  isPaywalled,
  isRetracted,
  isSiteLanguage,
  liveHighlights,
} from './page-state.js'
import { cardLayout, frontPage, rootOf } from './page-views.js'
import { isShareNetwork, shareUrl } from './share-url.js'
import { translate } from './translate.js'

/** Helpers the news theme registers; each returns plain text (escaped by Handlebars) or SafeHtml it escaped itself. */
export type ThemeHelpers = ReturnType<NonNullable<Theme['helpers']>>

/** What the helpers need beyond core's `HelperContext`. */
export interface HelperSettings {
  /** The instant the masthead date shows; default: when the helpers were made. */
  now?: number
}

const FEED_LABELS: Record<string, string> = {
  'application/rss+xml': 'RSS',
  'application/atom+xml': 'Atom',
  'application/feed+json': 'JSON Feed',
}

const text = (value: unknown): string => (value == null ? '' : String(value))

/** Makes the theme's helpers for one build. */
export function createHelpers(context: HelperContext, settings: HelperSettings = {}): ThemeHelpers {
  const { site, strings } = context
  const formatDate = createDateFormatter(site.lang, site.timezone, strings)
  const now = settings.now ?? Date.now()
  const absoluteUrl = (path: unknown): string => {
    const value = text(path)
    try {
      return new URL(value, `${site.url}/`).href
    } catch {
      return value
    }
  }

  return {
    /** `{{formatDate article.published "long"}}`: long | short | time | datetime | short-datetime | iso-date. */
    formatDate(...args: unknown[]): string {
      const { params } = splitArgs(args)
      const [date, style] = params
      if (!isNewsDate(date) && typeof date !== 'number') return ''
      return formatDate(date, (typeof style === 'string' ? style : 'long') as DateStyle)
    },

    /**
     * The masthead's date: `{{today "long"}}`. Uses `site.today` from the page context when
     * core gives one, else the time the helpers were made (SOURCE_DATE_EPOCH when set).
     * `{{today "zone"}}` is the site's time zone, for the script that updates the date.
     */
    today(...args: unknown[]): string {
      const { params, options } = splitArgs(args)
      const [style] = params
      if (style === 'zone') return site.timezone
      const given = (options.data?.root as { site?: { today?: unknown } } | undefined)?.site?.today
      const date = isNewsDate(given) ? given : now
      return formatDate(date, (typeof style === 'string' ? style : 'long') as DateStyle)
    },

    /** `{{t "article.readingTime" minutes=4}}`: a language string with `{name}` placeholders filled. */
    t(key: unknown, options: HelperOptions): string {
      return translate(strings, text(key), options?.hash ?? {})
    },

    /** `{{url "/tentang/"}}`: a site path under the base path; absolute URLs pass through. */
    url(path: unknown): string {
      return context.url(text(path))
    },

    /** `{{absoluteUrl page.url}}`: a URL path (base path included) as an absolute URL. */
    absoluteUrl,

    /** `{{asset "style.css"}}`: the hashed URL of a theme asset. */
    asset(name: unknown): string {
      return context.asset(text(name))
    },

    /** `{{readingTime article}}` or `{{readingTime 4}}` → "4 menit baca". */
    readingTime(value: unknown): string {
      const minutes =
        typeof value === 'number'
          ? value
          : Number((value as { readingTime?: unknown } | null)?.readingTime ?? 1)
      return translate(strings, 'article.readingTime', { minutes: Math.max(1, Math.round(minutes) || 1) })
    },

    /** `{{excerpt text 140}}`: shortened at a word boundary. */
    excerpt(...args: unknown[]): string {
      const [value, length] = splitArgs(args).params
      return excerpt(text(value), typeof length === 'number' ? length : 160)
    },

    /** `{{json value}}`: JSON text (escaped by Handlebars like any text). */
    json(value: unknown): string {
      return JSON.stringify(value ?? null)
    },

    /** `{{add a b}}`: a sum, for list positions. */
    add: (a: unknown, b: unknown) => (Number(a) || 0) + (Number(b) || 0),
    eq: (a: unknown, b: unknown) => a === b,
    ne: (a: unknown, b: unknown) => a !== b,
    gt: (a: unknown, b: unknown) => Number(a) > Number(b),
    not: (a: unknown) => !a || (Array.isArray(a) && a.length === 0),
    and: (...args: unknown[]) => splitArgs(args).params.every(Boolean),
    or: (...args: unknown[]) => splitArgs(args).params.find(Boolean) ?? false,

    /** `{{concat "icons/" network}}`: joins values into one string, for dynamic partial names and keys. */
    concat: (...args: unknown[]) => splitArgs(args).params.map(text).join(''),

    /** `{{#each (slice home.latest 0 5)}}`: part of a list. */
    slice(list: unknown, start: unknown, end?: unknown): unknown[] {
      if (!Array.isArray(list)) return []
      return list.slice(Number(start) || 0, typeof end === 'number' ? end : undefined)
    },

    /** `{{#each (shareLinks @root.article)}}`: the theme's share links for the article, in order. */
    shareLinks(article: unknown, options: HelperOptions) {
      const networks = (rootOf(options).theme as { share?: unknown } | undefined)?.share
      if (!Array.isArray(networks)) return []
      const a = (article ?? {}) as { url?: unknown; title?: unknown }
      return networks.filter(isShareNetwork).map((network) => ({
        network,
        href: shareUrl(network, absoluteUrl(a.url), text(a.title)),
        label: translate(strings, `share.${network}`),
        icon: `icons/${network}`,
      }))
    },

    /** `{{archiveUrl}}`: the archive of every story, in the site's language (`/arsip/`). */
    archiveUrl(): string {
      return context.url(`/${strings['route.archive'] ?? 'archive'}/`)
    },

    /** `(isCurrentPage crumb.url)`: an absolute URL is the page's own (breadcrumbs mark it). */
    isCurrentPage(url: unknown, options: HelperOptions): boolean {
      return url === absoluteUrl(rootOf(options).page?.url)
    },

    is,
    isCurrentListing,
    isArticleSection,
    isSiteLanguage,
    isPaged,
    isPaywalled,
    isRetracted,
    isListingLead,
    liveHighlights,
    cardLayout,
    frontPage,

    /**
     * `(cardSizes "listing" @index ../articles.length)`: the `sizes` of a card's picture, from where
     * it stands and how many share its row (see image-slots.ts). A fourth argument that is true
     * (`../latest.length`) puts the row in the front page's main column; in a listing, pass
     * whether the page is its first (`../pagination.first`, where the newest story is the lead),
     * so that lead is not counted in the rows.
     */
    cardSizes(...args: unknown[]): string {
      const [slot, index, count, extra] = splitArgs(args).params
      const i = typeof index === 'number' ? index : 0
      const n = typeof count === 'number' ? count : 1
      if (slot === 'listing' && extra === true) return cardSizes('listing', i - 1, n - 1)
      return cardSizes(slot as CardSlot, i, n, slot === 'secondary' && Boolean(extra))
    },

    /** `{{shareUrl "whatsapp" article}}`: the network's share link for the article. */
    shareUrl(network: unknown, article: unknown): string {
      if (!isShareNetwork(network)) return ''
      const a = (article ?? {}) as { url?: unknown; title?: unknown }
      return shareUrl(network, absoluteUrl(a.url), text(a.title))
    },

    /** `{{withDateline article}}`: the sanitized body with the escaped dateline leading the first paragraph. */
    withDateline(article: unknown) {
      const a = (article ?? {}) as { html?: unknown; dateline?: unknown; lang?: unknown }
      return withDateline(
        text(a.html),
        typeof a.dateline === 'string' ? a.dateline : undefined,
        text(a.lang) || site.lang,
      )
    },

    /** `{{cssVars site.colors}}`: custom property declarations for `<style>:root{…}</style>`. */
    cssVars,

    /** `{{#each (pageItems listing.pagination)}}`: page links with gaps for long listings. */
    pageItems(pagination: unknown) {
      return pageItems(pagination as Parameters<typeof pageItems>[0])
    },

    /** `{{feedLabel type}}`: RSS, Atom or JSON Feed. */
    feedLabel(type: unknown): string {
      return FEED_LABELS[text(type)] ?? text(type)
    },

    /** `{{ogLocale site.lang}}`: `id-ID` → `id_ID`. */
    ogLocale(lang: unknown): string {
      return text(lang).replace('-', '_')
    },
  }
}
