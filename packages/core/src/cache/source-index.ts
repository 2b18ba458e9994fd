import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { appendFile, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { KnownSlugs } from '../site/slug.js'
import type { CachedArticle } from './article-cache.js'

/** Bumped when the stored shape changes, so an old index is never misread. */
const FORMAT = 5

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
 * Every source a build saw, with its size and mtime and the processed article (less its
 * body), in one file: a warm build stats each source instead of reading it, and reads one
 * file instead of one cache entry per article. Each entry is a fact about a file as it was
 * read, used only while the file keeps that size and mtime.
 */
export interface SourceIndex {
  get(sourcePath: string): IndexedSource | undefined
  /** The paths it has entries for. */
  paths(): IterableIterator<string>
  /** The slugs earlier processes made, as they saved them (each with what made it). */
  slugs(): KnownSlugs[]
  /**
   * Records new entries, forgets removed sources and keeps the slugs not saved yet: appended,
   * so the cost follows the change.
   */
  update(
    changed: ReadonlyMap<string, IndexedSource>,
    removed: readonly string[],
    slugs: KnownSlugs,
  ): Promise<void>
}

/** A line of the index: a source's entry, a removed source, or the slugs made so far. */
type IndexLine = ['source', string, IndexedSource] | ['removed', string] | ['slugs', KnownSlugs]

/**
 * Loads the index kept at `file`, valid only for this content fingerprint (Warta's version,
 * markdown options, schema…): a header line, then lines in the order they were appended,
 * a later line for a source replacing an earlier one. The file is rewritten whole when it
 * holds more than twice the lines it needs.
 */
export function loadSourceIndex(file: string, fingerprint: string): SourceIndex {
  const header = JSON.stringify({ format: FORMAT, fingerprint })
  const entries = new Map<string, IndexedSource>()
  const savedSlugs: KnownSlugs[] = []
  let lineCount = 0
  try {
    const [first, ...lines] = readFileSync(file, 'utf8').split('\n')
    if (first === header) {
      for (const text of lines) {
        // A line cut short by a killed build, or interleaved by a concurrent one, is skipped.
        let line: IndexLine
        try {
          line = JSON.parse(text) as IndexLine
        } catch {
          continue
        }
        lineCount++
        if (line[0] === 'source') entries.set(line[1], line[2])
        else if (line[0] === 'removed') entries.delete(line[1])
        else if (line[0] === 'slugs') savedSlugs.push(line[1])
      }
    }
  } catch {
    // Missing or unreadable: every source is read, and the index is written afresh.
  }
  let needsRewrite = lineCount === 0
  // Slugs already in the file by the same slugify: only others are appended.
  let saved: Set<string> | undefined
  const newSlugs = ({ maker, slugs }: KnownSlugs): ['slugs', KnownSlugs] => {
    saved ??= new Set(
      savedSlugs
        .filter((known) => known.maker === maker)
        .flatMap((known) => known.slugs.map(([text]) => text)),
    )
    const fresh = slugs.filter(([text]) => !saved?.has(text))
    for (const [text] of fresh) saved.add(text)
    return ['slugs', { maker, slugs: fresh }]
  }

  const write = async (lines: IndexLine[], whole: boolean) => {
    const text = lines.map((line) => `${JSON.stringify(line)}\n`).join('')
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    try {
      await mkdir(path.dirname(file), { recursive: true })
      if (!whole) return await appendFile(file, text)
      await writeFile(temporary, `${header}\n${text}`)
      await rename(temporary, file)
    } catch {
      // An index that cannot be written only costs the next build its speed.
      await rm(temporary, { force: true })
    }
  }

  return {
    get: (sourcePath) => entries.get(sourcePath),
    paths: () => entries.keys(),
    slugs: () => savedSlugs,
    async update(changed, removed, known) {
      const slugs = newSlugs(known)
      if (changed.size === 0 && removed.length === 0 && slugs[1].slugs.length === 0 && !needsRewrite) return
      for (const [sourcePath, entry] of changed) entries.set(sourcePath, entry)
      for (const sourcePath of removed) entries.delete(sourcePath)
      lineCount += changed.size + removed.length + 1
      if (needsRewrite || lineCount > 2 * entries.size + 100) {
        needsRewrite = false
        lineCount = entries.size + 1
        const all: IndexLine[] = [...entries].map(([sourcePath, entry]) => ['source', sourcePath, entry])
        return write([['slugs', known], ...all], true)
      }
      await write(
        [
          ...[...changed].map(([sourcePath, entry]): IndexLine => ['source', sourcePath, entry]),
          ...removed.map((sourcePath): IndexLine => ['removed', sourcePath]),
          slugs,
        ],
        false,
      )
    },
  }
}
