import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { mapConcurrent } from '../util/map-concurrent.js'

interface ManifestEntry {
  key: string
  size: number
  mtimeMs: number
}

/**
 * What the last successful build wrote: each output file's fingerprint with its size and
 * mtime. A later build reuses a file only when its fingerprint is unchanged and the file
 * on disk is still the one that build wrote.
 */
export interface OutputManifest {
  /** True when the file at `outputPath` was built from inputs with this fingerprint and is untouched. */
  isCurrent(outputPath: string, key: string): Promise<boolean>
  /** Records the files of a finished build. */
  save(files: readonly { path: string; key: string }[], written: ReadonlySet<string>): Promise<void>
}

/** Loads the manifest kept in `cacheDir` for the output folder `outDir`. */
export async function loadOutputManifest(cacheDir: string, outDir: string): Promise<OutputManifest> {
  const file = path.join(cacheDir, 'outputs', `${Buffer.from(outDir).toString('base64url').slice(-80)}.json`)
  let entries = new Map<string, ManifestEntry>()
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as {
      outDir: string
      entries: [string, ManifestEntry][]
    }
    if (parsed.outDir === outDir) entries = new Map(parsed.entries)
  } catch {
    // Missing or corrupt: every file is rendered again.
  }
  return {
    async isCurrent(outputPath, key) {
      const entry = entries.get(outputPath)
      if (entry?.key !== key) return false
      const info = await stat(path.join(outDir, outputPath)).catch(() => undefined)
      return info?.isFile() === true && info.size === entry.size && info.mtimeMs === entry.mtimeMs
    },
    async save(files, written) {
      // Files kept from the last build keep their entry; only new bytes need a stat.
      const fresh = await mapConcurrent(files, 32, async (f) => {
        const kept = entries.get(f.path)
        if (kept?.key === f.key && !written.has(f.path)) return [f.path, kept] as [string, ManifestEntry]
        const info = await stat(path.join(outDir, f.path))
        return [f.path, { key: f.key, size: info.size, mtimeMs: info.mtimeMs }] as [string, ManifestEntry]
      })
      entries = new Map(fresh)
      const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`
      await mkdir(path.dirname(file), { recursive: true })
      await writeFile(temporary, JSON.stringify({ outDir, entries: fresh }))
      await rename(temporary, file)
    },
  }
}
