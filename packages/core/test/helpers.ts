import { createHash } from 'node:crypto'
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { onTestFinished } from 'vitest'
import { main } from '../src/cli/main.js'
import type { WartaConfig } from '../src/config/types.js'
import type { ArticleFrontMatter } from '../src/content/article-schema.js'
import type { ArticleRecord } from '../src/content/process-source.js'
import { parseNewsDate } from '../src/util/news-date.js'
import { testTheme } from './fixtures/theme/index.js'
import { decodeEntities } from './html-text.js'

/** Writes a photo-like image of a given size (see scripts/photo.mjs): real pixels for the image stage. */
export { writePhoto } from '../../../scripts/photo.mjs'

/** The folder of fixture sites. */
export const sitesDir: string = fileURLToPath(new URL('./fixtures/sites/', import.meta.url))

/** The clock every build test runs at: after the fixtures' 2025 articles, before their 2030 one. */
export const NOW: Date = new Date('2025-06-01T00:00:00Z')

/** Makes an empty temporary folder, removed when the current test finishes. */
export async function createTempDir(prefix = 'warta-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix))
  onTestFinished(() => rm(dir, { recursive: true, force: true }))
  return dir
}

/** Copies a fixture site into a temporary folder, so a test may edit it; returns the copy's root. */
export async function copySite(name: string): Promise<string> {
  const root = path.join(await createTempDir(), name)
  await cp(path.join(sitesDir, name), root, { recursive: true })
  return root
}

/**
 * A config for a site folder with the test theme. The output goes to a fresh temporary
 * folder unless `outDir` is given, so fixture folders are never written to.
 */
export async function siteConfig(root: string, config: Partial<WartaConfig> = {}): Promise<WartaConfig> {
  return {
    root,
    outDir: config.outDir ?? path.join(await createTempDir(), 'out'),
    ...config,
    site: { title: 'Warta Test', url: 'https://news.example', ...config.site },
    theme: config.theme ?? testTheme,
  }
}

/** Lists every file under a folder, relative to it, with forward slashes, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

/** Every file under a folder with the hash of its bytes and its mtime, for before/after comparisons. */
export async function snapshotDir(dir: string): Promise<Map<string, { hash: string; mtimeMs: number }>> {
  const snapshot = new Map<string, { hash: string; mtimeMs: number }>()
  for (const file of await listFiles(dir)) {
    const full = path.join(dir, file)
    const hash = createHash('sha256')
      .update(await readFile(full))
      .digest('hex')
    snapshot.set(file, { hash, mtimeMs: (await stat(full)).mtimeMs })
  }
  return snapshot
}

/** Reads a built page as text. */
export function readOutput(outDir: string, file: string): Promise<string> {
  return readFile(path.join(outDir, file), 'utf8')
}

/** The text content of every element matching a simple `<tag class="name">` opening, tags stripped. */
export function textOf(html: string, tag: string, className?: string): string[] {
  const attributes = className ? `[^>]*\\bclass="${className}"` : ''
  const pattern = new RegExp(`<${tag}${attributes}[^>]*>([\\s\\S]*?)</${tag}>`, 'g')
  return [...html.matchAll(pattern)].map((m) => decodeEntities((m[1] ?? '').replace(/<[^>]*>/g, '')).trim())
}

/** What `makeRecord` takes: front matter as a writer would type it, dates as text. */
export interface RecordInput {
  /** Source path relative to the site root. Default: `content/<slug of the title>.md`. */
  path?: string
  title: string
  date: string
  timezone?: string
  category?: string
  tags?: string[]
  author?: string
  slug?: string
  draft?: boolean
  id?: string
  wordCount?: number
}

/** An article record as the content stage would make it, without markdown or files. */
export function makeRecord(input: RecordInput): ArticleRecord {
  const timezone = input.timezone ?? 'Asia/Makassar'
  const date = parseNewsDate(input.date, timezone)
  if ('error' in date) throw new Error(date.error)
  const data: ArticleFrontMatter = {
    title: input.title,
    date,
    ...(input.category ? { category: input.category } : {}),
    ...(input.tags ? { tags: input.tags } : {}),
    // A byline written as a name, as the schema makes it: it may be an author file's id.
    ...(input.author ? { author: { name: input.author, ref: input.author } } : {}),
    ...(input.slug ? { slug: input.slug } : {}),
    ...(input.draft !== undefined ? { draft: input.draft } : {}),
    ...(input.id ? { id: input.id } : {}),
  }
  const sourcePath = input.path ?? `content/${input.title.toLowerCase().replace(/\W+/g, '-')}.md`
  return {
    sourcePath,
    sourceHash: sourcePath,
    data,
    positions: { title: { line: 2, column: 8 }, ...(input.slug ? { slug: { line: 4, column: 7 } } : {}) },
    html: `<p>${input.title}</p>`,
    excerpt: input.title,
    wordCount: input.wordCount ?? 100,
    headings: [],
    links: [],
    images: [],
    findings: [],
    liveEntries: [],
  }
}

/** The test theme's module, for config files that tests write. */
export const testThemeModule: string = fileURLToPath(new URL('./fixtures/theme/index.ts', import.meta.url))

/** Writes a `warta.config.ts` into a site folder, using the test theme; `site` adds to the site options. */
export async function writeConfigFile(root: string, site: Record<string, unknown> = {}): Promise<string> {
  const file = path.join(root, 'warta.config.ts')
  const options = { title: 'Warta Test', url: 'https://news.example', ...site }
  await writeFile(
    file,
    `import { testTheme } from ${JSON.stringify(testThemeModule)}\n\n` +
      `export default { site: ${JSON.stringify(options)}, theme: testTheme }\n`,
  )
  return file
}

/** Runs the CLI in-process, collecting what it prints. */
export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(
    argv,
    (text) => out.push(text),
    (text) => err.push(text),
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}
