import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fg from 'fast-glob'
import type { ResolvedConfig } from '../config/resolve-config.js'
import { type AuthorEntity, readAuthors } from '../content/read-authors.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import { createRenderer, type Renderer } from '../render/create-renderer.js'
import { readTemplateFiles } from '../render/template-files.js'
import { readThemeAssets, type ThemeAsset } from '../render/theme-assets.js'
import { PERMALINK_HISTORY_FILE } from '../routes/permalink-history.js'
import { createUrlFor } from '../routes/to-views.js'
import { compareText } from '../util/compare-text.js'
import type { SourceChanges } from './source-store.js'

/** Everything a build reads besides the articles: authors, templates, assets, public files, permalink history. */
export interface SiteInputs {
  authors: Map<string, AuthorEntity>
  /** Problems in author files and templates. */
  diagnostics: Diagnostic[]
  renderer: Renderer
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

async function loadInputs(config: ResolvedConfig): Promise<SiteInputs> {
  const [authorData, assets, layouts, partials, publicEntries, permalinkHistory] = await Promise.all([
    readAuthors(config.root),
    readThemeAssets(config.theme.dir),
    readTemplateFiles([path.join(config.theme.dir, 'layouts'), config.layoutsDir]),
    readTemplateFiles([path.join(config.theme.dir, 'partials'), config.partialsDir]),
    fg('**/*', { cwd: config.publicDir, onlyFiles: true, followSymbolicLinks: false, stats: true }),
    readFile(path.join(config.root, PERMALINK_HISTORY_FILE), 'utf8').catch(() => undefined),
  ])
  const urlFor = createUrlFor(config.site.basePath)
  const assetUrls = new Map(assets.map((a) => [a.name, a.outputPath]))
  const renderer = createRenderer({
    theme: config.theme,
    layouts,
    partials,
    root: config.root,
    helperContext: {
      site: config.site,
      strings: config.strings,
      url: urlFor,
      asset: (name) => {
        const output = assetUrls.get(name)
        if (!output) throw new Error(`The theme has no asset "${name}" in its assets/ folder.`)
        return urlFor(`/${output}`)
      },
    },
  })
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
    assets,
    publicFiles,
    permalinkHistory,
  }
}
