import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ArticleCache, CachedArticle } from './article-cache.js'

/** An article cache that lasts one build, with `dispose()` to remove it. */
export interface SpoolCache extends ArticleCache {
  dispose(): void
}

/**
 * Keeps processed articles in one temporary file for the length of a build without the
 * persistent cache (`--no-cache`), so that their bodies need not stay in memory: each entry
 * is appended, and read back by offset when a page or feed needs it.
 */
export function createSpoolCache(): SpoolCache {
  const dir = mkdtempSync(path.join(tmpdir(), 'warta-spool-'))
  const fd = openSync(path.join(dir, 'articles'), 'w+')
  const places = new Map<string, { offset: number; length: number }>()
  let end = 0
  return {
    async get(key) {
      const place = places.get(key)
      if (!place) return undefined
      const bytes = Buffer.allocUnsafe(place.length)
      readSync(fd, bytes, 0, place.length, place.offset)
      return JSON.parse(bytes.toString('utf8')) as CachedArticle
    },
    async set(key, value) {
      const bytes = Buffer.from(JSON.stringify(value))
      writeSync(fd, bytes, 0, bytes.length, end)
      places.set(key, { offset: end, length: bytes.length })
      end += bytes.length
      return true
    },
    dispose() {
      closeSync(fd)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
