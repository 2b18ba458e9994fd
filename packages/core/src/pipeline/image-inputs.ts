import path from 'node:path'
import type { ResolvedConfig } from '../config/resolve-config.js'
import type { CardColors } from '../config/theme.js'
import type { ImageStageOptions } from '../images/run-image-stage.js'
import type { SiteBuilderOptions } from './create-site-builder.js'
import type { SiteBuildRun } from './run-types.js'
import { workerCount } from './worker-pool.js'

/** The card colours: the theme's, with the site's accent colour when it sets one. */
export function cardColors(config: ResolvedConfig): CardColors {
  const accent = config.site.colors['--accent']
  return {
    background: '#161616',
    text: '#ffffff',
    muted: '#bdbdbd',
    accent: '#b3121f',
    ...config.theme.images?.card,
    ...(accent && /^#[0-9a-f]{3,6}$/i.test(accent) ? { accent } : {}),
  }
}

/** What the image stage needs of the config and the run. */
export function imageStageOptions(
  config: ResolvedConfig,
  options: SiteBuilderOptions,
  run: SiteBuildRun,
): ImageStageOptions {
  const { site } = config
  return {
    folders: { root: config.root, publicDir: config.publicDir, basePath: site.basePath },
    images: config.images,
    site: {
      title: site.title,
      description: site.description,
      url: site.url,
      basePath: site.basePath,
      image: site.image,
      logo: site.logo,
      publisherLogo: site.publisher.logo?.src,
      configFile: config.configFile
        ? path.relative(config.root, config.configFile).split(path.sep).join('/')
        : 'warta.config.ts',
      colors: cardColors(config),
    },
    cacheDir: options.imageCacheDir,
    workers: workerCount(),
    bodySizes: config.theme.images?.bodySizes ?? '100vw',
    isCurrent: run.isCurrent,
    onBackgroundDone: options.mode === 'preview' ? options.onImagesReady : undefined,
  }
}
