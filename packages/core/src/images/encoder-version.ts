import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

let version: string | undefined

/**
 * The encoder's identity for cache keys: sharp's version, which pins the libvips build it
 * ships. Read from sharp's package.json, so that a build whose pictures are all cached never
 * loads libvips.
 */
export function encoderVersion(): string {
  if (version) return version
  const main = createRequire(import.meta.url).resolve('sharp')
  let dir = path.dirname(main)
  while (!readFileSafe(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir)
  const manifest = JSON.parse(readFileSafe(path.join(dir, 'package.json')) ?? '{}') as { version?: string }
  version = `sharp ${manifest.version ?? 'unknown'} ${process.platform}-${process.arch}`
  return version
}

function readFileSafe(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}
