import type { ResolvedSite } from '../config/resolve-config.js'
import type { HelperContext, Strings, ThemeModule } from '../config/theme.js'
import { createUrlFor } from '../routes/to-views.js'
import type { TemplateFile } from './template-files.js'

/**
 * Everything a worker thread needs to make the same renderer as the main thread, as plain
 * data: the templates as read, the site, the strings, the assets' names, and where to find
 * the theme's helpers again (its module, or the config file that makes it).
 */
export interface RenderSetup {
  /** Fingerprint of all of it: a worker keeps its renderer while the key stays the same. */
  key: string
  theme: { module: ThemeModule } | { configFile: string }
  layouts: TemplateFile[]
  partials: TemplateFile[]
  site: ResolvedSite
  strings: Strings
  /** Theme asset names and their paths in the output folder. */
  assets: [string, string][]
  /** Where the assets are served: the site's base path when `site` is an edition's (`/en/`). Default `site.basePath`. */
  assetBasePath?: string
  root: string
}

/**
 * What a theme's helpers are built from: URLs under the base path and hashed asset names. An
 * edition's pages link its own pages under its base path, and the assets all editions share
 * under `assetBasePath`, the site's.
 */
export function createHelperContext(
  site: ResolvedSite,
  strings: Strings,
  assets: ReadonlyMap<string, string>,
  assetBasePath = site.basePath,
): HelperContext {
  const urlFor = createUrlFor(site.basePath)
  const assetUrl = createUrlFor(assetBasePath)
  return {
    site,
    strings,
    url: urlFor,
    asset: (name) => {
      const output = assets.get(name)
      if (!output) throw new Error(`The theme has no asset "${name}" in its assets/ folder.`)
      return assetUrl(`/${output}`)
    },
  }
}
