import { readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  type ArticleCache,
  type CachedArticle,
  createArticleCache,
  NO_CACHE,
} from '../cache/article-cache.js'
import { type BuildOverrides, resolveConfig } from '../config/resolve-config.js'
import type { WartaConfig } from '../config/types.js'
import { WartaConfigError } from '../errors/build-error.js'
import { SHARD_MANIFEST, writeShardManifest } from '../write/write-site-files.js'
import { type BuildOptions, type BuildReport, build, cacheDirOf } from './build.js'
import { createSiteBuilder, type Shard } from './create-site-builder.js'

interface ShardManifest {
  format: 1
  shard: Shard
  entries: { key: string; value: CachedArticle }[]
}

/** What a shard build did. */
export interface ShardReport {
  /** The manifest written, for `warta merge`. */
  manifest: string
  articles: number
  summary: string
}

/** Reads `i/n` (1-based, as CI matrices count) into a shard. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count) {
    throw new WartaConfigError(`--shard "${text}" must be i/n with 1 ≤ i ≤ n, e.g. --shard 2/3.`)
  }
  return { index: index - 1, count }
}

/**
 * Processes one shard's share of the articles — the markdown, which is most of a cold
 * build's work — and writes them to `warta-shard.json` in the output folder. Run one per
 * CI job; `merge()` then builds the whole site from all shards without converting markdown.
 */
export async function buildShard(
  config: WartaConfig,
  shard: Shard,
  options: BuildOverrides = {},
): Promise<ShardReport> {
  const started = performance.now()
  const resolved = resolveConfig(config, options)
  const builder = createSiteBuilder(resolved)
  const entries = await builder.processShard(shard)
  const content: ShardManifest = { format: 1, shard, entries }
  const manifest = await writeShardManifest(resolved.outDir, content)
  const ms = Math.round(performance.now() - started)
  return {
    manifest,
    articles: entries.length,
    summary: `Processed ${entries.length} articles for shard ${shard.index + 1}/${shard.count} in ${ms} ms → ${manifest}`,
  }
}

/** A cache answering from shard manifests first, then from the site's own cache. */
function layeredCache(entries: Map<string, CachedArticle>, fallback: ArticleCache): ArticleCache {
  return {
    get: async (key) => entries.get(key) ?? fallback.get(key),
    set: (key, value) => fallback.set(key, value),
  }
}

/**
 * Builds the whole site from shard outputs: every article comes from a shard's manifest
 * (articles changed since, or missing from every shard, are processed here), then pages,
 * listings, feeds and sitemaps are written as by `build()` — byte for byte the same site.
 */
export async function merge(
  config: WartaConfig,
  shardDirs: readonly string[],
  options: BuildOptions = {},
): Promise<BuildReport> {
  const entries = new Map<string, CachedArticle>()
  const seen = new Set<string>()
  for (const dir of shardDirs) {
    const file = path.join(path.resolve(dir), SHARD_MANIFEST)
    let manifest: ShardManifest
    try {
      manifest = JSON.parse(await readFile(file, 'utf8')) as ShardManifest
    } catch (error) {
      throw new WartaConfigError(
        `Cannot read the shard manifest ${file}: ${(error as Error).message}. Run \`warta build --shard i/n --out ${dir}\` first.`,
      )
    }
    if (manifest.format !== 1)
      throw new WartaConfigError(`${file} was written by another version of Warta; rebuild the shards.`)
    const label = `${manifest.shard.index + 1}/${manifest.shard.count}`
    if (seen.has(label)) throw new WartaConfigError(`Shard ${label} is given twice (${file}).`)
    seen.add(label)
    for (const entry of manifest.entries) entries.set(entry.key, entry.value)
  }
  const resolved = resolveConfig(config, options)
  const fallback =
    options.cache === false ? NO_CACHE : createArticleCache(path.join(cacheDirOf(resolved.root), 'articles'))
  return build(config, { ...options, articleCache: layeredCache(entries, fallback) })
}
