import { type Dirent, lstatSync, readdirSync } from 'node:fs'
import { mkdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'

/** Something in an output folder that Warta did not write: a file, a link, or a folder holding none of Warta's files. */
export interface ForeignEntry {
  /** Path inside the folder, with forward slashes. */
  path: string
  /** A whole folder (moved as one, never walked: a `.git` of any size costs one rename). */
  dir: boolean
}

/** Every folder that holds one of `files`, at any depth. */
export function ancestorsOf(files: Iterable<string>): Set<string> {
  const folders = new Set<string>()
  for (const file of files) {
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      const folder = file.slice(0, slash)
      if (folders.has(folder)) break
      folders.add(folder)
    }
  }
  return folders
}

/**
 * Lists what in `dir` is not Warta's: files and links not in `owned`, and folders that hold
 * none of `owned` and are not in `enter` (the folders of Warta's files, old and new, which
 * are looked into so that a foreign file inside one is found). Synchronous on purpose: for
 * an archive's thousands of folders, readdirSync takes a third of the time of awaiting each
 * readdir, and nothing else runs while a build commits.
 */
export function findForeign(
  dir: string,
  owned: ReadonlySet<string>,
  enter: ReadonlySet<string>,
): ForeignEntry[] {
  const found: ForeignEntry[] = []
  const walk = (prefix: string) => {
    let entries: Dirent[]
    try {
      entries = readdirSync(prefix ? path.join(dir, prefix) : dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        if (enter.has(relative)) walk(relative)
        else found.push({ path: relative, dir: true })
      } else if (!owned.has(relative)) found.push({ path: relative, dir: false })
    }
  }
  walk('')
  return found
}

/**
 * Files and folders that hosts and tools put into a deploy folder themselves: dotfiles
 * (`.git`, `.nojekyll`, `.well-known`, `.gitignore`) and GitHub Pages' `CNAME`, at the top.
 * Warta keeps them in a folder it has no record of, where it refuses anything else.
 */
export const isHostFile = (entry: ForeignEntry): boolean =>
  !entry.path.includes('/') && (entry.path.startsWith('.') || entry.path === 'CNAME')

async function sameFileBytes(a: string, b: string): Promise<boolean> {
  const [x, y] = [lstatSync(a, { throwIfNoEntry: false }), lstatSync(b, { throwIfNoEntry: false })]
  if (!x?.isFile() || !y?.isFile() || x.size !== y.size) return false
  return (await readFile(a)).equals(await readFile(b))
}

/**
 * How foreign entries of `dir` clash with `files` (the paths of the site about to replace
 * Warta's, whose new bytes are in `staged`): an entry at a path the site writes, under a path
 * the site writes as a file, or a folder where the site writes a file. A file holding exactly
 * the bytes the site writes there is no clash: taking it over loses nothing.
 */
export async function findClashes(
  dir: string,
  foreign: readonly ForeignEntry[],
  files: ReadonlySet<string>,
  staged: string,
): Promise<string[]> {
  const clashes: string[] = []
  for (const entry of foreign) {
    const parts = entry.path.split('/')
    const underFile = parts.some((_, i) => i > 0 && files.has(parts.slice(0, i).join('/')))
    if (underFile) clashes.push(entry.path)
    else if (files.has(entry.path)) {
      const same =
        !entry.dir &&
        (await sameFileBytes(path.join(dir, entry.path), path.join(staged, ...entry.path.split('/'))))
      if (!same) clashes.push(entry.path)
    }
  }
  return clashes
}

/**
 * Moves foreign entries from `from` (the folder just replaced) into `to` (the new one), each
 * with one rename, so nothing is copied and every file keeps its inode, mtime and mode. An
 * entry whose place in `to` is taken by a file with the same bytes is dropped (nothing is
 * lost); by anything else, it stays in `from`. Returns the entries that stayed.
 */
export async function moveForeign(
  from: string,
  to: string,
  foreign: readonly ForeignEntry[],
): Promise<string[]> {
  const stayed: string[] = []
  for (const entry of foreign) {
    const source = path.join(from, ...entry.path.split('/'))
    const target = path.join(to, ...entry.path.split('/'))
    const taken = lstatSync(target, { throwIfNoEntry: false })
    if (taken && !entry.dir && (await sameFileBytes(source, target))) {
      await rm(source, { force: true })
      continue
    }
    if (taken) {
      stayed.push(entry.path)
      continue
    }
    await mkdir(path.dirname(target), { recursive: true })
    await rename(source, target)
  }
  return stayed
}
