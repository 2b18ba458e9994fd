import type { CardView, PageContext } from '@warta/core'
import { excerpt } from './excerpt.js'
import type { HelperOptions } from './options.js'

/** The theme's options as templates see them (`theme` in the page context). */
export interface ThemeView {
  cardImages?: boolean
  readingTime?: boolean
  secondaryCount?: number
  latestCount?: number
  homeSections?: number
  sectionSize?: number
}

/** The page context a helper was called in. */
export const rootOf = (options: HelperOptions | undefined): Partial<PageContext> =>
  (options?.data?.root ?? {}) as Partial<PageContext>

const themeOf = (options: HelperOptions | undefined): ThemeView => (rootOf(options).theme ?? {}) as ThemeView

const count = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : fallback

/** How big a card is drawn: the lead story, a standard card with picture, or a headline only. */
export type CardSize = 'lead' | 'standard' | 'compact'

/** What the card partial receives: the story, how it is drawn, and what of it to show. */
export interface CardLayout {
  size?: CardSize
  /** Show the picture: the story has one, the site shows card pictures, and the card is not compact. */
  showImage: boolean
  /** The section label, unless the card sits in its own section's block or listing. */
  showSection: boolean
  /** The line above the headline: the live badge of a live blog and the section label. */
  showKicker: boolean
  /** The excerpt, shortened for the card's size; empty on compact cards. */
  teaser: string
  /** The first author's name, on all but compact cards. */
  showAuthor: boolean
  /** `formatDate` style of the card's date: with the time of day in "latest" lists. */
  dateStyle: 'short' | 'short-datetime'
  /** The reading time, on the lead card when the theme shows reading times. */
  showReadingTime: boolean
}

/** Card partial parameters, as `{{> card size=… hideSection=… time=…}}` merges them into the card. */
type CardInput = CardView & { size?: CardSize; hideSection?: boolean; time?: boolean }

/** `{{#with (cardLayout this)}}` in the card partial: the story with what its size shows. */
export function cardLayout<T extends CardInput>(card: T, options?: HelperOptions): T & CardLayout {
  const theme = themeOf(options)
  const compact = card.size === 'compact'
  const teaserLength = card.size === 'lead' ? 240 : 150
  const showSection = Boolean(card.category && !card.hideSection)
  return {
    ...card,
    showImage: Boolean(card.image && theme.cardImages && !compact),
    showSection,
    showKicker: showSection || card.live === true,
    teaser: !compact && card.excerpt ? excerpt(card.excerpt, teaserLength) : '',
    showAuthor: !compact && card.authors.length > 0,
    dateStyle: card.time ? 'short-datetime' : 'short',
    showReadingTime: card.size === 'lead' && Boolean(theme.readingTime),
  }
}

/** One section block of the front page. */
export interface FrontSection {
  section: NonNullable<PageContext['home']>['sections'][number]['section']
  /** The stories the block shows; the first is drawn with its picture. */
  stories: CardView[]
}

/** The front page as the home layout draws it. */
export interface FrontPage {
  lead?: CardView
  /** Cards under the lead story (`secondaryCount`). */
  secondary: CardView[]
  /** The "latest" list beside them (`latestCount`). */
  latest: CardView[]
  sections: FrontSection[]
}

/**
 * `{{#with (frontPage home)}}`: core's home view (each story once, in the counts the theme's
 * `frontPage` plan asked for) split into the lead, the cards under it and the "latest" list.
 */
export function frontPage(home: PageContext['home'], options?: HelperOptions): FrontPage {
  const theme = themeOf(options)
  const secondaryCount = count(theme.secondaryCount, 2)
  const latestCount = count(theme.latestCount, 6)
  const latest = home?.latest ?? []
  return {
    lead: home?.top,
    secondary: latest.slice(0, secondaryCount),
    latest: latest.slice(secondaryCount, secondaryCount + latestCount),
    sections: (home?.sections ?? []).map((block) => ({ section: block.section, stories: block.articles })),
  }
}
