import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Generation } from '../write/output-record.js'

/** Bumped when the stored shape changes, so an old manifest is never misread. */
const FORMAT = 3

interface StoredManifest {
  format: number
  outDir: string
  /** The generation of the output folder the fingerprints are of (see `Generation.folder`). */
  folder: string
  /** Each output file's fingerprint, and the group of files it was generated with. */
  keys: [string, string, string?][]
}

/**
 * What the last successful build wrote: each output file's fingerprint, for the generation
 * of the output folder it wrote (the writer's record says which file — inode, size, mtime —
 * that is). A later build reuses a file only when its fingerprint is unchanged and the file
 * on disk is still the one that build wrote.
 */
export interface OutputManifest {
  /** True when the file at `outputPath` was built from inputs with this fingerprint and is untouched. */
  isCurrent(outputPath: string, key: string): boolean
  /** The files of a generated group (see `BuiltFile.group`) when every one of them is current. */
  reusable(group: string): { path: string; key: string }[] | undefined
  /** Records the files of a finished build, written as the output folder's generation `folder`. */
  save(keys: readonly { path: string; key: string; group?: string }[], folder: string): Promise<void>
}

/**
 * Loads the manifest kept in `cacheDir` for the output folder `outDir`. `current` is Warta's
 * files in that folder as the writer's record has them: a file is reused only if it is
 * still the one written there.
 */
export async function loadOutputManifest(
  cacheDir: string,
  outDir: string,
  current: Generation | undefined,
): Promise<OutputManifest> {
  const file = path.join(cacheDir, 'outputs', `${Buffer.from(outDir).toString('base64url').slice(-80)}.json`)
  const keys = new Map<string, string>()
  const groups = new Map<string, string[]>()
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as StoredManifest
    // Fingerprints of another generation (a build killed after its swap) describe other files.
    if (parsed.format === FORMAT && parsed.outDir === outDir && parsed.folder === current?.folder) {
      for (const [outputPath, key, group] of parsed.keys) {
        keys.set(outputPath, key)
        if (group) groups.set(group, [...(groups.get(group) ?? []), outputPath])
      }
    }
  } catch {
    // Missing or corrupt: every file is rendered again.
  }
  const isCurrent = (outputPath: string, key: string) => {
    const written = current?.files.get(outputPath)
    if (keys.get(outputPath) !== key || !written) return false
    const info = statSync(path.join(outDir, outputPath), { throwIfNoEntry: false })
    return (
      info?.isFile() === true &&
      info.ino === written.ino &&
      info.size === written.size &&
      info.mtimeMs === written.mtimeMs
    )
  }
  return {
    isCurrent,
    reusable(group) {
      const files = groups
        .get(group)
        ?.map((outputPath) => ({ path: outputPath, key: keys.get(outputPath) as string }))
      return files?.every((f) => isCurrent(f.path, f.key)) ? files : undefined
    },
    async save(files, folder) {
      const stored: StoredManifest = {
        format: FORMAT,
        outDir,
        folder,
        keys: files.map((f) => (f.group ? [f.path, f.key, f.group] : [f.path, f.key])),
      }
      const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`
      await mkdir(path.dirname(file), { recursive: true })
      await writeFile(temporary, JSON.stringify(stored))
      await rename(temporary, file)
    },
  }
}
