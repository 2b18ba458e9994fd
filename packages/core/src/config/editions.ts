import { WartaConfigError } from '../errors/build-error.js'
import type { ResolvedSite } from './resolve-config.js'
import { resolveStrings, type Strings, type Theme } from './theme.js'
import type { EditionOptions, PermalinkOptions } from './types.js'

/** The listing URL patterns after defaults (see `PermalinkOptions`). */
export interface ResolvedPermalinks {
  article: string
  category: string
  tag: string
  author: string
}

/** One edition of a site in several languages, after defaults (see `WartaConfig.languages`). */
export interface ResolvedEdition {
  /** The key in `languages`, e.g. `en`. */
  key: string
  /** The first edition, served at the base path. */
  isDefault: boolean
  /** The edition's name in its own language, for the language switch. */
  label: string
  /** Where its files go in the output folder: `` for the default edition, `en/` for the others. */
  prefix: string
  /** The site as the edition's pages see it: its language, title, and `basePath`/`url` with the prefix. */
  site: ResolvedSite
  /** The theme's strings for the edition's language, with its overrides. */
  strings: Strings
  permalinks: ResolvedPermalinks
  /** The edition's search page, as a site path below its prefix. */
  searchPath: string
}

/** The listing patterns of a language's strings, where the config sets none. */
export function resolvePermalinks(
  options: PermalinkOptions | undefined,
  strings: Strings,
): ResolvedPermalinks {
  const route = (key: string, fallback: string) => `/${strings[`route.${key}`] ?? fallback}/:slug/`
  return {
    article: options?.article ?? '/:year/:month/:day/:slug/',
    category: options?.category ?? route('category', 'category'),
    tag: options?.tag ?? route('tag', 'tag'),
    author: options?.author ?? route('author', 'author'),
  }
}

/** `lang` when it is a BCP 47 language tag, else an error naming the option it came from. */
export function languageTag(lang: string, option: string[], examples: string): string {
  try {
    new Intl.Locale(lang)
    return lang
  } catch {
    throw new WartaConfigError(
      `${option.join('.')} "${lang}" is not a language tag. Use one such as ${examples}.`,
      {
        option,
      },
    )
  }
}

/**
 * The site's editions, the first one the default: each gets the site with its language, title,
 * description, navigation and footer, its base path (`/` and `/en/`, under `site.basePath`) and
 * the strings of its language. The default edition's language is `site.lang`: a different
 * `lang` on it is an error, since `site.lang` is what the site's shared pages (404) speak.
 */
export function resolveEditions(
  languages: Record<string, EditionOptions>,
  site: ResolvedSite,
  context: { theme: Theme; siteStrings?: Strings; permalinks?: PermalinkOptions },
): ResolvedEdition[] {
  const seen = new Map<string, string>()
  return Object.entries(languages).map(([key, options], index) => {
    const isDefault = index === 0
    if (isDefault && options.lang !== undefined && options.lang.toLowerCase() !== site.lang.toLowerCase())
      throw new WartaConfigError(
        `languages.${key}.lang is "${options.lang}" but site.lang is "${site.lang}": the first edition is the site itself, in site.lang.`,
        {
          option: ['languages', key, 'lang'],
          hint: `Remove languages.${key}.lang, or set site.lang to "${options.lang}".`,
        },
      )
    const lang = isDefault
      ? site.lang
      : languageTag(options.lang ?? key, ['languages', key, 'lang'], '"en" or "en-GB"')
    const twin = seen.get(lang.toLowerCase())
    if (twin)
      throw new WartaConfigError(
        `languages.${key} has the language "${lang}" of languages.${twin}: hreflang links could not tell them apart.`,
        {
          option: ['languages', key],
          hint: 'Give each edition its own language tag (e.g. "en-GB" and "en-US").',
        },
      )
    seen.set(lang.toLowerCase(), key)
    const strings = resolveStrings(
      context.theme,
      lang,
      options.strings ?? (isDefault ? context.siteStrings : undefined),
    )
    const prefix = isDefault ? '' : `${key}/`
    return {
      key,
      isDefault,
      label: options.label,
      prefix,
      site: {
        ...site,
        lang,
        title: options.title ?? site.title,
        description: options.description ?? site.description,
        nav: options.nav ?? site.nav,
        footerLinks: options.footerLinks ?? site.footerLinks,
        basePath: `${site.basePath}${prefix}`,
        url: isDefault ? site.url : `${site.url}/${key}`,
      },
      strings,
      permalinks: resolvePermalinks(context.permalinks, strings),
      searchPath: `/${strings['route.search'] ?? 'search'}/`,
    }
  })
}
