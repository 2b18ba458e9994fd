import type { ThemeImages } from '@warta/core'

/**
 * The width each picture is shown at, as `sizes` for its `srcset`: one entry per place in the
 * layout, read from assets/style.css (the wrap is 76rem with 1rem, from 40rem 1.5rem, of
 * padding; an article is 43rem with the same padding, so its column is 40rem at most).
 * A browser picks the file from this before any CSS has loaded, so it must match the CSS:
 * when a layout changes, change its entry here.
 */
export const IMAGE_SIZES = {
  /** An article's lead image and body pictures: the article column. */
  article: '(min-width: 43rem) 40rem, (min-width: 40rem) calc(100vw - 3rem), calc(100vw - 2rem)',
  /**
   * Cards by where they stand (the card partial's `slot`). On phones every card but the lead is
   * a 7rem thumbnail cropped to 4:3, so a 3:2 photo is drawn 8rem wide.
   */
  cards: {
    /** The top story of the front page (the main column, 2/3 of the wrap from 64rem) and of a listing. */
    lead: '(min-width: 76rem) 47rem, (min-width: 64rem) 62vw, (min-width: 40rem) calc(100vw - 3rem), calc(100vw - 2rem)',
    /** The front page's stories under the top one: two to a row, in the main column or across the wrap. */
    secondary: '(min-width: 76rem) 36rem, (min-width: 40rem) calc(50vw - 2.25rem), 8rem',
    /** Listings and the front page's sections: three to a row from 64rem, two from 40rem. */
    grid: '(min-width: 76rem) 23rem, (min-width: 64rem) calc(33vw - 2rem), (min-width: 40rem) calc(50vw - 2.25rem), 8rem',
    /** "Read also" under an article: four to a row from 64rem, two from 40rem. */
    related:
      '(min-width: 76rem) 18rem, (min-width: 64rem) calc(25vw - 2rem), (min-width: 40rem) calc(50vw - 2.25rem), 8rem',
  },
} as const

/** The widest, in CSS pixels, the article column shows a picture: a photo narrower is upscaled. */
const ARTICLE_WIDTH = 640

/** What core needs of the theme's pictures: the body's `sizes`, the article column's width, the card colours. */
export const THEME_IMAGES: ThemeImages = {
  bodySizes: IMAGE_SIZES.article,
  widths: { lead: ARTICLE_WIDTH, body: ARTICLE_WIDTH },
  // The masthead's colours: white type on the near-black bar, the accent rule in red.
  card: { background: '#161616', text: '#f2f2f2', accent: '#b3121f', muted: '#bdbdbd' },
}
