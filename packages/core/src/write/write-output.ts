import { randomBytes } from 'node:crypto'
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

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

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => [])
  const files: string[] = []
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) files.push(...(await listFiles(dir, relative)))
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
  const hasOut = await stat(outDir).then(
    () => true,
    () => false,
  )
  const hasOld = await stat(old).then(
    () => true,
    () => false,
  )
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

/** Writes one site's files as they are produced, then swaps them in whole. */
export interface SiteWriter {
  /** Queues one file; resolves once there is room for more (a bounded number are in flight). */
  write(file: OutputFile): Promise<void>
  /** Waits for every write, swaps the new site in and removes the old one. */
  commit(): Promise<WriteStats>
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
 */
export async function createSiteWriter(outDir: string): Promise<SiteWriter> {
  await recoverOutput(outDir)
  const { staging, old } = siblings(outDir)
  const stagingDir = staging(`${process.pid}-${randomBytes(4).toString('hex')}`)
  const stats: WriteStats = { written: 0, unchanged: 0, removed: 0 }
  const previous = new Set(await listFiles(outDir))
  const madeDirs = new Map<string, Promise<unknown>>()
  const inFlight = new Set<Promise<void>>()
  const written = new Set<string>()
  let failure: unknown
  await mkdir(stagingDir, { recursive: true })

  const ensureDir = (dir: string) => {
    let made = madeDirs.get(dir)
    if (!made) {
      made = mkdir(dir, { recursive: true })
      madeDirs.set(dir, made)
    }
    return made
  }
  const writeOne = async (file: OutputFile) => {
    const target = resolveInside(stagingDir, file.path)
    await ensureDir(path.dirname(target))
    const existing = path.join(outDir, file.path)
    const had = previous.delete(file.path)
    if (
      (file.contents === undefined && file.from === undefined) ||
      (had && (await sameBytes(existing, file)))
    ) {
      await link(existing, target).catch(() => copyFile(existing, target))
      stats.unchanged++
    } else if (file.contents !== undefined) {
      await writeFile(target, file.contents)
      stats.written++
      written.add(file.path)
    } else {
      await copyFile(file.from as string, target)
      stats.written++
      written.add(file.path)
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
        stats.removed = previous.size
        const hadOutput = await stat(outDir).then(
          () => true,
          () => false,
        )
        if (hadOutput) await rename(outDir, old)
        await rename(stagingDir, outDir)
        if (hadOutput) await rm(old, { recursive: true, force: true })
        return stats
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

/** Writes a whole site atomically (see `createSiteWriter`). */
export async function writeSiteAtomically(outDir: string, files: readonly OutputFile[]): Promise<WriteStats> {
  const writer = await createSiteWriter(outDir)
  try {
    for (const file of files) await writer.write(file)
  } catch (error) {
    await writer.abort()
    throw error
  }
  return writer.commit()
}
