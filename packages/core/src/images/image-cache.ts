import { existsSync, mkdtempSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { variantFile, writeAtomically } from './encode-image.js'
import type { Placeholder, SourceInfo, VariantSpec } from './image-types.js'

/** Bumped when the stored shape changes, so an old index is never misread. */
const FORMAT = 1

/**
 * Files whose mtime is this close to when they were checked are read again: a file
 * rewritten within the file system's timestamp granularity can keep its mtime and size.
 */
const RACY_MS = 2000

/** What the cache knows of a source file, valid while its size and mtime are unchanged. */
interface KnownSource {
  size: number
  mtimeMs: number
  checkedAt: number
  info: SourceInfo
}

/**
 * The image stage's persistent cache: an index of source files (their hash and header, so a
 * warm build only stats them) and the made files, each named after its key — a hash of the
 * source's bytes, the transform and the encoder's version — so that no unchanged picture is
 * ever encoded twice. Without a folder (`--no-cache`), made files go to a temporary folder
 * that `dispose()` removes.
 */
export interface ImageCache {
  /** The folder of made files. */
  readonly filesDir: string
  /** A source's header as last read, if its file is unchanged since. */
  source(file: string, size: number, mtimeMs: number): SourceInfo | undefined
  rememberSource(info: SourceInfo, size: number, mtimeMs: number): void
  placeholder(hash: string, kind: 'color' | 'blur'): Placeholder | undefined
  rememberPlaceholder(hash: string, kind: 'color' | 'blur', placeholder: Placeholder): void
  /** Whether a made file is in the cache. */
  has(spec: Pick<VariantSpec, 'key' | 'format'>): boolean
  /** Writes the index when it changed. */
  save(): Promise<void>
  /** Removes a temporary folder (`--no-cache`); a persistent cache stays. */
  dispose(): Promise<void>
}

interface StoredIndex {
  format: number
  sources: [string, KnownSource][]
  placeholders: [string, Placeholder][]
}

/** Opens the cache in `dir` (`<site cache>/images`), or a temporary one when `dir` is undefined. */
export async function openImageCache(dir: string | undefined): Promise<ImageCache> {
  const temporary = dir === undefined
  const root = dir ?? mkdtempSync(path.join(tmpdir(), 'warta-images-'))
  const indexFile = path.join(root, 'index.json')
  const sources = new Map<string, KnownSource>()
  const placeholders = new Map<string, Placeholder>()
  if (!temporary) {
    try {
      const stored = JSON.parse(await readFile(indexFile, 'utf8')) as StoredIndex
      if (stored.format === FORMAT) {
        for (const [file, known] of stored.sources) sources.set(file, known)
        for (const [key, value] of stored.placeholders) placeholders.set(key, value)
      }
    } catch {
      // No index, or one that does not parse: every source is read again.
    }
  }
  let dirty = false
  const filesDir = path.join(root, 'files')
  return {
    filesDir,
    source(file, size, mtimeMs) {
      const known = sources.get(file)
      return known && known.size === size && known.mtimeMs === mtimeMs && mtimeMs < known.checkedAt - RACY_MS
        ? known.info
        : undefined
    },
    rememberSource(info, size, mtimeMs) {
      sources.set(info.file, { size, mtimeMs, checkedAt: Date.now(), info })
      dirty = true
    },
    placeholder: (hash, kind) => placeholders.get(`${hash}|${kind}`),
    rememberPlaceholder(hash, kind, placeholder) {
      placeholders.set(`${hash}|${kind}`, placeholder)
      dirty = true
    },
    has: (spec) => existsSync(variantFile(filesDir, spec)),
    async save() {
      if (!dirty || temporary) return
      const stored: StoredIndex = { format: FORMAT, sources: [...sources], placeholders: [...placeholders] }
      // A cache that cannot be written only costs speed.
      await writeAtomically(indexFile, JSON.stringify(stored)).catch(() => undefined)
      dirty = false
    },
    async dispose() {
      if (temporary) await rm(root, { recursive: true, force: true })
    },
  }
}
