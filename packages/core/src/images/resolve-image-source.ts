import { type Stats, statSync } from 'node:fs'
import path from 'node:path'
import type { ImageRef } from './collect-image-refs.js'

/** Where the stage looks for the files pictures name. */
export interface SourceFolders {
  root: string
  publicDir: string
  /** Always starts and ends with `/`. */
  basePath: string
}

/** A picture's file: found (with its stat), or the places it was looked for. */
export type ResolvedSource =
  | { absolute: string; file: string; stats: Stats }
  | { missing: string[] }
  | { outside: true }

const toRootRelative = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/')

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * Finds the file a picture names. `/images/x.jpg` is a site path: `public/images/x.jpg`
 * (written with the base path or without). `x.jpg` and `../x.jpg` are looked up beside the
 * article first, then as site paths. Nothing outside the site folder is ever read.
 */
export function resolveImageSource(
  ref: Pick<ImageRef, 'src' | 'folder'>,
  folders: SourceFolders,
): ResolvedSource {
  const { root, publicDir, basePath } = folders
  const written = decode(ref.src.trim().replace(/[?#].*$/, ''))
  const candidates: string[] = []
  if (written.startsWith('/')) {
    const sitePath = written.slice(1)
    const base = basePath.slice(1)
    if (base && sitePath.startsWith(base)) candidates.push(path.join(publicDir, sitePath.slice(base.length)))
    candidates.push(path.join(publicDir, sitePath))
  } else {
    if (ref.folder !== undefined) candidates.push(path.join(root, ref.folder, written))
    candidates.push(path.join(publicDir, written))
  }
  const inside = candidates.filter((file) => file.startsWith(root + path.sep))
  if (inside.length === 0) return { outside: true }
  for (const absolute of inside) {
    const stats = statSync(absolute, { throwIfNoEntry: false })
    if (stats?.isFile()) return { absolute, file: toRootRelative(root, absolute), stats }
  }
  return { missing: inside.map((file) => toRootRelative(root, file)) }
}
