export { defineConfig } from './config/define-config.js'
export type { ImageOptions, ModernFormat } from './config/image-options.js'
export { CONFIG_FILES, findConfigFile, loadConfig } from './config/load-config.js'
export {
  type BuildOverrides,
  type ResolvedConfig,
  type ResolvedSite,
  resolveConfig,
} from './config/resolve-config.js'
export type { CardColors, FrontPagePlan, HelperContext, Strings, Theme, ThemeImages } from './config/theme.js'
export type * from './config/types.js'
export {
  type ArticleFrontMatter,
  type ArticleSchema,
  createArticleSchema,
  isSafeUrl,
} from './content/article-schema.js'
export type { DevEvents, DevOptions, DevServer, RebuildErrorEvent, RebuildEvent } from './dev/dev.js'
export { dev } from './dev/start-dev.js'
export { WartaBuildError, WartaConfigError } from './errors/build-error.js'
export { RULES, type RuleEntry, type RuleId } from './errors/catalogue.js'
export { type Diagnostic, formatDiagnostic, type Position } from './errors/diagnostic.js'
export { DEFAULT_EMBEDS } from './markdown/embed-allowlist.js'
export { type BuildOptions, type BuildReport, build } from './pipeline/build.js'
export {
  createSiteBuilder,
  type SiteBuilder,
  type SiteBuilderOptions,
} from './pipeline/create-site-builder.js'
export type { SiteBuildResult, SiteBuildRun } from './pipeline/run-types.js'
export { buildShard, merge, parseShard, type ShardReport } from './pipeline/shards.js'
export type * from './routes/views.js'
export type { SearchStats } from './search/index-search.js'
export type { NewsDate } from './util/news-date.js'
