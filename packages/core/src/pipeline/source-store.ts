import { type Stats, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { ArticleCache } from '../cache/article-cache.js'
import { type IndexedSource, loadSourceIndex } from '../cache/source-index.js'
import { findSources } from '../content/find-sources.js'
import {
  type ArticleBody,
  type ArticleRecord,
  type FrontMatterCheck,
  type ProcessSourceContext,
  processSource,
} from '../content/process-source.js'
import type { SourceProcessor } from '../content/process-sources.js'
import { leadsToHost } from '../quality/resolve-link.js'
import { createSlugger, type Slugger } from '../site/slug.js'
import { hashText } from '../util/hash.js'
import { readAndProcess } from './read-sources.js'

/** What changed on disk between two runs, as a watcher saw it (absolute paths). */
export interface SourceChanges {
  changed: ReadonlySet<string>
  removed: ReadonlySet<string>
}

/** What the store knows of one source. */
export interface SourceEntry extends IndexedSource {
  /** The record's body was dropped from memory: read it back from the cache. */
  slim?: boolean
}

/** The sources of one run. */
export interface SourceUpdate {
  /** Every source path of the run, relative to the site root. */
  paths: string[]
  /** Their entries, in the same order. */
  entries: SourceEntry[]
  /** Paths whose file was read (its size or mtime changed, or it is new). */
  read: string[]
  /** Sources whose text changed, with their entry before (undefined for new ones). */
  replaced: Map<string, SourceEntry | undefined>
  /** Files of the content folder that look like content but are not markdown, by extension (see `findSources`). */
  skipped: ReadonlyMap<string, number>
}

/** Where the store finds sources, and how it processes them. */
export interface SourceStoreOptions {
  root: string
  contentDir: string
  contentIgnore: readonly string[]
  /** Fingerprint of everything besides a source's text that decides its record (see `contentFingerprint`). */
  fingerprint: string
  cache: ArticleCache
  /**
   * Host of the site (`news.example`): in memory, a record keeps only the links that may lead
   * to it, the only ones the link check reads (see `leadsToHost`).
   */
  siteHost: string
  /** The source index file, where a warm build in a new process finds unchanged sources without reading them. */
  sourceIndexFile?: string
  /** The content stage on this thread, for a body whose cache entry is gone. */
  localContext: () => Promise<ProcessSourceContext>
  /** The front matter's problems (parse, schema), checked on this thread before any body is converted. */
  checkFrontMatter: (sourcePath: string, raw: string) => Promise<FrontMatterCheck>
}

/**
 * The sources as the last run left them, and everything learned about them: their size and
 * mtime, their processed records (bodies in the cache, not in memory), the source index and
 * the slugs made from them. It is the one place a builder keeps what it knows of its content.
 */
export interface SourceStore {
  /**
   * Brings the store up to date: stats every source (or, with the watcher's changes, only the
   * changed ones), reads only those whose size or mtime changed, and processes only those
   * whose text changed, from the cache or afresh. `share` limits the run to some sources (shards).
   */
  update(options: {
    changes?: SourceChanges
    share?: (sourcePath: string) => boolean
    onProgress?: (done: number, total: number) => void
    /** What converts the sources that changed: the run's, on its worker threads when worth it. */
    processor: SourceProcessor
  }): Promise<SourceUpdate>
  entry(sourcePath: string): SourceEntry | undefined
  /** An article's body and headings: from the cache, or made again from the source when its cache entry is gone. */
  bodyOf(article: { sourcePath: string; record: ArticleRecord }): Promise<ArticleBody>
  /** Tells the source index what the run read and made (slugs included); call after the site model. */
  saveIndex(update: SourceUpdate): Promise<void>
  /** Makes and remembers slugs; the source index keeps them between processes. */
  readonly slugger: Slugger
}

/**
 * Files whose mtime is this close to when they were checked are read again: a file
 * rewritten within the file system's timestamp granularity can keep its mtime (and size).
 */
const RACY_MS = 2000

/** True when the file on disk is still the one an entry was made from. */
const isUnchanged = <T extends IndexedSource>(entry: T | undefined, file: Stats): entry is T =>
  entry !== undefined &&
  entry.size === file.size &&
  entry.mtimeMs === file.mtimeMs &&
  file.mtimeMs < entry.checkedAt - RACY_MS

/**
 * Keeps a processed source without what only its pages need once the cache holds its whole
 * record: the body and its headings (most of an article's memory; a 100,000-article archive
 * would not fit otherwise), and links to other hosts.
 */
function slimEntry(entry: SourceEntry, siteHost: string): SourceEntry {
  if (!entry.record) return entry
  const links = entry.record.links.filter((link) => leadsToHost(link.url, siteHost))
  return { ...entry, slim: true, record: { ...entry.record, html: '', headings: [], links } }
}

/** Creates an empty store; the source index, if any, is loaded at once. */
export function createSourceStore(options: SourceStoreOptions): SourceStore {
  const { root, contentDir, cache } = options
  const sources = new Map<string, SourceEntry>()
  const slugger = createSlugger()
  // The index keeps slim records, which depend on the site's host too.
  const sourceIndex = options.sourceIndexFile
    ? loadSourceIndex(options.sourceIndexFile, hashText(`${options.fingerprint}\0${options.siteHost}`))
    : undefined
  for (const known of sourceIndex?.slugs() ?? []) slugger.remember(known)
  let listed: string[] | undefined
  let skipped = new Map<string, number>()
  const toRootRelative = (file: string) => path.relative(root, file).split(path.sep).join('/')
  // Sources are listed relative to the content folder with forward slashes (fast-glob's way).
  const contentFolder = toRootRelative(contentDir)
  const contentPrefix = contentFolder ? `${contentFolder}/` : ''
  const reading = {
    root,
    sources,
    cache,
    fingerprint: options.fingerprint,
    checkFrontMatter: options.checkFrontMatter,
    slim: (entry: SourceEntry) => slimEntry(entry, options.siteHost),
  }

  /**
   * With the watcher's list of changes, only changed sources need reading; an added file
   * (or anything unclear) falls back to listing the content folder again.
   */
  function knownChanges(changes: SourceChanges, previous: string[]) {
    const inContent = (file: string) => file.startsWith(contentDir + path.sep) && file.endsWith('.md')
    const before = new Set(previous)
    const reread: string[] = []
    for (const file of changes.changed) {
      if (!inContent(file)) continue
      const sourcePath = toRootRelative(file)
      if (!before.has(sourcePath)) return undefined
      reread.push(sourcePath)
    }
    const removed = new Set([...changes.removed].filter(inContent).map(toRootRelative))
    return { paths: previous.filter((p) => !removed.has(p)), reread }
  }

  /** Which of `candidates` must be read: the others are unchanged in memory or in the source index. */
  function toRead(candidates: readonly string[], progress: (count: number) => void) {
    const read: { sourcePath: string; file?: Stats }[] = []
    for (const sourcePath of candidates) {
      // A file gone since it was listed is read anyway, so that its error is the read's.
      const file = statSync(path.join(root, sourcePath), { throwIfNoEntry: false })
      const indexed = sourceIndex?.get(sourcePath)
      if (file && isUnchanged(sources.get(sourcePath), file)) progress(1)
      else if (file && isUnchanged(indexed, file)) {
        sources.set(sourcePath, { ...indexed, slim: true })
        progress(1)
      } else read.push({ sourcePath, file })
    }
    return read
  }

  return {
    slugger,
    entry: (sourcePath) => sources.get(sourcePath),
    async update({ changes, share, onProgress, processor }) {
      const known = listed && changes ? knownChanges(changes, listed) : undefined
      let all = known?.paths
      if (!all) {
        const found = await findSources(contentDir, options.contentIgnore)
        skipped = found.skipped
        all = found.paths.map((p) => contentPrefix + p)
      }
      const paths = share ? all.filter(share) : all
      const seen = new Set(paths)
      listed = paths
      for (const source of sources.keys()) if (!seen.has(source)) sources.delete(source)
      let done = 0
      const progress = (count: number) => {
        done += count
        onProgress?.(done, paths.length)
      }
      const files = toRead(known?.reread ?? paths, progress)
      const replaced = new Map<string, SourceEntry | undefined>()
      await readAndProcess(reading, files, replaced, progress, processor)
      return {
        paths,
        // A source left unread (see `readAndProcess`) has no entry this run.
        entries: paths.flatMap((p) => sources.get(p) ?? []),
        read: files.map((f) => f.sourcePath),
        replaced,
        skipped,
      }
    },
    async bodyOf(article) {
      const entry = sources.get(article.sourcePath)
      if (!entry?.slim) return article.record
      const cached = (await cache.get(entry.cacheKey))?.record
      if (cached) return cached
      const raw = await readFile(path.join(root, article.sourcePath), 'utf8')
      const made =
        hashText(raw) === entry.rawHash
          ? await processSource(article.sourcePath, raw, await options.localContext(), entry.rawHash)
          : undefined
      if (!made?.record) throw new Error(`${article.sourcePath} changed during the build; build again.`)
      await cache.set(entry.cacheKey, made)
      return made.record
    },
    async saveIndex({ paths, read }) {
      if (!sourceIndex) return
      // Only articles whose body is in the cache: the index keeps records without bodies.
      const changed = new Map<string, IndexedSource>()
      for (const sourcePath of read) {
        const entry = sources.get(sourcePath)
        if (!entry?.slim) continue
        const { slim, ...indexed } = entry
        changed.set(sourcePath, indexed)
      }
      const current = new Set(paths)
      const removed = [...sourceIndex.paths()].filter((sourcePath) => !current.has(sourcePath))
      await sourceIndex.update(changed, removed, slugger.known())
    },
  }
}
