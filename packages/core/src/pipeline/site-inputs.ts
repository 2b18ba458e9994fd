import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fg from 'fast-glob'
import type { ResolvedEdition } from '../config/editions.js'
import type { ResolvedConfig, ResolvedSite } from '../config/resolve-config.js'
import type { Strings } from '../config/theme.js'
import { type AuthorEntity, readAuthors } from '../content/read-authors.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import { createRenderer, type Renderer } from '../render/create-renderer.js'
import { createHelperContext, type RenderSetup } from '../render/render-setup.js'
import { readTemplateFiles, type TemplateFile } from '../render/template-files.js'
import { readThemeAssets, type ThemeAsset } from '../render/theme-assets.js'
import { PERMALINK_HISTORY_FILE } from '../routes/permalink-history.js'
import { compareText } from '../util/compare-text.js'
import { hashText } from '../util/hash.js'
import type { SourceChanges } from './source-store.js'

/** Everything a build reads besides the articles: authors, templates, assets, public files, permalink history. */
export interface SiteInputs {
  authors: Map<string, AuthorEntity>
  /** Problems in author files and templates. */
  diagnostics: Diagnostic[]
  renderer: Renderer
  /** What worker threads need to make the same renderer; absent when they cannot (a theme from code, no config file). */
  renderSetup?: RenderSetup
  /** A site with editions: each edition's renderer (its strings, dates and URLs), by edition key. */
  editionRenderers?: Map<string, { renderer: Renderer; setup?: RenderSetup }>
  assets: ThemeAsset[]
  publicFiles: { path: string; from: string; key: string }[]
  /** The permalink history file's text, if there is one. */
  permalinkHistory?: string
}

/**
 * The site's inputs other than articles: those of the last run while the watcher reports
 * changes to articles only (an article edit then costs no template compiling or folder
 * walks), else loaded afresh.
 */
export async function loadSiteInputs(
  config: ResolvedConfig,
  last: SiteInputs | undefined,
  changes?: SourceChanges,
): Promise<SiteInputs> {
  const contentDir = config.contentDir + path.sep
  const onlyContent =
    changes && [...changes.changed, ...changes.removed].every((file) => file.startsWith(contentDir))
  return last && onlyContent ? last : loadInputs(config)
}

/** See `RenderSetup`: a theme is made again in a worker from its module, else from the config file. */
function renderSetupOf(
  config: ResolvedConfig,
  layouts: Map<string, TemplateFile>,
  partials: Map<string, TemplateFile>,
  assets: Map<string, string>,
  edition?: ResolvedEdition,
): RenderSetup | undefined {
  const theme = config.theme.module
    ? { module: config.theme.module }
    : config.configFile
      ? { configFile: config.configFile }
      : undefined
  if (!theme) return undefined
  const setup = {
    theme,
    layouts: [...layouts.values()],
    partials: [...partials.values()],
    site: edition?.site ?? config.site,
    strings: edition?.strings ?? config.strings,
    assets: [...assets],
    root: config.root,
    ...(edition ? { assetBasePath: config.site.basePath } : {}),
  }
  return { key: hashText(JSON.stringify(setup)), ...setup }
}

async function loadInputs(config: ResolvedConfig): Promise<SiteInputs> {
  const [authorData, assets, layouts, partials, publicEntries, permalinkHistory] = await Promise.all([
    readAuthors(config.root),
    readThemeAssets(config.theme.dir),
    readTemplateFiles([path.join(config.theme.dir, 'layouts'), config.layoutsDir]),
    readTemplateFiles([path.join(config.theme.dir, 'partials'), config.partialsDir]),
    fg('**/*', { cwd: config.publicDir, onlyFiles: true, followSymbolicLinks: false, stats: true }),
    readFile(path.join(config.root, PERMALINK_HISTORY_FILE), 'utf8').catch(() => undefined),
  ])
  const assetUrls = new Map(assets.map((a) => [a.name, a.outputPath]))
  // Theme assets are at the site's root whichever edition's pages use them.
  const rendererFor = (site: ResolvedSite, strings: Strings) =>
    createRenderer({
      theme: config.theme,
      layouts,
      partials,
      root: config.root,
      helperContext: createHelperContext(site, strings, assetUrls, config.site.basePath),
    })
  const renderer = rendererFor(config.site, config.strings)
  const editionRenderers =
    config.editions &&
    new Map(
      config.editions.map((edition) => [
        edition.key,
        {
          renderer: rendererFor(edition.site, edition.strings),
          setup: renderSetupOf(config, layouts, partials, assetUrls, edition),
        },
      ]),
    )
  const publicFiles = publicEntries
    .sort((a, b) => compareText(a.path, b.path))
    .map((entry) => ({
      path: entry.path,
      from: path.join(config.publicDir, entry.path),
      key: `public:${entry.stats?.mtimeMs}:${entry.stats?.size}`,
    }))
  return {
    authors: authorData.authors,
    diagnostics: [...authorData.diagnostics, ...renderer.diagnostics],
    renderer,
    renderSetup: renderSetupOf(config, layouts, partials, assetUrls),
    ...(editionRenderers ? { editionRenderers } : {}),
    assets,
    publicFiles,
    permalinkHistory,
  }
}
