import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { knownSlugs, rememberSlugs } from '../site/slug.js'
import type { CachedArticle } from './article-cache.js'

/** Bumped when the stored shape changes, so an old index is never misread. */
const FORMAT = 2

/** What a build learned about one source file. */
export interface IndexedSource extends CachedArticle {
  /** The file as it was read: its size, mtime, and when it was checked. */
  size: number
  mtimeMs: number
  checkedAt: number
  rawHash: string
  /** Where the whole processed article (with its body) is in the article cache. */
  cacheKey: string
}

/**
 * Every source of the last build with its size and mtime and the processed article (less
 * its body), in one file: a warm build stats each source instead of reading it, and reads
 * one file instead of one cache entry per article.
 */
export interface SourceIndex {
  readonly size: number
  get(sourcePath: string): IndexedSource | undefined
  save(entries: ReadonlyMap<string, IndexedSource>): Promise<void>
}

/**
 * Loads the index kept at `file`, valid only for this content fingerprint (Warta's version,
 * markdown options, schema…). A header line, a line of slugs, then one JSON line per source.
 */
export function loadSourceIndex(file: string, fingerprint: string): SourceIndex {
  let entries = new Map<string, IndexedSource>()
  try {
    const [first, slugs, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n')
    const header = JSON.parse(first as string) as { format: number; fingerprint: string }
    if (header.format === FORMAT && header.fingerprint === fingerprint) {
      entries = new Map(lines.map((line) => JSON.parse(line) as [string, IndexedSource]))
      // The slugs of the titles and terms of these articles, which cost more to make than to read.
      rememberSlugs(JSON.parse(slugs as string) as ReturnType<typeof knownSlugs>)
    }
  } catch {
    // Missing or corrupt: every source is read.
    entries.clear()
  }
  return {
    get size() {
      return entries.size
    },
    get: (sourcePath) => entries.get(sourcePath),
    async save(saved) {
      const lines = [JSON.stringify({ format: FORMAT, fingerprint }), JSON.stringify(knownSlugs())]
      for (const entry of saved) lines.push(JSON.stringify(entry))
      const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
      try {
        await mkdir(path.dirname(file), { recursive: true })
        await writeFile(temporary, `${lines.join('\n')}\n`)
        await rename(temporary, file)
      } catch {
        // An index that cannot be written only costs the next build its speed.
        await rm(temporary, { force: true })
      }
    },
  }
}
