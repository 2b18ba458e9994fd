import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ArticleRecord } from '../content/process-source.js'
import type { Diagnostic } from '../errors/diagnostic.js'

/** What the content stage made of one source, as stored. */
export interface CachedArticle {
  record?: ArticleRecord
  diagnostics: Diagnostic[]
}

/** A persistent store of processed articles, keyed by everything that decides the result. */
export interface ArticleCache {
  get(key: string): Promise<CachedArticle | undefined>
  /** Stores an entry; resolves to whether it was stored (a cache that cannot be written only costs speed). */
  set(key: string, value: CachedArticle): Promise<boolean>
}

/** Bumped when the stored shape changes, so old entries are never misread. */
const FORMAT = 4

/** A cache that remembers nothing, for `--no-cache`. */
export const NO_CACHE: ArticleCache = { get: async () => undefined, set: async () => false }

/**
 * A cache of one JSON file per article under `dir`. Entries are written to a temporary
 * name and renamed, so concurrent builds never see half an entry; an entry that fails to
 * parse, or whose embedded key differs, is treated as missing and rebuilt.
 */
export function createArticleCache(dir: string): ArticleCache {
  const fileOf = (key: string) => path.join(dir, key.slice(0, 2), `${key}.json`)
  return {
    async get(key) {
      const text = await readFile(fileOf(key), 'utf8').catch(() => undefined)
      if (text === undefined) return undefined
      try {
        const entry = JSON.parse(text) as { format: number; key: string; value: CachedArticle }
        return entry.format === FORMAT && entry.key === key && Array.isArray(entry.value?.diagnostics)
          ? entry.value
          : undefined
      } catch {
        return undefined
      }
    },
    async set(key, value) {
      const file = fileOf(key)
      const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
      try {
        await mkdir(path.dirname(file), { recursive: true })
        await writeFile(temporary, JSON.stringify({ format: FORMAT, key, value }))
        await rename(temporary, file)
        return true
      } catch {
        await rm(temporary, { force: true })
        return false
      }
    },
  }
}
