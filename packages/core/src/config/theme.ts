import type { HelperDelegate } from 'handlebars'
import type { ResolvedSite } from './resolve-config.js'

/** Language strings: key → text, with `{name}` placeholders. */
export type Strings = Record<string, string>

/** What a theme's helpers are built from, once per build. */
export interface HelperContext {
  site: ResolvedSite
  /** The language strings in force (theme's, for the site's language, with the site's overrides). */
  strings: Strings
  /** Maps a site-relative path to a URL under the base path. */
  url(path: string): string
  /** Maps a theme asset name (e.g. `style.css`) to its hashed public URL. */
  asset(name: string): string
}

/**
 * The shape of a theme's front page: the top story, then `latest` stories, then a block per
 * navigation section with up to `sectionSize` of its newest stories not shown above. Blocks
 * with nothing new are left out; at most `sections` blocks are kept.
 */
export interface FrontPagePlan {
  /** Stories after the top one (the theme may split them, e.g. into cards and a list). Default `10`. */
  latest?: number
  /** Section blocks at most. Default: one per navigation section. */
  sections?: number
  /** Stories per section block. Default `4`. */
  sectionSize?: number
}

/**
 * A theme: Handlebars layouts and partials, helpers, static assets and language strings.
 * `@warta/theme-news` is one; a site can write its own.
 */
export interface Theme {
  /** Package or theme name, for messages. */
  name: string
  /** Absolute path of the theme folder, holding `layouts/`, `partials/` and `assets/`. */
  dir: string
  /** Language strings by language tag (`en`, `id`, `id-ID`…); `en` is the fallback. */
  strings: Record<string, Strings>
  /** Helpers the theme's templates use. */
  helpers?: (context: HelperContext) => Record<string, HelperDelegate>
  /** Theme-specific options, given to templates as `theme`. */
  options?: Record<string, unknown>
  /** How many stories the theme's front page shows, so core can fill it with each story once. */
  frontPage?: FrontPagePlan
  /**
   * Templates show the build's date (`site.today`, e.g. in a masthead). Core then passes it,
   * and every page changes once a day; leave it off and pages change only with their content.
   */
  usesBuildDate?: boolean
  /**
   * Where a worker thread finds this theme again, to render pages on every core: the module
   * (a file URL) and the function it exports that made the theme, with the arguments it was
   * called with (plain data). Without it, pages are rendered on worker threads only when the
   * site has a config file they can load, else on the main thread.
   */
  module?: ThemeModule
  /**
   * The theme has a search page (layout `search`, given `site.search`) and a search field.
   * Core then builds the Pagefind index and the page, unless the site sets `search: false`.
   * Default `false`: a theme without a search page gets no index.
   */
  search?: boolean
  /** How the theme shows pictures, for what core writes itself (body pictures, share cards). */
  images?: ThemeImages
}

/** See `Theme.module`. */
export interface ThemeModule {
  url: string
  export: string
  args: unknown[]
}

/** The colours of a generated share card or logo (CSS hex colours). */
export interface CardColors {
  background: string
  text: string
  accent: string
  muted: string
}

/** What core needs to know of a theme's pictures. */
export interface ThemeImages {
  /**
   * `sizes` of pictures in article bodies, matching the theme's CSS for them (core writes the
   * body's `<picture>` elements), e.g. `(min-width: 43rem) 40rem, calc(100vw - 2rem)`. Default `100vw`.
   */
  bodySizes?: string
  /**
   * The widest a lead image and a body image are shown, in CSS pixels: a photo narrower than
   * that is shown upscaled (the `image-upscaled` check).
   */
  widths?: { lead?: number; body?: number }
  /** Colours of the generated share cards and logo. Default: white on near-black with a red rule. */
  card?: Partial<CardColors>
}

/** Picks strings for a language tag: exact tag, then its primary language, then English; overrides on top. */
export function resolveStrings(theme: Theme, lang: string, overrides: Strings = {}): Strings {
  const primary = lang.split('-')[0] ?? lang
  return {
    ...theme.strings.en,
    ...theme.strings[primary],
    ...theme.strings[lang],
    ...overrides,
  }
}
