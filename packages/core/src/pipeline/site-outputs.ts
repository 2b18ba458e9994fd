import type { ResolvedConfig, ResolvedSite } from '../config/resolve-config.js'
import { type ArticleBody, NO_BODY } from '../content/process-source.js'
import { generateFeeds } from '../outputs/feeds.js'
import { generateNewsSitemap } from '../outputs/news-sitemap.js'
import { generateRobots } from '../outputs/robots.js'
import { generateSitemaps, type SitemapEntry } from '../outputs/sitemaps.js'
import { absoluteUrl } from '../routes/absolute-url.js'
import { feedFolder } from '../routes/feed-links.js'
import type { Page } from '../routes/pages/page.js'
import type { RoutedArticle, RoutedSite } from '../routes/route-site.js'
import type { SiteImages } from '../routes/site-images.js'
import { createUrlFor, type TermPaths, toArticleView } from '../routes/to-views.js'
import { hashText } from '../util/hash.js'

/**
 * A generated file (feed, sitemap, robots.txt) with the fingerprint of its inputs, and the
 * group of files made together from them. `contents` is absent for a file reused from disk.
 */
export interface GeneratedFile {
  path: string
  contents?: string
  key: string
  group: string
}

/** Remembers generated files by the fingerprint of their inputs, across a builder's runs. */
export type OutputMemo = Map<string, GeneratedFile[]>

/** Files of a group made by an earlier build and still on disk untouched, if they all are. */
export type ReuseGenerated = (group: string) => { path: string; key: string }[] | undefined

async function memoized(
  options: Pick<SiteOutputsOptions, 'memo' | 'reuse' | 'prefix'>,
  used: OutputMemo,
  inputs: string,
  make: () => Promise<{ path: string; contents: string }[]>,
): Promise<GeneratedFile[]> {
  const prefix = options.prefix ?? ''
  // Two editions' files from the same inputs (two empty feeds) are still two groups of files.
  if (prefix) inputs = `${prefix}|${inputs}`
  const group = hashText(inputs)
  const files =
    options.memo.get(inputs) ??
    options.reuse?.(group)?.map((f) => ({ ...f, group })) ??
    (await make()).map((f) => {
      const path = prefix + f.path
      return { ...f, path, key: hashText(`${inputs}|${path}`), group }
    })
  used.set(inputs, files)
  return files
}

/** Options of the site outputs. */
export interface SiteOutputsOptions {
  site: ResolvedSite
  feeds: ResolvedConfig['feeds']
  sitemap: ResolvedConfig['sitemap']
  pages: readonly Page[]
  termPaths: TermPaths
  now: number
  memo: OutputMemo
  /** The sitemap's `<url>` elements, kept between runs (see `GenerateSitemapsOptions.elements`). */
  sitemapElements?: Map<string, string>
  /** Files an earlier process generated from the same inputs, when still on disk. */
  reuse?: ReuseGenerated
  /** Article bodies, for full-content feeds. */
  bodyOf: (article: RoutedArticle) => Promise<ArticleBody>
  /** The pictures as the image stage made them. */
  images: SiteImages
  /** The folder the files go in, in the output folder: an edition's (`en/`). Default: the root. */
  prefix?: string
  /** Write robots.txt (the default edition's, for a site with editions). Default `true`. */
  robots?: boolean
  /** Absolute URLs of the other editions' sitemaps, for robots.txt to list after the site's. Default: none. */
  otherSitemaps?: readonly string[]
  /** A page's versions in other editions, by site path, for the sitemap's `xhtml:link` alternates. Default: none. */
  alternatesOf?: (sitePath: string) => { lang: string; url: string }[]
  /**
   * Only the feeds that list one of these articles (by id), for edits that change nothing
   * but articles' bodies; without it, every feed, the sitemaps and robots.txt.
   */
  only?: ReadonlySet<string>
}

/**
 * Feeds for the site and each section (and tag, when enabled), the sitemaps, the Google News
 * sitemap and robots.txt. Each is regenerated only when the fingerprint of its inputs changed.
 */
