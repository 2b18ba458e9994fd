// Test-only: builds a generated news site (scripts/news-site.mjs writes it: any number of stories,
// author profiles, real-size photos, a live blog) with the news theme, into a temp folder.
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { inject } from 'vitest'
import { DEFAULT_NOW, newsSiteConfig, writeNewsSite } from '../../scripts/news-site.mjs'
import { type BuiltSite, exampleRoot } from './example-site.js'

export { DEFAULT_NOW, makePng, SECTIONS } from '../../scripts/news-site.mjs'

type Core = typeof import('../../packages/core/src/index.js')
type ThemeModule = typeof import('../../packages/theme-news/src/index.js')

/** Options of `createNewsSite`. */
export interface NewsSiteOptions {
  /** How many stories. */
  stories: number
  /** `site.lang`. Default `id-ID`. */
  lang?: string
  /** The build's clock; stories are two hours apart before it. Default 2025-06-02 10:00 WITA. */
  now?: number
  /** Every third story has a lead photo. Default `true`. */
  photos?: boolean
  /** `site.url`. Default `https://uji.warta.example`. */
  url?: string
  /** Where the site is written. Default: `dist/` in a fresh temp site folder. */
  outDir?: string
}

/** A generated site, built: its root, output folder and clock. */
export interface NewsSite extends BuiltSite {
  root: string
  now: number
  /** Story titles, newest first. */
  titles: string[]
}

/** Core and the theme as the example site resolves them (their built packages). */
async function load(): Promise<{ core: Core; theme: ThemeModule }> {
  const require = createRequire(path.join(exampleRoot, 'package.json'))
  const core = (await import(pathToFileURL(require.resolve('@warta/core')).href)) as Core
  const theme = (await import(pathToFileURL(require.resolve('@warta/theme-news')).href)) as ThemeModule
  return { core, theme }
}

/** Writes a news site of `stories` stories into a fresh temp folder and builds it. */
export async function createNewsSite(options: NewsSiteOptions): Promise<NewsSite> {
  const now = options.now ?? DEFAULT_NOW
  const work = await mkdtemp(path.join(tmpdir(), 'warta-news-'))
  const root = path.join(work, 'site')
  const dir = options.outDir ?? path.join(root, 'dist')
  const titles = await writeNewsSite(root, { stories: options.stories, now, photos: options.photos })
  const { core, theme } = await load()
  const config = newsSiteConfig(root, { lang: options.lang, url: options.url, theme: theme.newsTheme() })
  // The generated photos are the same in every site: one image cache makes them once per run.
  await core.build(config, { now, cache: false, outDir: dir, imageCache: inject('newsImageCache') })
  const dispose = async () => {
    await rm(work, { recursive: true, force: true })
    if (options.outDir) await rm(options.outDir, { recursive: true, force: true })
  }
  return { root, dir, now, titles, dispose }
}
