import { constants, lstatSync } from 'node:fs'
import { copyFile, link, mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { mapConcurrent } from '../util/map-concurrent.js'
import {
  IO_CONCURRENCY,
  type OutputFile,
  removeEmptyFolders,
  resolveInside,
  sameBytes,
  type WriteStats,
} from './output-file.js'
import { type FileIdentity, type Generation, identityOf } from './output-record.js'

/** What stood at a path before a build wrote it: in the site it replaces, and in the spare. */
interface Before {
  had: boolean
  kept?: FileIdentity
  staged?: FileIdentity
}

/**
 * The files of a staging folder as they are placed: written, linked from the live site when
 * their bytes did not change, or kept from the spare when it already links the same file.
 */
export function createStagingFiles(
  outDir: string,
  stagingDir: string,
  current: Generation | undefined,
  spare: Generation | undefined,
) {
  const stats: WriteStats = { written: 0, unchanged: 0, removed: 0 }
  // Warta's files in the site being replaced, by path: the ones not placed again are removed.
  const previous = new Map<string, FileIdentity>(current?.files)
  // Files already in the staging folder (those of the spare site), by path.
  const staged = new Map(spare?.files)
  const placed = new Map<string, FileIdentity>()
  const madeDirs = new Map<string, Promise<unknown>>()
  const written = new Set<string>()

  const ensureDir = (dir: string) => {
    let made = madeDirs.get(dir)
    if (!made) {
      made = mkdir(dir, { recursive: true })
      madeDirs.set(dir, made)
    }
    return made
  }
  /**
   * Clears the way for `file` in a staging folder made from the spare: a file standing where
   * a folder now goes, and whatever stands at the file's own path.
   */
  const clearWay = async (file: string) => {
    const parts = file.split('/')
    for (let i = 1; i < parts.length; i++) {
      const ancestor = parts.slice(0, i).join('/')
      const info = lstatSync(path.join(stagingDir, ancestor), { throwIfNoEntry: false })
      if (info && !info.isDirectory()) {
        staged.delete(ancestor)
        await rm(path.join(stagingDir, ancestor), { force: true })
      }
    }
    for (const p of [...staged.keys()]) if (p.startsWith(`${file}/`)) staged.delete(p)
    await rm(path.join(stagingDir, file), { recursive: true, force: true })
  }
  const placeOnce = async (file: OutputFile, target: string, before: Before) => {
    const existing = path.join(outDir, file.path)
    const keep = file.contents === undefined && file.from === undefined
    if (before.had && (keep || (await sameBytes(existing, file)))) {
      const identity = (keep && before.kept) || identityOf(existing)
      stats.unchanged++
      placed.set(file.path, identity)
      // The spare's file is already a link to the same inode: nothing to do.
      if (before.staged?.ino === identity.ino) return
      await ensureDir(path.dirname(target))
      if (before.staged) await rm(target, { force: true })
      await link(existing, target).catch(() => copyFile(existing, target))
      return
    }
    if (keep) throw new Error(`Cannot keep "${file.path}": the output folder has no such file of Warta's.`)
    await ensureDir(path.dirname(target))
    // The spare's file may be a link to the live site's inode: replace it, never write into it.
    if (before.staged) await rm(target, { force: true })
    // Exclusive: never into a file already there (a stray one in the spare fails, and gives way).
    if (file.contents !== undefined) await writeFile(target, file.contents, { flag: 'wx' })
    else await copyFile(file.from as string, target, constants.COPYFILE_EXCL)
    stats.written++
    written.add(file.path)
    placed.set(file.path, identityOf(target))
  }
  return {
    stats,
    placed,
    written,
    /** Warta's files of the replaced site that this build did not place again (after `dropLeftovers`). */
    removed: () => [...previous.keys()],
    async place(file: OutputFile) {
      const target = resolveInside(stagingDir, file.path)
      const before: Before = {
        had: previous.has(file.path),
        kept: previous.get(file.path),
        staged: staged.get(file.path),
      }
      previous.delete(file.path)
      staged.delete(file.path)
      try {
        await placeOnce(file, target, before)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (!spare || !['ENOTDIR', 'EISDIR', 'EEXIST'].includes(code ?? '')) throw error
        // The spare had a file where this one's folder goes, or a folder or stray file at its path.
        madeDirs.clear()
        await clearWay(file.path)
        await placeOnce(file, target, { ...before, staged: undefined })
      }
    },
    /** Removes what the spare site had and the new one has not. */
    async dropLeftovers() {
      const leftovers = [...staged.keys()]
      await mapConcurrent(leftovers, IO_CONCURRENCY, (file) =>
        rm(path.join(stagingDir, file), { force: true }),
      )
      await removeEmptyFolders(stagingDir, leftovers)
      stats.removed = previous.size
    },
  }
}
