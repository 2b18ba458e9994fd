import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { mapConcurrent } from '../util/map-concurrent.js'
import { type OutputFile, removeEmptyFolders, resolveInside } from './output-file.js'

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
