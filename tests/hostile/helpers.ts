// Shared by the hostile-input suite: temporary sites, builds that report instead of throwing,
// folder snapshots and a real HTML parser.
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { WartaConfig } from '../../packages/core/src/config/types.js'
import type { Diagnostic } from '../../packages/core/src/errors/diagnostic.js'
import { type BuildOptions, type BuildReport, build } from '../../packages/core/src/pipeline/build.js'
import { hostileTheme } from './fixtures/theme/index.js'

// Builds from source process articles on this thread: tinypool loads its worker as a .js file,
// which only the built dist has. The worker pool is tested against dist (pathological-markdown).
process.env.WARTA_WORKERS ??= '0'

export const repoRoot: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The clock of every build here: after the articles' 2025 dates. */
export const NOW: Date = new Date('2025-06-01T00:00:00Z')

/** Files of a site by path relative to its root. */
export type SiteFiles = Record<string, string | Buffer>

/** A site folder on disk; `dispose()` removes it. */
export interface TempSite {
  root: string
  outDir: string
  dispose(): Promise<void>
}

/**
 * Writes a site into a fresh folder. `inRepo` puts it under `tests/hostile/` so that a config
 * file in it can import the repository's packages (watch mode, plugins in worker threads).
 */
export async function createSite(files: SiteFiles, options: { inRepo?: boolean } = {}): Promise<TempSite> {
  const parent = options.inRepo ? path.join(repoRoot, 'tests', 'hostile') : tmpdir()
  const folder = await mkdtemp(path.join(parent, options.inRepo ? '.tmp-' : 'warta-hostile-'))
  // The site is a plain-named folder inside: the preview ignores a root whose own name
  // starts with a dot (see the report on dev.ts' isIgnored).
  const root = path.join(folder, 'site')
  await mkdir(root)
  await writeFiles(root, files)
  return {
    root,
    outDir: path.join(root, 'dist'),
    dispose: () => rm(folder, { recursive: true, force: true }),
  }
}

/** Writes files under a folder, making folders as needed. */
export async function writeFiles(root: string, files: SiteFiles): Promise<void> {
  for (const [name, contents] of Object.entries(files)) {
    const file = path.join(root, name)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, contents)
  }
}

/** One article source: front matter values are written as JSON, which YAML reads as is. */
export function article(fields: Record<string, unknown>, body = 'Body text.\n'): string {
  const withDefaults = { title: 'Headline', date: '2025-05-01', ...fields }
  const lines = Object.entries(withDefaults).map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
  return `---\n${lines.join('\n')}\n---\n${body}`
}

/** A config for a site folder with the hostile test theme. */
export function siteConfig(root: string, config: Partial<WartaConfig> = {}): WartaConfig {
  return {
    root,
    ...config,
    site: { title: 'Hostile Times', url: 'https://news.example', ...config.site },
    theme: config.theme ?? hostileTheme,
  }
}

/** What a build did: its report, or the diagnostics it failed with. */
export type BuildOutcome =
  | { ok: true; report: BuildReport; diagnostics: Diagnostic[] }
  | { ok: false; error: Error; diagnostics: Diagnostic[] }

/** Builds without the cache at the suite's clock, returning failures instead of throwing them. */
export async function buildSite(
  root: string,
  config: Partial<WartaConfig> = {},
  options: BuildOptions = {},
): Promise<BuildOutcome> {
  try {
    const report = await build(siteConfig(root, config), { cache: false, now: NOW, ...options })
    return { ok: true, report, diagnostics: report.diagnostics }
  } catch (error) {
    const diagnostics = (error as { diagnostics?: Diagnostic[] }).diagnostics ?? []
    return { ok: false, error: error as Error, diagnostics }
  }
}

/** Builds a throwaway site made of `files` once (see `buildSite`), and removes it. */
export async function buildFiles(
  files: Record<string, string>,
  config: Partial<WartaConfig> = {},
): Promise<BuildOutcome> {
  const site = await createSite(files)
  try {
    return await buildSite(site.root, config)
  } finally {
    await site.dispose()
  }
}

/** The errors of an outcome, as `file:line:column message [rule]` lines for readable failures. */
export function errorLines(outcome: BuildOutcome): string[] {
  return outcome.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.file}${d.place ? `:${d.place.line}:${d.place.column}` : ''} ${d.message} [${d.ruleId}]`)
}

/** Every file under a folder, relative, with forward slashes, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

/** A file's bytes as a hash, with its mtime. */
export interface FileState {
  hash: string
  mtimeMs: number
}

/** Every file under a folder with the hash of its bytes and its mtime. */
export async function snapshotDir(dir: string): Promise<Record<string, FileState>> {
  const snapshot: Record<string, FileState> = {}
  for (const file of await listFiles(dir)) {
    const full = path.join(dir, file)
    const hash = createHash('sha256')
      .update(await readFile(full))
      .digest('hex')
    snapshot[file] = { hash, mtimeMs: (await stat(full)).mtimeMs }
  }
  return snapshot
}

/** Only the hashes of a snapshot, for comparing bytes and not times. */
export const hashesOf = (snapshot: Record<string, FileState>): Record<string, string> =>
  Object.fromEntries(Object.entries(snapshot).map(([file, state]) => [file, state.hash]))

/** Reads a file of a built site. */
export const readOutput = (outDir: string, file: string): Promise<string> =>
  readFile(path.join(outDir, file), 'utf8')

/** The slice of parse5's tree the suite walks. */
export interface Parse5Node {
  nodeName: string
  tagName?: string
  value?: string
  attrs?: { name: string; value: string }[]
  childNodes?: Parse5Node[]
  content?: Parse5Node
}

interface Parse5 {
  parse(html: string, options?: { onParseError?: (error: { code: string }) => void }): Parse5Node
}

let parse5: Promise<Parse5> | undefined

/** parse5, the HTML parser rehype-raw uses, resolved through core's own dependencies. */
export function loadParse5(): Promise<Parse5> {
  parse5 ??= (async () => {
    const fromCore = createRequire(path.join(repoRoot, 'packages/core/package.json'))
    const fromRaw = createRequire(fromCore.resolve('rehype-raw'))
    const fromHastRaw = createRequire(fromRaw.resolve('hast-util-raw'))
    return (await import(pathToFileURL(fromHastRaw.resolve('parse5')).href)) as Parse5
  })()
  return parse5
}

/** Every element of a parsed document in document order, template contents included. */
export function elements(node: Parse5Node): Parse5Node[] {
  const found: Parse5Node[] = []
  const visit = (current: Parse5Node) => {
    if (current.tagName) found.push(current)
    for (const child of current.childNodes ?? []) visit(child)
    if (current.content) visit(current.content)
  }
  visit(node)
  return found
}

/** The text inside an element, as the parser read it. */
export function textContent(node: Parse5Node): string {
  if (node.nodeName === '#text') return node.value ?? ''
  return (node.childNodes ?? []).map(textContent).join('')
}

/** An attribute's value as the parser read it (entities decoded). */
export const attribute = (node: Parse5Node, name: string): string | undefined =>
  node.attrs?.find((a) => a.name === name)?.value