export async function generateSiteOutputs(
  site: RoutedSite,
  options: SiteOutputsOptions,
): Promise<GeneratedFile[]> {
  const { site: siteOptions, feeds, termPaths, memo, images } = options
  const used: OutputMemo = new Map()
  const urlFor = createUrlFor(siteOptions.basePath)
  // Bylines come from the authors/ folder as well as from the source.
  const fingerprint = (articles: readonly RoutedArticle[]) =>
    articles
      .map((a) => `${a.sourceHash}@${a.path}@${JSON.stringify(a.authors)}@${images.articleKey(a)}`)
      .join(',')
  const files: GeneratedFile[] = []

  if (feeds.enabled) {
    const listings: { title: string; path: string; articles: RoutedArticle[] }[] = [
      { title: siteOptions.title, path: '/', articles: site.articles },
    ]
    if (feeds.categories)
      for (const c of site.categories)
        listings.push({ title: `${siteOptions.title}: ${c.term.name}`, path: c.path, articles: c.articles })
    if (feeds.tags)
      for (const c of site.tags)
        listings.push({ title: `${siteOptions.title}: ${c.term.name}`, path: c.path, articles: c.articles })
    if (feeds.authors)
      for (const c of site.authors)
        listings.push({ title: `${siteOptions.title}: ${c.term.name}`, path: c.path, articles: c.articles })
    for (const listing of listings) {
      const newest = listing.articles.slice(0, feeds.limit)
      if (options.only && !newest.some((a) => options.only?.has(a.id))) continue
      const key = `feed|${listing.path}|${listing.title}|${images.siteKey}|${fingerprint(newest)}`
      files.push(
        ...(await memoized(options, used, key, async () =>
          generateFeeds({
            site: siteOptions,
            feeds,
            title: listing.title,
            description: siteOptions.description,
            path: urlFor(listing.path),
            feedDir: feedFolder(listing.path),
            logo: images.logo?.url,
            articles: await Promise.all(
              newest.map(async (a) => {
                const body = await options.bodyOf(a)
                const html = await images.bodyHtml(a, body.html)
                return toArticleView(a, termPaths, urlFor, options.now, { ...body, html }, images)
              }),
            ),
          }),
        )),
      )
    }
  }

  if (options.only) {
    for (const [key, value] of used) memo.set(key, value)
    return files
  }
  if (options.sitemap.enabled) {
    // A retraction stays in the sitemap, with the date of its note, so crawlers see the change.
    const lastmodOf = new Map(
      [...site.articles, ...site.retracted].map((a) => [a.outputPath, a.modified.iso]),
    )
    const newest = site.articles[0]?.modified.iso
    const entries: SitemapEntry[] = options.pages
      .filter((page) => page.layout !== '404')
      .map((page) => {
        const links = options.alternatesOf?.(page.path)
        const lastmod = lastmodOf.get(page.outputPath) ?? newest
        return { url: urlFor(page.path), lastmod, ...(links?.length ? { links } : {}) }
      })
    const sitemapKey = `sitemap|${hashText(JSON.stringify(entries))}`
    files.push(
      ...(await memoized(options, used, sitemapKey, () =>
        generateSitemaps({
          site: siteOptions,
          entries,
          maxUrls: options.sitemap.maxUrls,
          elements: options.sitemapElements,
        }),
      )),
    )
    // The 48-hour window moves with the clock, so the clock's minute is part of the key.
    const recent = site.articles.filter((a) => a.published.time > options.now - 48 * 3600_000)
    const newsKey = `news|${Math.floor(options.now / 60_000)}|${fingerprint(recent)}`
    files.push(
      ...(await memoized(options, used, newsKey, async () => [
        {
          path: 'news-sitemap.xml',
          contents: await generateNewsSitemap({
            site: siteOptions,
            articles: recent.map((a) => toArticleView(a, termPaths, urlFor, options.now, NO_BODY, images)),
            now: options.now,
          }),
        },
      ])),
    )
    if (options.robots !== false) {
      const robots = generateRobots(siteOptions, [
        absoluteUrl(siteOptions, 'sitemap.xml'),
        absoluteUrl(siteOptions, 'news-sitemap.xml'),
        ...(options.otherSitemaps ?? []),
      ])
      files.push({ path: 'robots.txt', contents: robots, key: hashText(robots), group: 'robots' })
    }
  }
  memo.clear()
  for (const [key, value] of used) memo.set(key, value)
  return files
}
