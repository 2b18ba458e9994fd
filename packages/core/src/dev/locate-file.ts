import type { Stats } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

/** Where a request path leads inside the output folder. */
export type LocatedFile =
  /** A regular file whose real path is inside the root. */
  | { kind: 'file'; absolutePath: string; relativePath: string }
  /** A folder asked for without its trailing slash; answer with a redirect. */
  | { kind: 'folder' }
  /** The path, or a symlink on the way, resolves outside the root. */
  | { kind: 'outside' }
  | { kind: 'missing' }

/** Whether `path` is strictly below `folder`; a sibling like `/work/dist-secret` of `/work/dist` is not. */
export function isInside(folder: string, path: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep)
}

const statOrUndefined = async (path: string): Promise<Stats | undefined> => {
  try {
    return await stat(path)
  } catch {
    return undefined
  }
}

const isFile = async (path: string) => (await statOrUndefined(path))?.isFile() === true

/** Picks the file a pretty URL names: `a/` → `a/index.html`, `a` → `a`, else `a.html`. */
async function pickCandidate(
  target: string,
  hasSegments: boolean,
  trailingSlash: boolean,
): Promise<string | 'folder' | undefined> {
  const stats = await statOrUndefined(target)
  if (stats?.isDirectory()) {
    if (!trailingSlash) return 'folder'
    const index = join(target, 'index.html')
    return (await isFile(index)) ? index : undefined
  }
  if (stats?.isFile()) return trailingSlash ? undefined : target
  if (hasSegments && !trailingSlash && (await isFile(`${target}.html`))) return `${target}.html`
  return undefined
}

/**
 * Finds the file to serve for already-validated path segments. Symlinks are resolved and
 * the real path must still be inside the real root, so a link pointing elsewhere is refused.
 */
export async function locateFile(
  root: string,
  segments: readonly string[],
  trailingSlash: boolean,
): Promise<LocatedFile> {
  const target = join(root, ...segments)
  if (target !== root && !isInside(root, target)) return { kind: 'outside' }

  const candidate = await pickCandidate(target, segments.length > 0, trailingSlash)
  if (candidate === 'folder') return { kind: 'folder' }
  if (candidate === undefined) return { kind: 'missing' }

  let realRoot: string
  let realFile: string
  try {
    realRoot = await realpath(root)
    realFile = await realpath(candidate)
  } catch {
    return { kind: 'missing' }
  }
  if (!isInside(realRoot, realFile)) return { kind: 'outside' }
  return {
    kind: 'file',
    absolutePath: realFile,
    relativePath: relative(realRoot, realFile).split(sep).join('/'),
  }
}
