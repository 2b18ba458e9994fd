import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ResolvedConfig, resolveConfig } from '../../src/config/resolve-config.js'
import type { WartaConfig } from '../../src/config/types.js'
import { createArticleSchema } from '../../src/content/article-schema.js'
import { findSources } from '../../src/content/find-sources.js'
import { type ArticleRecord, processSource } from '../../src/content/process-source.js'
import { readAuthors } from '../../src/content/read-authors.js'
import type { Diagnostic } from '../../src/errors/diagnostic.js'
import { createProcessor } from '../../src/markdown/create-processor.js'
import { type BuildReport, build } from '../../src/pipeline/build.js'
import { checkQuality, QUALITY_RULES, type QualityOptions } from '../../src/quality/index.js'
import { PathRegistry, type RoutedSite, routeSite } from '../../src/routes/route-site.js'
import { createSiteModel } from '../../src/site/create-site.js'
import { createTempDir, listFiles, NOW } from '../helpers.js'
import { qualityTheme } from './fixtures/theme/index.js'

/** The quality tests' fixture sites. */
export const qualitySitesDir: string = fileURLToPath(new URL('./fixtures/sites/', import.meta.url))

/**
 * A config for a site folder with the quality test theme, building into `outDir`, by
 * default a fresh temporary folder removed after the test (outside a test, pass one).
 */
export async function qualityConfig(
  root: string,
  site: Partial<WartaConfig['site']> = {},
  outDir?: string,
): Promise<WartaConfig> {
  return {
    root,
    outDir: outDir ?? path.join(await createTempDir(), 'out'),
    site: { title: 'Quality Test', url: 'https://news.example', ...site },
    theme: qualityTheme,
  }
}

/**
 * The content → site model → routes stages as the site builder runs them, so that the
 * checks see the same routed site the build renders.
 */
export async function routeSources(resolved: ResolvedConfig): Promise<RoutedSite> {
  const context = {
    processor: createProcessor(resolved.markdown),
    schema: createArticleSchema(resolved.site.timezone),
    timeZone: resolved.site.timezone,
  }
  const records: ArticleRecord[] = []
  for (const relative of (await findSources(resolved.contentDir, resolved.contentIgnore)).paths) {
    const file = path.join(resolved.contentDir, relative)
    const sourcePath = path.relative(resolved.root, file).split(path.sep).join('/')
    const { record, diagnostics } = await processSource(sourcePath, await readFile(file, 'utf8'), context)
    if (!record) throw new Error(`${sourcePath} did not process: ${JSON.stringify(diagnostics)}`)
    records.push(record)
  }
  const model = createSiteModel(records, {
    authors: (await readAuthors(resolved.root)).authors,
    lang: resolved.site.lang,
    contentPrefix: `${path.relative(resolved.root, resolved.contentDir).split(path.sep).join('/')}/`,
    drafts: resolved.drafts,
    future: resolved.future,
    now: NOW.getTime(),
    relatedCount: resolved.relatedCount,
  })
  return routeSite(model, resolved.permalinks, new PathRegistry())
}

/** What building and checking a site gave. */
export interface CheckedSite {
  report: BuildReport
  /** The routed site the checks ran on. */
  routed: RoutedSite
  /** Every file in the output folder. */
  outputPaths: Set<string>
  /** `checkQuality` on the routed site and the real output. */
  diagnostics: Diagnostic[]
  options: QualityOptions
}

/**
 * Builds a site through `build()`, then runs `checkQuality` on its routed site with the
 * files the build really wrote. Works the same whether or not `build()` runs the checks itself.
 */
export async function buildAndCheck(
  config: WartaConfig,
  rules?: QualityOptions['rules'],
): Promise<CheckedSite> {
  const report = await build(config, { now: NOW, cache: false })
  const outputPaths = new Set(await listFiles(report.outDir))
  const resolved = resolveConfig(config)
  const options: QualityOptions = {
    outputPaths,
    basePath: resolved.site.basePath,
    siteUrl: resolved.site.url,
    rules,
  }
  const routed = await routeSources(resolved)
  return { report, routed, outputPaths, diagnostics: checkQuality(routed, options), options }
}

/** Diagnostics of one rule, as `file:line:column message` lines, for readable comparisons. */
export function linesOf(diagnostics: readonly Diagnostic[], ruleId: string): string[] {
  return diagnostics
    .filter((d) => d.ruleId === ruleId)
    .map((d) => `${d.file}${d.place ? `:${d.place.line}:${d.place.column}` : ''} ${d.message}`)
}

/** Whether a diagnostic comes from the quality checks. */
export const isQualityDiagnostic = (d: Diagnostic): boolean =>
  (QUALITY_RULES as readonly string[]).includes(d.ruleId)

/** Front matter and body of a test article; `title` and `date` are filled in when not given. */
export function article(frontMatter: Record<string, string>, body = 'Teks.'): string {
  const fields = { title: 'Banjir Samarinda', date: '2025-05-14T08:00', ...frontMatter }
  const yaml = Object.entries(fields).map(([key, value]) => `${key}: ${value}`)
  return ['---', ...yaml, '---', '', body, ''].join('\n')
}

/** Writes `content/<name>` files into a temporary site, builds it and checks it. */
export async function checkArticles(files: Record<string, string>, rules?: QualityOptions['rules']) {
  const root = await createTempDir()
  await mkdir(path.join(root, 'content'), { recursive: true })
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, 'content', name), text)
  return buildAndCheck(await qualityConfig(root), rules)
}
