import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { mapConcurrent } from '../util/map-concurrent.js'
import { type OutputFile, removeEmptyFolders, resolveInside } from './output-file.js'

/**
 * Up to this many files (an edit's page and feeds), each is written at once rather than
 * through the thread pool, where it would wait behind the stats of chokidar re-reading the
 * edited file's folder.
 */
const FEW_FILES = 16

/** `writeChangedFiles`' writes, synchronous: see `FEW_FILES`. */
function writeNow(outDir: string, changed: readonly OutputFile[]): void {
  for (const file of changed) {
    const target = resolveInside(outDir, file.path)
    mkdirSync(path.dirname(target), { recursive: true })
    const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`
    if (file.contents !== undefined) writeFileSync(temporary, file.contents)
    else if (file.from) copyFileSync(file.from, temporary)
    else continue
    renameSync(temporary, target)
  }
}

/**
 * Updates an output folder in place for the preview: deletes files the site no longer has
 * (and the folders that leaves empty), then writes only the given changed files, each to a
 * temporary name then renamed (so the server never sends half a page). Deleting first lets
 * a file give way to a folder of the same name, or a folder to a file.
 */
export async function writeChangedFiles(
  outDir: string,
  changed: readonly OutputFile[],
  removed: readonly string[],
): Promise<void> {
  await mapConcurrent(removed, 32, (file) => rm(resolveInside(outDir, file), { force: true }))
  await removeEmptyFolders(outDir, removed)
  if (changed.length <= FEW_FILES) return writeNow(outDir, changed)
  await mapConcurrent(changed, 32, async (file) => {
    const target = resolveInside(outDir, file.path)
    await mkdir(path.dirname(target), { recursive: true })
    const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`
    if (file.contents !== undefined) await writeFile(temporary, file.contents)
    else if (file.from) await copyFile(file.from, temporary)
    else return
    await rename(temporary, target)
  })
}
