import { z } from 'zod'
import type { ImageOptions } from './image-options.js'
import type { FrontPagePlan, Theme, ThemeImages } from './theme.js'
import type {
  ContentOptions,
  EditionOptions,
  FeedOptions,
  MarkdownOptions,
  PermalinkOptions,
  PublisherOptions,
  SitemapOptions,
  SiteOptions,
  WartaConfig,
} from './types.js'

// The shape of a config, checked before anything else reads it: every object is strict, so a
// mistyped option (`pagesize` for `pageSize`) is an error with a suggestion instead of being
// ignored. types.ts documents each option; this file says what values it takes.
//
// Adding an option: add it to its interface in types.ts (with its JSDoc and default), here to
// the matching object, and its default to resolveConfig. The `SameKeys` lines at the bottom
// fail to compile until the interface and the schema list the same options.

// Messages that start with "must" follow the option's name and its value: `pageSize must be
// a whole number of at least 1, not 0.` (see check-config.ts).
const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' })
const positive = z
  .number({ error: 'must be a whole number of at least 1' })
  .int({ error: 'must be a whole number of at least 1' })
  .min(1, { error: 'must be a whole number of at least 1' })
const whole = z
  .number({ error: 'must be a whole number' })
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'must be a whole number' })
const flag = z.boolean({ error: 'must be true or false' })
const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
  message: 'must be a function',
})
const plugins = z.array(z.unknown())

const publisher = z.strictObject({
  name: text.optional(),
  logo: z.strictObject({ src: text, width: positive.optional(), height: positive.optional() }).optional(),
})

const navLink = z.strictObject({ label: text, url: text })

const site = z.strictObject(
  {
    title: z.string({ error: 'site.title is missing. Set it to the name of the site.' }).trim().min(1, {
      error: 'site.title is empty. Set it to the name of the site.',
    }),
    // Checked further (an absolute http(s) URL) where it is resolved, with a message that shows the fix.
    url: z.string({
      error:
        'site.url is missing. Set it to the absolute URL the site is served from, e.g. `url: "https://kaltim.example"`; feeds, sitemaps and canonical links need it.',
    }),
    description: z.string().optional(),
    lang: text.optional(),
    timezone: text.optional(),
    basePath: z.string().optional(),
    publisher: publisher.optional(),
    logo: text.optional(),
    image: text.optional(),
    nav: z.array(text).optional(),
    footerLinks: z.array(navLink).optional(),
    strings: z.record(z.string(), z.string()).optional(),
    colors: z.record(z.string(), z.string()).optional(),
    copyright: z.string().optional(),
  },
  { error: 'site is missing. Set at least `site: { title, url }`.' },
)

const frontPage = z.strictObject({
  latest: whole.optional(),
  sections: whole.optional(),
  sectionSize: whole.optional(),
})

const cardColors = z.strictObject({
  background: text.optional(),
  text: text.optional(),
  accent: text.optional(),
  muted: text.optional(),
})

const themeImages = z.strictObject({
  bodySizes: text.optional(),
  widths: z.strictObject({ lead: positive.optional(), body: positive.optional() }).optional(),
  card: cardColors.optional(),
})

// A theme is a package's object: its own fields are its business, Warta needs these.
const theme = z.looseObject(
  {
    name: text,
    dir: text,
    strings: z.record(z.string(), z.record(z.string(), z.string())),
    helpers: fn.optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    frontPage: frontPage.optional(),
    usesBuildDate: flag.optional(),
    module: z.strictObject({ url: text, export: text, args: z.array(z.unknown()) }).optional(),
    search: flag.optional(),
    images: themeImages.optional(),
  },
  { error: 'theme is missing. Add one, e.g. `theme: newsTheme()` from @warta/theme-news.' },
)

const content = z.strictObject({
  dir: text.optional(),
  ignore: z.array(text).optional(),
  drafts: flag.optional(),
  future: flag.optional(),
  expire: z.enum(['remove', 'retract'], { error: 'must be "remove" or "retract"' }).optional(),
})

