import path from 'node:path'
import type { PluggableList } from 'unified'
import { WartaConfigError } from '../errors/build-error.js'
import { DEFAULT_EMBEDS } from '../markdown/embed-allowlist.js'
import { checkConfig, locatedError } from './check-config.js'
import {
  languageTag,
  type ResolvedEdition,
  type ResolvedPermalinks,
  resolveEditions,
  resolvePermalinks,
} from './editions.js'
import { type ResolvedImages, resolveImages } from './image-options.js'
import { resolveStrings, type Strings, type Theme } from './theme.js'
import type { NavLink, PageNumbering, SchemaExtension, WartaConfig } from './types.js'

/** The site options after defaults. */
export interface ResolvedSite {
  title: string
  /** Absolute origin plus base path, without a trailing slash, e.g. `https://kaltim.example/news`. */
  url: string
  description: string
  lang: string
  timezone: string
  /** Always starts and ends with `/`. */
  basePath: string
  publisher: { name: string; logo?: { src: string; width?: number; height?: number } }
  logo?: string
  /** The site's share image, a site path (see `SiteOptions.image`). */
  image?: string
  nav?: string[]
  footerLinks: NavLink[]
  colors: Record<string, string>
  copyright: string
}

/** The whole configuration after defaults, with absolute folders. */
export interface ResolvedConfig {
  root: string
  contentDir: string
  outDir: string
  layoutsDir: string
  partialsDir: string
  publicDir: string
  site: ResolvedSite
  theme: Theme
  strings: Strings
  contentIgnore: string[]
  drafts: boolean
  future: boolean
  /** What expired articles become (see `ContentOptions.expire`). */
  expire: 'remove' | 'retract'
  markdown: {
    html: 'sanitize' | 'trusted'
    gfm: boolean | 'news'
    embeds: readonly string[]
    remarkPlugins: PluggableList
    rehypePlugins: PluggableList
  }
  permalinks: ResolvedPermalinks
  /**
   * The site's editions, the default first (see `WartaConfig.languages`); absent for a site in
   * one language, whose pages are as `site` says.
   */
  editions?: ResolvedEdition[]
  pageSize: number
  pageNumbering: PageNumbering
  relatedCount: number
  feeds: {
    enabled: boolean
    limit: number
    content: 'full' | 'summary'
    tags: boolean
    categories: boolean
    authors: boolean
  }
  sitemap: { enabled: boolean; maxUrls: number }
  /** On when the site leaves `search` on and the theme has a search page; `path` is that page's site path. */
  search: { enabled: boolean; path: string }
  schema?: SchemaExtension
  images: ResolvedImages
  /** The config file it came from, when it came from one. */
  configFile?: string
}

/** Run-time switches that are not part of the site's config. */
export interface BuildOverrides {
  drafts?: boolean
  future?: boolean
  outDir?: string
  configFile?: string
}

const URL_OPTION = ['site', 'url']

function resolveSiteUrl(url: string, basePath: string): string {
  if (url === '') {
    throw new WartaConfigError(
      'site.url is empty. Set it to the absolute URL the site is served from, e.g. `url: "https://kaltim.example"`; feeds, sitemaps and canonical links need it.',
      { option: URL_OPTION },
    )
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new WartaConfigError(
      `site.url "${url}" is not an absolute URL. Write it with its scheme, e.g. "https://${url.replace(/^\/+/, '')}".`,
      { option: URL_OPTION },
    )
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new WartaConfigError(`site.url "${url}" must use http or https.`, { option: URL_OPTION })
  }
  return `${parsed.origin}${basePath}`.replace(/\/$/, '')
}

function resolveBasePath(basePath = '/'): string {
  if (/[?#\\]|\.\./.test(basePath)) {
    throw new WartaConfigError(`site.basePath "${basePath}" must be a plain path such as "/news/".`, {
      option: ['site', 'basePath'],
    })
  }
  const trimmed = basePath.replace(/^\/+|\/+$/g, '')
  return trimmed ? `/${trimmed}/` : '/'
}

function resolveTimezone(timezone = 'UTC'): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: timezone }).resolvedOptions().timeZone
  } catch {
    throw new WartaConfigError(
      `site.timezone "${timezone}" is not an IANA time zone. Use a name such as "Asia/Makassar" or "UTC".`,
      { option: ['site', 'timezone'] },
    )
  }
}

