import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { mapConcurrent } from '../util/map-concurrent.js'
import { type OutputFile, resolveInside } from './write-output.js'

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

/**
 * Removes the folders of removed files that are now empty, deepest first, up to the output
 * folder: a cold build would not have them, and a moved page's old folder would otherwise
 * answer its URL with a redirect to a 404 rather than the 404 itself.
 */
async function removeEmptyFolders(outDir: string, removed: readonly string[]): Promise<void> {
  const folders = new Set<string>()
  const inside = (dir: string) => dir.startsWith(outDir + path.sep)
  for (const file of removed) {
    for (let dir = path.dirname(resolveInside(outDir, file)); inside(dir); dir = path.dirname(dir))
      folders.add(dir)
  }
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) {
    // Not empty (or already gone): nothing to do.
    await rmdir(dir).catch(() => undefined)
  }
}
