import { existsSync, lstatSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { mapConcurrent } from '../util/map-concurrent.js'
import { IO_CONCURRENCY, type OutputFile, removeEmptyFolders } from './output-file.js'
import { locateOutputFolders } from './output-folders.js'
import { folderIdentity, type Generation, identityOf, loadOutputRecord } from './output-record.js'
import { clashError, refuseUnknownFolder } from './ownership-errors.js'
import { writeChangedFiles } from './write-in-place.js'

/** The preview's output folder, updated in place as the site changes. */
export interface PreviewOutput {
  /**
   * Writes the changed files and removes the removed ones. Rejects with a `WartaBuildError`,
   * writing nothing, when a file Warta did not write stands where one of them goes.
   */
  update(changed: readonly OutputFile[], removed: readonly string[]): Promise<void>
}

/**
 * Opens the folder the preview writes into, emptied of what an earlier preview or build
 * wrote there. The default folder, `.warta/preview`, is Warta's own and starts empty. Any
 * other (`warta dev --out dist`) is treated like a build's output folder: only files in
 * Warta's record are removed or replaced, the rest (`CNAME`, `.git`…) stays, and a folder
 * with no record that holds more than a host's files is refused.
 */
export async function openPreviewOutput(outDir: string, root: string): Promise<PreviewOutput> {
  if (outDir.startsWith(path.join(root, '.warta') + path.sep)) {
    await rm(outDir, { recursive: true, force: true })
    await mkdir(outDir, { recursive: true })
    return { update: (changed, removed) => writeChangedFiles(outDir, changed, removed) }
  }
  const folders = await locateOutputFolders(outDir, root)
  const record = await loadOutputRecord(folders.recordFile, outDir)
  const earlier = record.find(outDir)
  if (existsSync(outDir) && !earlier) await refuseUnknownFolder(outDir, root)
  if (earlier) {
    const files = [...earlier.files.keys()]
    await mapConcurrent(files, IO_CONCURRENCY, (file) => rm(path.join(outDir, file), { force: true }))
    await removeEmptyFolders(outDir, files)
  }
  await mkdir(outDir, { recursive: true })
  const owned: Generation = { folder: folderIdentity(outDir) as string, files: new Map() }
  // Recorded before the first file is written, so a preview that is killed leaves a folder
  // whose files the next build or preview knows as Warta's.
  await record.save([owned])
  return {
    async update(changed, removed) {
      const clashes = changed
        .map((file) => file.path)
        .filter(
          (file) => !owned.files.has(file) && lstatSync(path.join(outDir, file), { throwIfNoEntry: false }),
        )
      if (clashes.length > 0) throw clashError(root, outDir, clashes)
      for (const file of changed) owned.files.set(file.path, { ino: 0, size: 0, mtimeMs: 0 })
      await record.save([owned])
      await writeChangedFiles(outDir, changed, removed)
      for (const file of removed) owned.files.delete(file)
      for (const file of changed) owned.files.set(file.path, identityOf(path.join(outDir, file.path)))
      await record.save([owned])
    },
  }
}

/** Files handed to a preview folder in groups of this many, so its record is saved once a group. */
const STREAM_GROUP = 64

/** A run's files written to the preview folder as they are made (`emit`); `flush` writes the last group. */
export function streamInto(output: PreviewOutput): {
  add: (file: OutputFile) => Promise<void>
  flush: () => Promise<void>
} {
  let pending: OutputFile[] = []
  const flush = async () => {
    const files = pending
    pending = []
    if (files.length > 0) await output.update(files, [])
  }
  return {
    async add(file) {
      pending.push(file)
      if (pending.length >= STREAM_GROUP) await flush()
    },
    flush,
  }
}
