import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { ancestorsOf, type ForeignEntry, findForeign, moveForeign } from './foreign-entries.js'
import type { OutputRecord } from './output-record.js'

/**
 * Where a build of one output folder keeps its record and does its work. The staging folder
 * (the new site being written), the previous site during the swap and the spare (the site
 * before the current one, reused by the next build) must be on the output folder's file
 * system, since they are renamed into and out of place. They live in the site's `.warta/`
 * folder, never deployed, when that works; else beside the output folder under dot names
 * that exist only while a build runs, and no spare is kept.
 */
export interface OutputFolders {
  outDir: string
  /** `.warta/output/<name>` in the site folder: the record, and the work folders when they can be here. */
  stateDir: string
  /** The record of what Warta wrote (see `OutputRecord`). */
  recordFile: string
  /** A new staging folder's path for this process. */
  staging(): string
  /** Where the replaced site waits during the swap. */
  previous: string
  /** The spare site; `undefined` when the state folder is on another file system than the output. */
  spare?: string
  /** A new folder for entries that could not be put back into the output folder. */
  kept(): string
  /** Staging folders of any build, with the process id in their names. */
  stagings(): Promise<{ dir: string; pid: number }[]>
}

/** A name for the output folder inside `.warta/output/`: its path in the site folder, else its name and a hash. */
function stateName(root: string, outDir: string): string {
  const relative = path.relative(root, outDir)
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative))
    return relative.split(path.sep).join('+')
  const hash = createHash('sha256').update(outDir).digest('hex').slice(0, 10)
  return `${path.basename(outDir)}-${hash}`
}

/** Whether a folder made in `from` can be renamed into `to` (same file system, same mount). */
async function canRename(from: string, to: string): Promise<boolean> {
  const id = `${process.pid}-${randomBytes(4).toString('hex')}`
  const probe = path.join(from, `probe-${id}`)
  const moved = path.join(to, `.warta-probe-${id}`)
  await mkdir(probe)
  try {
    await rename(probe, moved)
    await rmdir(moved)
    return true
  } catch (error) {
    await rmdir(probe).catch(() => undefined)
    if ((error as NodeJS.ErrnoException).code === 'EXDEV') return false
    throw error
  }
}

/** Finds (and makes) the folders a build of `outDir` for the site in `root` works in. */
export async function locateOutputFolders(outDir: string, root: string): Promise<OutputFolders> {
  const stateDir = path.join(root, '.warta', 'output', stateName(root, outDir))
  const parent = path.dirname(outDir)
  await mkdir(stateDir, { recursive: true })
  await mkdir(parent, { recursive: true })
  const inState = await canRename(stateDir, parent)
  const base = inState ? stateDir : parent
  const prefix = inState ? 'staging-' : `.${path.basename(outDir)}.staging-`
  const unique = () => `${process.pid}-${randomBytes(4).toString('hex')}`
  return {
    outDir,
    stateDir,
    recordFile: path.join(stateDir, 'record.json'),
    staging: () => path.join(base, `${prefix}${unique()}`),
    previous: path.join(base, inState ? 'previous' : `.${path.basename(outDir)}.previous`),
    spare: inState ? path.join(stateDir, 'spare') : undefined,
    kept: () =>
      path.join(base, `${inState ? 'kept-' : `.${path.basename(outDir)}.kept-`}${Date.now()}-${unique()}`),
    async stagings() {
      const names = await readdir(base).catch(() => [] as string[])
      return names
        .filter((name) => name.startsWith(prefix))
        .map((name) => ({ dir: path.join(base, name), pid: Number(name.slice(prefix.length).split('-')[0]) }))
    },
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
 * Finishes a swap: moves what is not Warta's from the replaced site (`previous`) into the
 * output folder, then keeps the replaced site as the spare (`keepSpare`) or removes it.
 * Anything that could not be put back — its place in the new site is taken — is kept in a
 * folder of its own, whose path is returned; nothing is ever deleted that Warta did not write.
 *
 * `found` is what a walk of the output folder found just before the swap: then only those
 * entries are moved, and the replaced site is walked again only if it is to be removed, not
 * if it becomes the spare (whatever appeared in the moment between comes back with it, at
 * the next build that starts from it). Without `found` (recovering after a kill), it is walked.
 */
export async function settlePrevious(
  folders: OutputFolders,
  record: OutputRecord,
  keepSpare: boolean,
  found?: readonly ForeignEntry[],
): Promise<string | undefined> {
  const { previous, outDir, spare } = folders
  const replaced = record.find(previous)
  if (!replaced) {
    // Not a folder a build moved aside (its record would say): nothing in it is put live.
    const kept = folders.kept()
    await rename(previous, kept)
    return kept
  }
  const owned = new Set(replaced.files.keys())
  const enter = ancestorsOf([...owned, ...(record.find(outDir)?.files.keys() ?? [])])
  const stayed = await moveForeign(previous, outDir, found ?? findForeign(previous, owned, enter))
  if (found && !(keepSpare && spare))
    stayed.push(...(await moveForeign(previous, outDir, findForeign(previous, owned, enter))))
  if (stayed.length > 0) {
    const kept = folders.kept()
    await rename(previous, kept)
    return kept
  }
  if (keepSpare && spare) {
    await rm(spare, { recursive: true, force: true })
    await rename(previous, spare)
  } else await rm(previous, { recursive: true, force: true })
  return undefined
}

/**
 * Puts back the previous site if a build was killed between moving it aside and moving the
 * new one in; finishes the swap if it was killed after; clears staging folders left by
 * killed builds (they only ever hold Warta's files). Returns a folder of entries that could
 * not be put back, if any.
 */
export async function recoverOutput(
  folders: OutputFolders,
  record: OutputRecord,
): Promise<string | undefined> {
  const { outDir, previous } = folders
  let kept: string | undefined
  if (existsSync(previous)) {
    if (!existsSync(outDir)) await rename(previous, outDir)
    else kept = await settlePrevious(folders, record, true)
  }
  for (const { dir, pid } of await folders.stagings()) {
    // A staging folder of a build still running (another process) is not ours to remove.
    if (pid && !isRunning(pid)) await rm(dir, { recursive: true, force: true })
  }
  return kept
}

/**
 * Removes the state of output folders that no longer exist (a test's temporary folder, an
 * `--out` used once), so `.warta/output/` does not grow with every folder ever built into.
 * A folder with a staging folder or kept entries in it, or a record saved in the last minute
 * (a first build between saving it and moving its folder in), is left alone.
 */
export async function pruneOutputState(root: string): Promise<void> {
  const dir = path.join(root, '.warta', 'output')
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const stateDir = path.join(dir, name)
    const names = await readdir(stateDir).catch(() => [] as string[])
    if (names.some((n) => n.startsWith('staging-') || n.startsWith('kept-'))) continue
    const file = path.join(stateDir, 'record.json')
    const saved = await stat(file).catch(() => undefined)
    if (!saved || Date.now() - saved.mtimeMs < 60_000) continue
    let outDir: unknown
    try {
      outDir = (JSON.parse(await readFile(file, 'utf8')) as { outDir?: unknown }).outDir
    } catch {
      continue
    }
    if (typeof outDir === 'string' && !existsSync(outDir))
      await rm(stateDir, { recursive: true, force: true })
  }
}
