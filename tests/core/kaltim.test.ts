// The example site built end to end with the news theme, checked against the source
// article it carries (tests/fixtures/kaltim/seed-article.txt, a copy of the seed text).
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { decodeEntities } from '../../packages/core/test/html-text.js'

type Core = typeof import('../../packages/core/src/index.js')

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const exampleRoot = path.join(repoRoot, 'examples', 'kaltim')
const ARTICLE_PATH =
  '2025/05/16/taipei-tawarkan-kerja-sama-strategis-dengan-pemprov-kaltim-di-sektor-pendidikan-kesehatan-dan-infrastruktur/'
const TAGS = {
  'kerja-sama-internasional': 'Kerja Sama Internasional',
  taiwan: 'Taiwan',
  pendidikan: 'Pendidikan',
  kesehatan: 'Kesehatan',
  infrastruktur: 'Infrastruktur',
}

/** Core as the example site resolves `@warta/core` (the built package), exactly as a user gets it. */
async function loadCore(): Promise<Core> {
  const resolved = createRequire(path.join(exampleRoot, 'package.json')).resolve('@warta/core')
  return (await import(pathToFileURL(resolved).href)) as Core
}

/** The seed article: its title, dateline, source and body paragraphs. */
async function readSeed() {
  const text = await readFile(path.join(repoRoot, 'tests', 'fixtures', 'kaltim', 'seed-article.txt'), 'utf8')
  const [title = '', lead = '', ...rest] = text.split(/\n\s*\n/).map((block) => block.trim())
  // The copy opens with "SAMARINDA, Swarakaltim.com – " as the wire lead, which the site keeps in
  // front matter (dateline, source), and ends with the source page's chrome ("Loading",
  // "Bagikan:"), which is not article text: the story ends at the reporter's initials.
  const opening = /^(?<dateline>[A-Z]+), (?<source>\S+) – (?<first>.+)$/s.exec(lead)
  if (!opening?.groups) throw new Error('the seed article does not open with "DATELINE, Source – "')
  const end = rest.findIndex((block) => block.endsWith('(DHV)'))
  if (end < 0) throw new Error('the seed article does not end with "(DHV)"')
  return {
    title,
    dateline: opening.groups.dateline as string,
    source: opening.groups.source as string,
    paragraphs: [opening.groups.first as string, ...rest.slice(0, end + 1)],
  }
}

const decode = (html: string): string =>
  decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim()

/** Text of every element with this tag name, in order. */
const texts = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => decode(m[1] ?? ''))

/** Every link's target and text. */
const links = (html: string) =>
  [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({
    href: m[1] ?? '',
    text: decode(m[2] ?? ''),
  }))

describe('the example site examples/kaltim', () => {
  let work: string
  let outDir: string
  let seed: Awaited<ReturnType<typeof readSeed>>
  const page = (sitePath: string) => readFile(path.join(outDir, sitePath, 'index.html'), 'utf8')

  beforeAll(async () => {
    const core = await loadCore()
    seed = await readSeed()
    work = await mkdtemp(path.join(tmpdir(), 'warta-kaltim-'))
    outDir = path.join(work, 'out', 'site')
    // The example's config (and theme, resolved from its folder), over a copy of its sources:
    // a build keeps state beside its sources and its output, and must not touch the repository.
    const root = path.join(work, 'kaltim')
    await cp(exampleRoot, root, {
      recursive: true,
      filter: (source) => !/[\\/](node_modules|dist|\.warta)$/.test(source),
    })
    const { config, file } = await core.loadConfig(exampleRoot)
    await core.build({ ...config, root }, { configFile: file, outDir, now: new Date('2025-06-01T00:00:00Z') })
  })

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true })
  })

  describe('the article page', () => {
    test('has the headline as its one h1 and in its title', async () => {
      const html = await page(ARTICLE_PATH)
      expect(texts(html, 'h1')).toEqual([seed.title])
      expect(texts(html, 'title')[0]).toContain(seed.title)
    })

    test('shows the publication date in Indonesian, with the instant in WITA', async () => {
      const html = await page(ARTICLE_PATH)
      expect(html).toContain('<time datetime="2025-05-16T00:00:00+08:00"')
      const dates = [...html.matchAll(/<time datetime="2025-05-16T00:00:00\+08:00">([^<]*)<\/time>/g)]
      expect(dates.map((m) => m[1])).toContain('Jumat, 16 Mei 2025')
    })

    test('carries every paragraph of the article, exactly and in order, led by the dateline', async () => {
      const html = await page(ARTICLE_PATH)
      // The body is the markdown's HTML: paragraphs one after another, one per line.
      const runs = [...html.matchAll(/(?:<p>[\s\S]*?<\/p>\n?)+/g)].map((m) => m[0])
      const body = runs.find((run) => run.includes(seed.paragraphs[1]?.slice(0, 40) ?? '\0'))
      expect(body, 'the article body').toBeDefined()
      const paragraphs = texts(body ?? '', 'p')
      expect(paragraphs).toHaveLength(seed.paragraphs.length)
      const [first = '', ...others] = paragraphs
      const [expectedFirst = '', ...expectedOthers] = seed.paragraphs
      const dateline = new RegExp(`^${seed.dateline}[^\\p{L}\\p{N}]+`, 'u')
      expect(first).toMatch(dateline)
      expect(first.replace(dateline, '')).toBe(expectedFirst)
      expect(others).toEqual(expectedOthers)
    })

    test('shows the dateline SAMARINDA', async () => {
      expect(seed.dateline).toBe('SAMARINDA')
      // Its own element, so that it can be styled apart from the paragraph it leads.
      expect(await page(ARTICLE_PATH)).toMatch(/>\s*SAMARINDA\s*[—–-]?\s*</)
    })

    test('credits the source, Swarakaltim.com, with a link to it', async () => {
      expect(seed.source).toBe('Swarakaltim.com')
      expect(links(await page(ARTICLE_PATH))).toContainEqual({
        href: 'https://swarakaltim.com',
        text: 'Swarakaltim.com',
      })
    })

    test('links its section and every tag', async () => {
      const found = links(await page(ARTICLE_PATH))
      expect(found).toContainEqual({ href: '/kategori/pemerintahan/', text: 'Pemerintahan' })
      for (const [slug, name] of Object.entries(TAGS))
        expect(found).toContainEqual({ href: `/tag/${slug}/`, text: name })
    })

    test('is in Indonesian', async () => {
      expect(await page(ARTICLE_PATH)).toMatch(/^<!doctype html>\s*<html lang="id-ID"/i)
    })
  })

  test('the home page leads with the article, linked by its headline', async () => {
    const html = await page('')
    expect(texts(html, 'title')).toEqual(['Warta Kaltim'])
    expect(links(html)).toContainEqual({ href: `/${ARTICLE_PATH}`, text: seed.title })
    expect(links(html)).toContainEqual({ href: '/kategori/pemerintahan/', text: 'Pemerintahan' })
  })

  test('the category page lists the article under its section name', async () => {
    const html = await page('kategori/pemerintahan/')
    expect(texts(html, 'h1')).toEqual(['Pemerintahan'])
    expect(links(html)).toContainEqual({ href: `/${ARTICLE_PATH}`, text: seed.title })
  })

  test.each(Object.entries(TAGS))(
    'the tag page /tag/%s/ lists the article under the tag’s name',
    async (slug, name) => {
      const html = await page(`tag/${slug}/`)
      expect(texts(html, 'h1')).toEqual([name])
      expect(links(html)).toContainEqual({ href: `/${ARTICLE_PATH}`, text: seed.title })
    },
  )
})
