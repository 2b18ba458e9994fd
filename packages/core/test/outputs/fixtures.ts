import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { ResolvedSite } from '../../src/config/resolve-config.js'
import { imageMediaType } from '../../src/outputs/media-type.js'
import type {
  ArticleView,
  AuthorProfileView,
  AuthorView,
  ImageView,
  TermView,
} from '../../src/routes/views.js'
import { createNewsDate, type NewsDate } from '../../src/util/news-date.js'

export const TIMEZONE = 'Asia/Makassar'
export const XSD_DIR = fileURLToPath(new URL('../../../../tests/fixtures/xsd/', import.meta.url))

/** A site served from `https://kaltim.example/news/`. */
export function site(overrides: Partial<ResolvedSite> = {}): ResolvedSite {
  return {
    title: 'Kaltim News',
    url: 'https://kaltim.example/news',
    description: 'Berita Kalimantan Timur',
    lang: 'id-ID',
    timezone: TIMEZONE,
    basePath: '/news/',
    publisher: { name: 'Kaltim News', logo: { src: '/news/logo.png', width: 600, height: 60 } },
    footerLinks: [],
    colors: {},
    copyright: 'Kaltim News',
    ...overrides,
  }
}

/**
 * A picture as the image stage would give it for `src` (a site path under `/news/`, or a
 * remote URL): its file for feeds at the given size, and its crops for structured data.
 */
export function picture(src: string, alt: string, width?: number, height?: number): ImageView {
  const url = new URL(src, 'https://kaltim.example/').href
  const size = width && height ? { width, height } : {}
  const crop = (name: string, w: number, h: number) => ({
    url: url.replace(/\.[a-z]+$/, `-${name}.jpg`),
    width: w,
    height: h,
  })
  return {
    src,
    alt,
    url: src,
    ...size,
    sources: [],
    file: { url, ...size, type: imageMediaType(url) },
    crops: width ? [crop('16x9', 1200, 675), crop('4x3', 1200, 900), crop('1x1', 1200, 1200)] : [],
  }
}

/** A date in the site's zone from a wall-clock string such as `2025-05-16T14:30`. */
export function date(wallClock: string, hasTime = true): NewsDate {
  const [d = '', t = '00:00'] = wallClock.split('T')
  const [y, mo, da] = d.split('-').map(Number)
  const [h, mi] = t.split(':').map(Number)
  // WITA is UTC+8 all year.
  return createNewsDate(Date.UTC(y ?? 0, (mo ?? 1) - 1, da ?? 1, (h ?? 0) - 8, mi ?? 0), TIMEZONE, hasTime)
}

const term = (name: string, slug: string, prefix: string): TermView => ({
  name,
  slug,
  url: `/news/${prefix}/${slug}/`,
})

export interface ArticleInput {
  slug: string
  title?: string
  published: string
  modified?: string
  summary?: string
  html?: string
  image?: ArticleView['image']
  authors?: (AuthorView & Partial<AuthorProfileView>)[]
  tags?: string[]
  category?: string
  lang?: string
  canonical?: string
  dateline?: string
}

/** An article view as the pages stage would make it, with site paths under `/news/`. */
export function article(input: ArticleInput): ArticleView {
  const published = date(input.published)
  const modified = input.modified ? date(input.modified) : published
  const [y, m, d] = published.iso.slice(0, 10).split('-')
  const category = input.category ?? 'Politik'
  return {
    id: input.slug,
    title: input.title ?? `Judul ${input.slug}`,
    url: `/news/${y}/${m}/${d}/${input.slug}/`,
    excerpt: `Ringkasan ${input.slug}.`,
    summary: input.summary,
    published,
    modified,
    updated: input.modified ? modified : undefined,
    category: term(category, category.toLowerCase().replace(/[^a-z0-9]+/g, '-'), 'kategori'),
    authors: (
      input.authors ?? [
        {
          name: 'Siti Rahma',
          slug: 'siti-rahma',
          url: '/news/penulis/siti-rahma/',
          homepage: 'https://siti.example/',
        },
      ]
    ).map((author) => ({ links: [], hasProfile: false, ...author })),
    image: input.image,
    readingTime: 2,
    live: false,
    tags: (input.tags ?? []).map((name) => term(name, name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), 'tag')),
    dateline: input.dateline,
    lang: input.lang ?? 'id-ID',
    canonical: input.canonical,
    html: input.html ?? `<p>Isi ${input.slug}.</p>`,
    wordCount: 120,
    headings: [],
    data: {},
    updates: [],
    corrections: [],
    liveEntries: [],
    status: 'published',
    access: 'free',
    embargoed: false,
  }
}

/** A hostile title: markup, XML specials, quotes and control characters. */
export const HOSTILE = `</script><script>alert(1)</script> & <> " ' &amp; ]]> x ]]> \u0001\u0008\u000b\u000c\u001f\ufffe\ud800 end`
/** `HOSTILE` without the characters XML 1.0 forbids. */
export const HOSTILE_CLEAN = `</script><script>alert(1)</script> & <> " ' &amp; ]]> x ]]>  end`

/** Runs xmllint on a document; returns its complaints (empty when it is fine). */
export function xmllint(xml: string, schema?: string): string {
  const args = ['--noout', '--nonet']
  if (schema) args.push('--schema', path.join(XSD_DIR, schema))
  args.push('-')
  try {
    execFileSync('xmllint', args, { input: xml, cwd: XSD_DIR, stdio: ['pipe', 'pipe', 'pipe'] })
    return ''
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string }
    return e.stderr?.toString() || e.message
  }
}

const ARRAYS = new Set([
  'item',
  'entry',
  'category',
  'dc:creator',
  'author',
  'url',
  'sitemap',
  'media:content',
])
/** Atom links repeat; the RSS <link> does not. */
const ARRAY_PATHS = new Set(['feed.link', 'feed.entry.link'])

/** Parses XML after checking it is well-formed; CDATA is merged into text, attributes are `@name`. */
// biome-ignore lint/suspicious/noExplicitAny: parsed XML has any shape; the tests assert on it
export function parseXml(xml: string): Record<string, any> {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`Not well-formed: ${JSON.stringify(valid.err)}`)
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name, jpath) => ARRAYS.has(name) || ARRAY_PATHS.has(String(jpath)),
  }).parse(xml)
}
