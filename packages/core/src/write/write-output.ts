import { existsSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { compareText } from '../util/compare-text.js'
import { ancestorsOf, type ForeignEntry, findClashes, findForeign } from './foreign-entries.js'
import { IO_CONCURRENCY, type OutputFile, type WriteStats } from './output-file.js'
import { locateOutputFolders, pruneOutputState, recoverOutput, settlePrevious } from './output-folders.js'
import { folderIdentity, type Generation, loadOutputRecord } from './output-record.js'
import { clashError, refuseUnknownFolder } from './ownership-errors.js'
import { createStagingFiles } from './staging-files.js'

export type { OutputFile, WriteStats } from './output-file.js'

/** Options of a site writer. */
export interface SiteWriterOptions {
  /** The site folder: its `.warta/output/` keeps the record of what Warta wrote, and the work folders. */
  root: string
  /**
   * Keep the replaced site as the spare, and start the next staging folder from it (files that
   * did not change are already there, as hard links). Default `true`; `--no-cache` builds
   * pass `false` and write every file afresh.
   */
  spare?: boolean
}

/** What a commit did. */
export interface CommitResult extends WriteStats {
  /** Warta's files in the output folder now. */
  current: Generation
  /** Entries Warta did not write, carried over into the new site (`CNAME`, `.git`…). */
  kept: string[]
  /**
   * A folder holding entries that could not be put back: they appeared in the output folder
   * while it was being swapped, at a path the new site writes, or a folder no build recorded
   * stood where a killed build leaves the replaced site. Kept there rather than lost; almost
   * always unset.
   */
  rescued?: string
  /** Output paths this build added, whose bytes it changed, and that it removed, each sorted. */
  changes: OutputChanges
}

/** What a build did to Warta's files in the output folder, by output path. */
export interface OutputChanges {
  added: string[]
  changed: string[]
  removed: string[]
}

/** Writes one site's files as they are produced, then swaps them in whole. */
export interface SiteWriter {
  /** Warta's files in the output folder as the last build left them (`undefined`: none recorded). */
  readonly current: Generation | undefined
  /** Queues one file; resolves once there is room for more (a bounded number are in flight). */
  write(file: OutputFile): Promise<void>
  /**
   * Waits for every write, carries over what Warta did not write, swaps the new site in and
   * keeps the old one as the next build's spare. Rejects with a `WartaBuildError` (leaving
   * the output folder as it was) when a file Warta did not write stands where the site writes.
   */
  commit(): Promise<CommitResult>
  /** Drops everything written; the previous site stays as it was. */
  abort(): Promise<void>
  /** Paths that got new bytes (rather than being kept from the previous site). */
  readonly written: ReadonlySet<string>
}

/**
 * Writes a site into a staging folder, swapped in only on `commit()`, so that readers and a
 * failed or killed build only ever see the previous site or the new one. Files arrive one by
 * one (pages are not all held in memory); files whose bytes did not change are hard-linked
 * from the previous site, keeping their mtime.
 *
 * Only Warta's own files are replaced: a record in the site's `.warta/output/` lists every
 * file each build wrote, and whatever else is in the output folder (`CNAME`, `.nojekyll`,
 * `.git/`, `.well-known/`…) is moved into each new site as it is swapped in, and back if a
 * build is killed. With the spare (the default), the staging folder starts as the site
 * before the current one and only changed files are written, linked or removed.
 */
export async function createSiteWriter(outDir: string, options: SiteWriterOptions): Promise<SiteWriter> {
  const folders = await locateOutputFolders(outDir, options.root)
  const record = await loadOutputRecord(folders.recordFile, outDir)
  const recovered = await recoverOutput(folders, record)
  const keepSpare = options.spare !== false && folders.spare !== undefined
  const current = record.find(outDir)
  if (!current && existsSync(outDir)) await refuseUnknownFolder(outDir, options.root)
  const stagingDir = folders.staging()
  const spareGeneration = keepSpare && current && folders.spare ? record.find(folders.spare) : undefined
  if (spareGeneration) await rename(folders.spare as string, stagingDir)
  else {
    if (folders.spare) await rm(folders.spare, { recursive: true, force: true })
    await mkdir(stagingDir, { recursive: true })
  }
  const files = createStagingFiles(outDir, stagingDir, current, spareGeneration)
  const inFlight = new Set<Promise<void>>()
  let failure: unknown
  const settle = async () => {
    await Promise.all(inFlight)
    if (failure) throw failure
  }
  /** Carries over what is not Warta's, and swaps the new site in. */
  const swap = async (): Promise<{ next: Generation; foreign: ForeignEntry[] }> => {
    const next: Generation = { folder: folderIdentity(stagingDir) as string, files: files.placed }
    const hadOutput = existsSync(outDir)
    // Saved before anything moves: after a kill, every folder in play is known by its identity
    // (a folder with no record, holding only a host's files, as one with no file of Warta's).
    const replaced = current ?? { folder: folderIdentity(outDir) as string, files: new Map() }
    await record.save(hadOutput ? [next, replaced] : [next])
    // Looked at as late as possible, so that what is added meanwhile is seen too.
    const owned = new Set(current?.files.keys())
    const foreign = hadOutput
      ? findForeign(outDir, owned, ancestorsOf([...owned, ...files.placed.keys()]))
      : []
    const clashes = await findClashes(outDir, foreign, new Set(files.placed.keys()), stagingDir)
    if (clashes.length > 0) throw clashError(options.root, outDir, clashes)
    if (hadOutput) await rename(outDir, folders.previous)
    await rename(stagingDir, outDir)
    return { next, foreign }
  }
  return {
    current,
    written: files.written,
    async write(file) {
      if (failure) throw failure
      const pending: Promise<void> = files.place(file).then(
        () => {
          inFlight.delete(pending)
        },
        (error: unknown) => {
          inFlight.delete(pending)
          failure ??= error
        },
      )
      inFlight.add(pending)
      if (inFlight.size >= IO_CONCURRENCY) await Promise.race(inFlight)
    },
    async commit() {
      let swapped: { next: Generation; foreign: ForeignEntry[] }
      try {
        await settle()
        await files.dropLeftovers()
        swapped = await swap()
      } catch (error) {
        await rm(stagingDir, { recursive: true, force: true })
        throw error
      }
      const rescued = existsSync(folders.previous)
        ? await settlePrevious(folders, record, keepSpare, swapped.foreign)
        : undefined
      await pruneOutputState(options.root)
      // A foreign file with the very bytes the site writes was taken over, not kept.
      const kept = swapped.foreign.filter((e) => !files.placed.has(e.path)).map((e) => e.path)
      const changes: OutputChanges = { added: [], changed: [], removed: files.removed().sort(compareText) }
      for (const file of [...files.written].sort(compareText))
        (current?.files.has(file) ? changes.changed : changes.added).push(file)
      return { ...files.stats, current: swapped.next, kept, rescued: rescued ?? recovered, changes }
    },
    async abort() {
      await Promise.allSettled(inFlight)
      await rm(stagingDir, { recursive: true, force: true })
    },
  }
}