const markdown = z.strictObject({
  html: z.enum(['sanitize', 'trusted']).optional(),
  gfm: z.union([z.boolean(), z.literal('news')]).optional(),
  remarkPlugins: plugins.optional(),
  rehypePlugins: plugins.optional(),
  embeds: z.array(text).readonly().optional(),
})

const permalinks = z.strictObject({
  article: text.optional(),
  category: text.optional(),
  tag: text.optional(),
  author: text.optional(),
})

const feeds = z.strictObject({
  enabled: flag.optional(),
  limit: positive.optional(),
  content: z.enum(['full', 'summary']).optional(),
  tags: flag.optional(),
  categories: flag.optional(),
  authors: flag.optional(),
})

const sitemap = z.strictObject({ enabled: flag.optional(), maxUrls: positive.optional() })

// Ranges (widths, quality, effort) are checked where the options are resolved (image-options.ts).
const images = z.strictObject({
  widths: z.array(positive).optional(),
  formats: z.array(z.enum(['avif', 'webp'], { error: 'may list "avif" and "webp"' })).optional(),
  quality: z
    .strictObject({ avif: positive.optional(), webp: positive.optional(), jpeg: positive.optional() })
    .optional(),
  avifEffort: whole.optional(),
  placeholder: z
    .union([z.literal('color'), z.literal('blur'), z.literal(false)], {
      error: 'must be "color", "blur" or false',
    })
    .optional(),
  maxPixels: positive.optional(),
  articleCards: flag.optional(),
})

const edition = z.strictObject({
  lang: text.optional(),
  label: text,
  title: text.optional(),
  description: z.string().optional(),
  nav: z.array(text).optional(),
  footerLinks: z.array(navLink).optional(),
  strings: z.record(z.string(), z.string()).optional(),
})

// An edition's key is the folder of its URLs (`/en/`) and of its sources (`content/en/`).
const editionKey = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, {
  error: 'must be a URL-safe word in lower case, such as "en" or "en-gb"',
})
const languages = z
  .record(editionKey, edition)
  .refine((value) => Object.keys(value).length > 0, { error: 'must name at least one edition' })

/** The config as `defineConfig` takes it. */
export const configSchema = z.strictObject(
  {
    root: text.optional(),
    site,
    theme,
    content: content.optional(),
    outDir: text.optional(),
    markdown: markdown.optional(),
    permalinks: permalinks.optional(),
    pageSize: positive.optional(),
    pageNumbering: z.enum(['oldest-first', 'newest-first']).optional(),
    relatedCount: whole.optional(),
    feeds: feeds.optional(),
    sitemap: sitemap.optional(),
    search: flag.optional(),
    schema: fn.optional(),
    images: images.optional(),
    languages: languages.optional(),
  },
  { error: 'The config must be an object; export it with `export default defineConfig({...})`.' },
)

/** `true` when a schema and an options interface list the same keys; `never` (a compile error below) otherwise. */
type SameKeys<Schema extends z.ZodObject, Options> = [keyof Schema['shape']] extends [keyof Required<Options>]
  ? [keyof Required<Options>] extends [keyof Schema['shape']]
    ? true
    : never
  : never

// Each line fails to compile when types.ts and this file disagree on an object's options.
const sameKeys: true[] = [
  true satisfies SameKeys<typeof configSchema, WartaConfig>,
  true satisfies SameKeys<typeof site, SiteOptions>,
  true satisfies SameKeys<typeof publisher, PublisherOptions>,
  true satisfies SameKeys<typeof content, ContentOptions>,
  true satisfies SameKeys<typeof markdown, MarkdownOptions>,
  true satisfies SameKeys<typeof permalinks, PermalinkOptions>,
  true satisfies SameKeys<typeof feeds, FeedOptions>,
  true satisfies SameKeys<typeof sitemap, SitemapOptions>,
  true satisfies SameKeys<typeof theme, Theme>,
  true satisfies SameKeys<typeof frontPage, FrontPagePlan>,
  true satisfies SameKeys<typeof images, ImageOptions>,
  true satisfies SameKeys<typeof themeImages, ThemeImages>,
  true satisfies SameKeys<typeof edition, EditionOptions>,
]
void sameKeys
