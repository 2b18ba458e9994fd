import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Which file a path holds: same inode, size and mtime means the same file, untouched. */
export interface FileIdentity {
  ino: number
  size: number
  mtimeMs: number
}

/** One output folder as a build left it: the folder's identity and every file Warta wrote in it. */
export interface Generation {
  /** Inode and birth time of the folder, so a record is never applied to another folder. */
  folder: string
  /** Warta's files only: whatever else is in the folder is someone else's. */
  files: Map<string, FileIdentity>
}

/** A folder's identity (inode and birth time; a rename keeps both), or `undefined` when it is not a folder. */
export const folderIdentity = (dir: string): string | undefined => {
  const info = statSync(dir, { throwIfNoEntry: false })
  return info?.isDirectory() ? `${info.ino}:${info.birthtimeMs}` : undefined
}

/** The identity of the file at a path (following symbolic links). */
export const identityOf = (file: string): FileIdentity => {
  const { ino, size, mtimeMs } = statSync(file)
  return { ino, size, mtimeMs }
}

/** Bumped when the stored shape changes, so an old record is never misread. */
const FORMAT = 1

interface StoredRecord {
  format: number
  outDir: string
  /** Per generation: the folder's identity and `[path, ino, size, mtimeMs]` per file. */
  generations: { folder: string; files: [string, number, number, number][] }[]
}

/**
 * What Warta knows it wrote into one output folder: the generations of it that exist (the
 * live folder, the spare, a folder a killed build moved aside), each with its files. A build
 * touches only the files its record lists; it is how CNAME, `.git` and anything else put into
 * the folder by hand survive every build.
 */
export interface OutputRecord {
  /** The generation a folder holds, matched by the folder's identity; `undefined` when none is recorded. */
  find(dir: string): Generation | undefined
  /** Replaces the recorded generations (written through a temporary file: never half a record). */
  save(generations: readonly Generation[]): Promise<void>
}

/** Loads the record kept in `file` for the output folder `outDir`; a missing or corrupt one records nothing. */
export async function loadOutputRecord(file: string, outDir: string): Promise<OutputRecord> {
  let generations: Generation[] = []
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as StoredRecord
    if (stored.format === FORMAT && stored.outDir === outDir)
      generations = stored.generations.map((g) => ({
        folder: g.folder,
        files: new Map(g.files.map(([p, ino, size, mtimeMs]) => [p, { ino, size, mtimeMs }])),
      }))
  } catch {
    // Nothing recorded: every file in the folder counts as someone else's.
  }
  return {
    find(dir) {
      const identity = folderIdentity(dir)
      return identity === undefined ? undefined : generations.find((g) => g.folder === identity)
    },
    async save(next) {
      generations = [...next]
      const stored: StoredRecord = {
        format: FORMAT,
        outDir,
        generations: generations.map((g) => ({
          folder: g.folder,
          files: [...g.files].map(([p, { ino, size, mtimeMs }]) => [p, ino, size, mtimeMs]),
        })),
      }
      await mkdir(path.dirname(file), { recursive: true })
      const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`
      await writeFile(temporary, JSON.stringify(stored))
      await rename(temporary, file)
    },
  }
}
