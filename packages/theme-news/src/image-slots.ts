import type { ThemeImages } from '@warta/core'

/*
 * The width each picture is shown at, as the `sizes` of its `srcset`, read from assets/style.css.
 * A browser picks the file from `sizes` before it has laid out the page, so they must match the
 * CSS: when a layout changes, change it here. The wrap is 76rem wide with 1rem of padding (1.5rem
 * from 40rem); an article is 43rem with the same padding, so its column is 40rem at most.
 */

/** The wrap's width without its padding, in CSS px: at 76rem and over, and as `100vw - N` below. */
const WRAP = 1168
const WRAP_PADDING = 48

/** `sizes` of the places whose width is fixed by the layout. */
export const IMAGE_SIZES = {
  /** An article's lead image and body pictures: the article column. */
  article: '(min-width: 43rem) 40rem, (min-width: 40rem) calc(100vw - 3rem), calc(100vw - 2rem)',
  /** The top story of the front page (the main column, 2/3 of the wrap from 64rem) and of a listing. */
  lead: '(min-width: 76rem) 47rem, (min-width: 64rem) 62vw, (min-width: 40rem) calc(100vw - 3rem), calc(100vw - 2rem)',
  /** Author portraits: in the author box, and at the head of an author's page. */
  authorBox: '4.5rem',
  authorProfile: '(min-width: 64rem) 10rem, 7rem',
} as const

/**
 * Rows of cards that fill themselves (style.css: `--per-row` to a row, and the last row's items
 * share its width): per place, the gap and how many to a row from 0, 40rem and 64rem.
 */
const ROWS = {
  /** The front page's stories under the top one, in its main column. */
  secondary: { gap: 24, perRow: [1, 2, 2] },
  /** The front page's section blocks (a block's first card is as wide as the block). */
  sections: { gap: 32, perRow: [1, 2, 3] },
  /** A listing's stories after its lead. */
  listing: { gap: 24, perRow: [1, 2, 3] },
  /** "Read also" under an article. */
  related: { gap: 24, perRow: [1, 2, 4] },
} as const

/** Where a card stands. */
export type CardSlot = keyof typeof ROWS | 'lead'

/** How many items share the row of the `index`th of `count`, `perRow` to a row. */
function rowShare(index: number, count: number, perRow: number): number {
  const full = Math.floor(count / perRow) * perRow
  return index < full ? perRow : count - full
}

const px = (n: number) => `${Math.round(n * 100) / 100}px`

/**
 * The `sizes` of the picture of the `index`th of `count` cards in a row of `slot`. A card's width
 * depends on how many share its row, which changes with the screen's width. `mainColumn`: the
 * row sits in the front page's main column (the latest list beside it from 64rem). On phones
 * every card but a lead is a 7rem thumbnail cropped to 4:3, so a 3:2 photo is drawn 8rem wide.
 */
export function cardSizes(slot: CardSlot, index = 0, count = 1, mainColumn = false): string {
  if (slot === 'lead') return IMAGE_SIZES.lead
  const { gap, perRow } = ROWS[slot]
  const at = (step: 1 | 2, vw: number, minus: number, scale: number) => {
    const share = rowShare(index, count, perRow[step] as number)
    // A container of `scale` × (100vw − minus): the share's width is (container − gaps) / share.
    return `calc(${Math.round(((scale * vw) / share) * 100) / 100}vw - ${px((scale * minus + (share - 1) * gap) / share)})`
  }
  const wide = (() => {
    const container = mainColumn ? ((WRAP - 40) * 2) / 3 : WRAP
    const share = rowShare(index, count, perRow[2] as number)
    return px((container - (share - 1) * gap) / share)
  })()
  const desktop = mainColumn ? at(2, 100, WRAP_PADDING + 40, 2 / 3) : at(2, 100, WRAP_PADDING, 1)
  const tablet = at(1, 100, WRAP_PADDING, 1)
  return `(min-width: 76rem) ${wide}, (min-width: 64rem) ${desktop}, (min-width: 40rem) ${tablet}, 8rem`
}

/** The widest, in CSS pixels, the article column shows a picture: a photo narrower is upscaled. */
const ARTICLE_WIDTH = 640

/** What core needs of the theme's pictures: the body's `sizes`, the article column's width, the card colours. */
export const THEME_IMAGES: ThemeImages = {
  bodySizes: IMAGE_SIZES.article,
  widths: { lead: ARTICLE_WIDTH, body: ARTICLE_WIDTH },
  // The masthead's colours: white type on the near-black bar, the accent rule in red.
  card: { background: '#161616', text: '#f2f2f2', accent: '#b3121f', muted: '#bdbdbd' },
}
