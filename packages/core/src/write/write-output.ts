import { randomBytes } from 'node:crypto'
import { constants, existsSync, lstatSync, statSync } from 'node:fs'
import {
  copyFile,
  link,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  stat,
  writeFile,
} from 'node:fs/promises'
import path from 'node:path'
import { append } from '../util/append.js'
import { mapConcurrent } from '../util/map-concurrent.js'

/** Files written at once: enough to keep the disk busy, few enough to stay under open-file limits. */
const IO_CONCURRENCY = 32

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

async function sameBytes(existing: string, file: OutputFile): Promise<boolean> {
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

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => [])
  const files: string[] = []
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) append(files, await listFiles(dir, relative))
    else files.push(relative)
  }
  return files
}

const siblings = (outDir: string) => {
  const parent = path.dirname(outDir)
  const base = path.basename(outDir)
  return {
    parent,
    staging: (id: string) => path.join(parent, `.${base}.staging-${id}`),
    old: path.join(parent, `.${base}.previous`),
    spare: path.join(parent, `.${base}.spare`),
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Puts back the previous site if a build was killed between moving it aside and moving the
 * new one in, and clears staging folders left by killed builds.
 */
export async function recoverOutput(outDir: string): Promise<void> {
  const { parent, old } = siblings(outDir)
  const hasOut = existsSync(outDir)
  const hasOld = existsSync(old)
  if (!hasOut && hasOld) await rename(old, outDir)
  else if (hasOld) await rm(old, { recursive: true, force: true })
  const base = path.basename(outDir)
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const prefix = `.${base}.staging-`
    const pid = name.startsWith(prefix) ? Number(name.slice(prefix.length).split('-')[0]) : 0
    // A staging folder of a build still running (another process) is not ours to remove.
    if (pid && !isRunning(pid)) await rm(path.join(parent, name), { recursive: true, force: true })
  }
}

/** Which file a path holds: same inode, size and mtime means the same file, untouched. */
export interface FileIdentity {
  ino: number
  size: number
  mtimeMs: number
}

/** One output folder as a build left it: the folder's identity and every file's. */
export interface Generation {
  /** Inode and birth time of the folder, so a record is never applied to another folder. */
  folder: string
  files: Map<string, FileIdentity>
}

/**
 * The output folder and the spare folder beside it (the site before it, whose unchanged
 * files are hard links to the same inodes). A build turns the spare into its staging folder
 * and only touches the files that differ, instead of linking every file anew and deleting
 * the old site: the cost of a build's writes follows what changed, not the size of the site.
 */
export interface OutputGenerations {
  current?: Generation
  spare?: Generation
}

const folderIdentity = (dir: string): string | undefined => {
  const info = statSync(dir, { throwIfNoEntry: false })
  return info?.isDirectory() ? `${info.ino}:${info.birthtimeMs}` : undefined
}

const identityOf = (file: string): FileIdentity => {
  const { ino, size, mtimeMs } = statSync(file)
  return { ino, size, mtimeMs }
}

/** What stood at a path before a build wrote it: in the site it replaces, and in the spare. */
interface Before {
  had: boolean
  kept?: FileIdentity
  staged?: FileIdentity
}

/** Writes one site's files as they are produced, then swaps them in whole. */
export interface SiteWriter {
  /** Queues one file; resolves once there is room for more (a bounded number are in flight). */
  write(file: OutputFile): Promise<void>
  /** Waits for every write, swaps the new site in and keeps the old one as the next build's spare. */
  commit(): Promise<WriteStats & { generations: OutputGenerations }>
  /** Drops everything written; the previous site stays as it was. */
  abort(): Promise<void>
  /** Paths that got new bytes (rather than being kept from the previous site). */
  readonly written: ReadonlySet<string>
}

/**
 * Writes a site into a staging folder beside the output folder, swapped in only on
 * `commit()`, so that readers and a failed or killed build only ever see the previous site
 * or the new one. Files arrive one by one (pages are not all held in memory); files whose
 * bytes did not change are hard-linked from the previous site, keeping their mtime.
 *
 * `known` is what the last build's commit returned (`{}` when nothing is known): with it, the
 * staging folder starts as the spare site and only changed files are written, linked or
 * removed, and the replaced site is kept as the next spare. Without it (a caller that keeps
 * no record), the replaced site is deleted.
 */
export async function createSiteWriter(outDir: string, known?: OutputGenerations): Promise<SiteWriter> {
  await recoverOutput(outDir)
  const { staging, old, spare } = siblings(outDir)
  const stagingDir = staging(`${process.pid}-${randomBytes(4).toString('hex')}`)
  const stats: WriteStats = { written: 0, unchanged: 0, removed: 0 }
  const recorded = known?.current?.folder === folderIdentity(outDir) ? known?.current : undefined
  // The site being replaced, file by file; looked at afresh when there is no trusted record of it.
  const current: Generation | undefined =
    recorded ??
    (known && existsSync(outDir)
      ? {
          folder: folderIdentity(outDir) as string,
          files: new Map(
            (await listFiles(outDir)).map((file) => [file, identityOf(path.join(outDir, file))]),
          ),
        }
      : undefined)
  const previous = new Map<string, FileIdentity | undefined>(
    current?.files ?? (await listFiles(outDir)).map((file) => [file, undefined]),
  )
  const reusable = recorded && known?.spare?.folder === folderIdentity(spare) ? known?.spare : undefined
  // Files already in the staging folder (those of the spare site), by path.
  const staged = new Map(reusable?.files)
  if (reusable) await rename(spare, stagingDir)
  else {
    await rm(spare, { recursive: true, force: true })
    await mkdir(stagingDir, { recursive: true })
  }
  const files = new Map<string, FileIdentity>()
  const madeDirs = new Map<string, Promise<unknown>>()
  const inFlight = new Set<Promise<void>>()
  const written = new Set<string>()
  let failure: unknown

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
  const place = async (file: OutputFile, target: string, before: Before) => {
    const existing = path.join(outDir, file.path)
    if (
      (file.contents === undefined && file.from === undefined) ||
      (before.had && (await sameBytes(existing, file)))
    ) {
      const identity =
        (file.contents === undefined && file.from === undefined && before.kept) || identityOf(existing)
      stats.unchanged++
      files.set(file.path, identity)
      // The spare's file is already a link to the same inode: nothing to do.
      if (before.staged?.ino === identity.ino) return
      await ensureDir(path.dirname(target))
      if (before.staged) await rm(target, { force: true })
      await link(existing, target).catch(() => copyFile(existing, target))
      return
    }
    await ensureDir(path.dirname(target))
    // The spare's file may be a link to the live site's inode: replace it, never write into it.
    if (before.staged) await rm(target, { force: true })
    // Exclusive: never into a file already there (a stray one in the spare fails, and gives way).
    if (file.contents !== undefined) await writeFile(target, file.contents, { flag: 'wx' })
    else await copyFile(file.from as string, target, constants.COPYFILE_EXCL)
    stats.written++
    written.add(file.path)
    files.set(file.path, identityOf(target))
  }
  const writeOne = async (file: OutputFile) => {
    const target = resolveInside(stagingDir, file.path)
    const before: Before = {
      had: previous.has(file.path),
      kept: previous.get(file.path),
      staged: staged.get(file.path),
    }
    previous.delete(file.path)
    staged.delete(file.path)
    try {
      await place(file, target, before)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (!reusable || !['ENOTDIR', 'EISDIR', 'EEXIST'].includes(code ?? '')) throw error
      // The spare had a file where this one's folder goes, or a folder or stray file at its path.
      madeDirs.clear()
      await clearWay(file.path)
      await place(file, target, { ...before, staged: undefined })
    }
  }
  const settle = async () => {
    await Promise.all(inFlight)
    if (failure) throw failure
  }
  return {
    written,
    async write(file) {
      if (failure) throw failure
      const pending: Promise<void> = writeOne(file).then(
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
      try {
        await settle()
        // What the spare site had and the new one has not.
        const leftovers = [...staged.keys()]
        await mapConcurrent(leftovers, IO_CONCURRENCY, (file) =>
          rm(path.join(stagingDir, file), { force: true }),
        )
        await removeEmptyFolders(stagingDir, leftovers)
        stats.removed = previous.size
        const hadOutput = existsSync(outDir)
        if (hadOutput) await rename(outDir, old)
        await rename(stagingDir, outDir)
        const generations: OutputGenerations = {
          current: { folder: folderIdentity(outDir) as string, files },
        }
        if (hadOutput && current) {
          await rename(old, spare)
          generations.spare = { folder: folderIdentity(spare) as string, files: current.files }
        } else if (hadOutput) await rm(old, { recursive: true, force: true })
        return { ...stats, generations }
      } catch (error) {
        await rm(stagingDir, { recursive: true, force: true })
        throw error
      }
    },
    async abort() {
      await Promise.allSettled(inFlight)
      await rm(stagingDir, { recursive: true, force: true })
    },
  }
}