function resolveInside(root: string, folder: string, option: string): string {
  const resolved = path.resolve(root, folder)
  if (resolved === root)
    throw new WartaConfigError(`${option} must be a folder inside the site, not the site folder itself.`, {
      option: option.split('.'),
    })
  return resolved
}

/**
 * Applies defaults and checks the config — the one place a config is checked: its shape
 * against the schema (config-schema.ts), then the values that need more than a type. Throws
 * a `WartaConfigError` that names the option (with the config file's line and column when
 * the config came from one) and says how to fix it.
 */
export function resolveConfig(config: WartaConfig, overrides: BuildOverrides = {}): ResolvedConfig {
  const configFile = overrides.configFile
  const root = path.resolve(
    typeof config?.root === 'string' ? config.root : configFile ? path.dirname(configFile) : process.cwd(),
  )
  checkConfig(config, configFile, root)
  try {
    return resolveChecked(config, overrides)
  } catch (error) {
    if (!(error instanceof WartaConfigError) || !error.option || !configFile || error.file) throw error
    throw locatedError(error, configFile, root)
  }
}

function resolveChecked(config: WartaConfig, overrides: BuildOverrides): ResolvedConfig {
  const root = path.resolve(config.root ?? process.cwd())
  const basePath = resolveBasePath(config.site.basePath)
  const lang = config.site.lang ?? 'en'
  const strings = resolveStrings(config.theme, lang, config.site.strings)
  const publisherName = config.site.publisher?.name ?? config.site.title
  const contentDir = resolveInside(root, config.content?.dir ?? 'content', 'content.dir')
  const outDir = resolveInside(root, overrides.outDir ?? config.outDir ?? 'dist', 'outDir')
  if (outDir === contentDir || contentDir.startsWith(outDir + path.sep)) {
    throw new WartaConfigError(
      'outDir must not contain the content folder: each build replaces the output folder.',
      { option: ['outDir'] },
    )
  }
  languageTag(lang, ['site', 'lang'], '"id-ID" or "en"')
  const site: ResolvedSite = {
    title: config.site.title,
    url: resolveSiteUrl(config.site.url, basePath),
    description: config.site.description ?? '',
    lang,
    timezone: resolveTimezone(config.site.timezone),
    basePath,
    publisher: { name: publisherName, logo: config.site.publisher?.logo },
    logo: config.site.logo,
    image: config.site.image,
    nav: config.site.nav,
    footerLinks: config.site.footerLinks ?? [],
    colors: config.site.colors ?? {},
    copyright: config.site.copyright ?? publisherName,
  }
  const editions =
    config.languages &&
    resolveEditions(config.languages, site, {
      theme: config.theme,
      siteStrings: config.site.strings,
      permalinks: config.permalinks,
    })
  return {
    root,
    contentDir,
    outDir,
    layoutsDir: path.join(root, 'layouts'),
    partialsDir: path.join(root, 'partials'),
    publicDir: path.join(root, 'public'),
    site,
    theme: config.theme,
    strings,
    contentIgnore: config.content?.ignore ?? [],
    drafts: overrides.drafts ?? config.content?.drafts ?? false,
    future: overrides.future ?? config.content?.future ?? false,
    expire: config.content?.expire ?? 'remove',
    markdown: {
      html: config.markdown?.html ?? 'sanitize',
      gfm: config.markdown?.gfm ?? true,
      embeds: config.markdown?.embeds ?? DEFAULT_EMBEDS,
      remarkPlugins: config.markdown?.remarkPlugins ?? [],
      rehypePlugins: config.markdown?.rehypePlugins ?? [],
    },
    permalinks: resolvePermalinks(config.permalinks, strings),
    ...(editions ? { editions } : {}),
    pageSize: config.pageSize ?? 12,
    pageNumbering: config.pageNumbering ?? 'oldest-first',
    relatedCount: config.relatedCount ?? 4,
    feeds: {
      enabled: config.feeds?.enabled ?? true,
      limit: config.feeds?.limit ?? 20,
      content: config.feeds?.content ?? 'full',
      tags: config.feeds?.tags ?? false,
      categories: config.feeds?.categories ?? true,
      authors: config.feeds?.authors ?? true,
    },
    sitemap: {
      enabled: config.sitemap?.enabled ?? true,
      maxUrls: config.sitemap?.maxUrls ?? 50_000,
    },
    search: {
      enabled: config.search !== false && config.theme.search === true,
      path: `/${strings['route.search'] ?? 'search'}/`,
    },
    schema: config.schema,
    images: resolveImages(config.images),
    configFile: overrides.configFile,
  }
}
