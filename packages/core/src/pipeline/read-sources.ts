import type { Stats } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { ArticleCache } from '../cache/article-cache.js'
import type { FrontMatterCheck, ReadFrontMatter } from '../content/process-source.js'
import type { SourceProcessor } from '../content/process-sources.js'
import { hashText } from '../util/hash.js'
import { mapConcurrent } from '../util/map-concurrent.js'
import type { SourceEntry } from './source-store.js'

/** What reading sources needs of the store: its entries (updated in place) and the cache. */
export interface ReadContext {
  root: string
  sources: Map<string, SourceEntry>
  cache: ArticleCache
  fingerprint: string
  checkFrontMatter: (sourcePath: string, raw: string) => Promise<FrontMatterCheck>
  /** A processed source as memory keeps it once the cache holds its whole record (see `slimEntry`). */
  slim: (entry: SourceEntry) => SourceEntry
}

/** Sources read and processed at a time: bounds the source text held in memory. */
const READ_GROUP = 2048

/** Size and mtime of a file as read; a file that was not there cannot match any later stat. */
const sizeOf = (file: Stats | undefined) => ({ size: file?.size ?? -1, mtimeMs: file?.mtimeMs ?? -1 })

/** A source to process: not in memory from an earlier run nor in the cache. */
interface Miss {
  sourcePath: string
  /**
   * What is held of it, unless it is to be read again when processed: its front matter as
   * checked (with the body, all the conversion needs), else its text.
   */
  frontMatter?: ReadFrontMatter
  raw?: string
  entry: SourceEntry
}

/**
 * Reads sources in groups (a huge archive's text is never all in memory), takes what the
 * cache has, and checks the front matter of the rest before converting any body: a build
 * whose only problem is one file's front matter fails without converting the others. Those
 * are then left unread, to be processed by the next run.
 */
export async function readAndProcess(
  context: ReadContext,
  files: readonly { sourcePath: string; file?: Stats }[],
  replaced: Map<string, SourceEntry | undefined>,
  progress: (count: number) => void,
  processor: SourceProcessor,
) {
  const { root, sources, cache } = context
  const checkedAt = Date.now()
  const misses: Miss[] = []
  let frontMatterFailed = false
  for (let start = 0; start < files.length; start += READ_GROUP) {
    await mapConcurrent(files.slice(start, start + READ_GROUP), 32, async ({ sourcePath, file }) => {
      const raw = await readFile(path.join(root, sourcePath), 'utf8')
      const read = { ...sizeOf(file), checkedAt }
      const rawHash = hashText(raw)
      const before = sources.get(sourcePath)
      if (before?.rawHash === rawHash) {
        sources.set(sourcePath, { ...before, ...read })
        return progress(1)
      }
      replaced.set(sourcePath, before)
      const cacheKey = hashText(`${context.fingerprint}\0${sourcePath}\0${rawHash}`)
      const cached = await cache.get(cacheKey)
      if (cached) {
        sources.set(sourcePath, context.slim({ rawHash, cacheKey, ...cached, ...read }))
        return progress(1)
      }
      const entry: SourceEntry = { rawHash, cacheKey, diagnostics: [], ...read }
      const { diagnostics, frontMatter } = await context.checkFrontMatter(sourcePath, raw)
      if (diagnostics.length > 0) {
        frontMatterFailed = true
        sources.set(sourcePath, { ...entry, diagnostics })
        return progress(1)
      }
      // Past the first group, text is read again when its turn comes rather than held.
      const held = misses.length < READ_GROUP
      misses.push({ sourcePath, ...(held ? (frontMatter ? { frontMatter } : { raw }) : {}), entry })
    })
  }
  if (frontMatterFailed) {
    for (const { sourcePath } of misses) sources.delete(sourcePath)
    return progress(misses.length)
  }
  await processMisses(context, misses, progress, processor)
}

async function processMisses(
  context: ReadContext,
  misses: Miss[],
  progress: (count: number) => void,
  processor: SourceProcessor,
) {
  const { root, sources, cache } = context
  for (let start = 0; start < misses.length; start += READ_GROUP) {
    const group = await mapConcurrent(misses.slice(start, start + READ_GROUP), 32, async (miss) => {
      if (miss.frontMatter) return { ...miss, raw: '' }
      const raw = miss.raw ?? (await readFile(path.join(root, miss.sourcePath), 'utf8'))
      // A file rewritten since it was checked is processed as it is now, under its new hash.
      const rawHash = hashText(raw)
      if (rawHash === miss.entry.rawHash) return { ...miss, raw }
      const cacheKey = hashText(`${context.fingerprint}\0${miss.sourcePath}\0${rawHash}`)
      return { ...miss, raw, entry: { ...miss.entry, rawHash, cacheKey } }
    })
    await processor.process(
      group.map(({ sourcePath, raw, frontMatter, entry }) => ({
        sourcePath,
        raw,
        rawHash: entry.rawHash,
        frontMatter,
        entry,
      })),
      async (source, result) => {
        const { entry } = source as (typeof group)[number]
        const stored = await cache.set(entry.cacheKey, result)
        const made = { ...entry, ...result }
        sources.set(source.sourcePath, stored ? context.slim(made) : made)
        progress(1)
      },
    )
  }
}
