import path from 'node:path'
import { createArticleCache } from '../cache/article-cache.js'
import { loadConfig } from '../config/load-config.js'
import { type BuildOverrides, type ResolvedConfig, resolveConfig } from '../config/resolve-config.js'
import { checkSiteFolders } from '../config/site-folders.js'
import type { WartaConfig } from '../config/types.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import { cacheDirOf, imageCacheDirOf } from '../pipeline/build.js'
import { createSiteBuilder, type SiteBuilder } from '../pipeline/create-site-builder.js'
import { createStructuredData } from '../pipeline/structured-data.js'
import type { ChangeBatch } from './watch-queue.js'

/** The site the preview builds: made again when its config file changes. */
export interface PreviewSite {
  readonly resolved: ResolvedConfig
  readonly builder: SiteBuilder
  /** The config file as messages name it, relative to the site folder. */
  readonly configName: string | undefined
  /**
   * The folders to watch: the site folder as a whole (content, layouts, partials, public,
   * config), plus the theme's. Folders that do not exist yet are not named: chokidar loses
   * events under them.
   */
  watchedPaths(): string[]
  /** Folders under those that are not sources: the preview's, what `warta build` writes, `.warta/`. */
  notSources(): string[]
  /** Whether these changes need the config loaded again (it, or the theme's strings, or a config that failed). */
  needsReload(batch: ChangeBatch): boolean
  /** Loads the config file again. On failure the last good site stays, and the error is returned. */
  reload(): Promise<Diagnostic | undefined>
}

/**
 * The site of `config`; `onImagesReady` is called with its public folder when pictures made in
 * the background since a run are done, for a run that shows them.
 */
export function createPreviewSite(
  config: WartaConfig,
  overrides: BuildOverrides & { outDir?: string },
  onImagesReady: (publicDir: string) => void,
): PreviewSite {
  const resolve = (c: WartaConfig) =>
    resolveConfig(c, {
      ...overrides,
      outDir: overrides.outDir ?? path.join(c.root ?? process.cwd(), '.warta', 'preview'),
    })
  const builderOf = (r: ResolvedConfig) =>
    createSiteBuilder(r, {
      cache: createArticleCache(path.join(cacheDirOf(r.root), 'articles')),
      mode: 'preview',
      structuredData: (site) => createStructuredData({ site }),
      imageCacheDir: imageCacheDirOf(r.root),
      onImagesReady: () => onImagesReady(r.publicDir),
    })
  const buildOutDirOf = (c: WartaConfig) => path.resolve(c.root ?? process.cwd(), c.outDir ?? 'dist')
  let resolved = resolve(config)
  checkSiteFolders(resolved, config.root)
  let builder = builderOf(resolved)
  let buildOutDir = buildOutDirOf(config)
  // While the config file does not load, the site is built with the last good config; any
  // rebuild then tries the file again, so that its error is not hidden by a successful build.
  let failed = false
  const { configFile } = overrides
  return {
    get resolved() {
      return resolved
    },
    get builder() {
      return builder
    },
    get configName() {
      return configFile && path.relative(resolved.root, configFile)
    },
    watchedPaths: () => {
      const { root, theme } = resolved
      return [root, ...(theme.dir.startsWith(root + path.sep) ? [] : [theme.dir])]
    },
    notSources: () => [resolved.outDir, buildOutDir, path.join(resolved.root, '.warta')],
    needsReload: (batch) =>
      configFile !== undefined &&
      (failed ||
        [...batch.changed, ...batch.removed].some(
          (f) => f === configFile || f.startsWith(path.join(resolved.theme.dir, 'i18n') + path.sep),
        )),
    async reload() {
      if (!configFile) return undefined
      try {
        const loaded = (await loadConfig(configFile)).config
        resolved = resolve(loaded)
        buildOutDir = buildOutDirOf(loaded)
        await builder.dispose()
        builder = builderOf(resolved)
        failed = false
        return undefined
      } catch (error) {
        failed = true
        return {
          file: path.relative(resolved.root, configFile),
          message: (error as Error).message,
          ruleId: 'config',
          severity: 'error',
        }
      }
    },
  }
}
