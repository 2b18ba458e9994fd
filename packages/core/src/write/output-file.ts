import { readFile, rmdir, stat } from 'node:fs/promises'
import path from 'node:path'

/** Files written at once: enough to keep the disk busy, few enough to stay under open-file limits. */
export const IO_CONCURRENCY = 32

/** One file of the built site. */
export interface OutputFile {
  /** Path inside the output folder, with forward slashes. */
  path: string
  /** The bytes to write, or… */
  contents?: string | Uint8Array
  /** …an absolute path to copy them from (static files). With neither, the file already in the output folder is kept. */
  from?: string
}

/** What a write did. */
export interface WriteStats {
  written: number
  /** Files whose bytes were already there: kept with their mtime. */
  unchanged: number
  removed: number
}

/** Resolves a file's place inside `dir`, refusing anything that would land outside it. */
export function resolveInside(dir: string, relative: string): string {
  const target = path.resolve(dir, relative)
  if (relative.includes('\0') || path.isAbsolute(relative) || !target.startsWith(dir + path.sep)) {
    throw new Error(`Refusing to write "${relative}": it is outside the output folder ${dir}.`)
  }
  return target
}

/** Whether the file at `existing` holds the bytes `file` would write. */
export async function sameBytes(existing: string, file: OutputFile): Promise<boolean> {
  const info = await stat(existing).catch(() => undefined)
  if (!info?.isFile()) return false
  const wanted =
    file.contents === undefined ? await readFile(file.from as string) : Buffer.from(file.contents)
  if (info.size !== wanted.byteLength) return false
  return (await readFile(existing)).equals(wanted)
}

/**
 * Removes the folders of removed files that are now empty, deepest first, up to the output
 * folder: a cold build would not have them, and a moved page's old folder would otherwise
 * answer its URL with a redirect to a 404 rather than the 404 itself.
 */
export async function removeEmptyFolders(outDir: string, removed: readonly string[]): Promise<void> {
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
