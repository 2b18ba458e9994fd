import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { FileIdentity, Generation, OutputGenerations } from '../write/write-output.js'

/** Bumped when the stored shape changes, so an old manifest is never misread. */
const FORMAT = 2

interface StoredGeneration {
  folder: string
  files: [string, FileIdentity][]
}

interface StoredManifest {
  format: number
  outDir: string
  /** Each output file's fingerprint, and the group of files it was generated with. */
  keys: [string, string, string?][]
  current?: StoredGeneration
  spare?: StoredGeneration
}

/**
 * What the last successful build wrote: each output file's fingerprint, and which file
 * (inode, size, mtime) it wrote there. A later build reuses a file only when its fingerprint
 * is unchanged and the file on disk is still the one that build wrote.
 */
export interface OutputManifest {
  /** True when the file at `outputPath` was built from inputs with this fingerprint and is untouched. */
  isCurrent(outputPath: string, key: string): boolean
  /** The files of a generated group (see `BuiltFile.group`) when every one of them is current. */
  reusable(group: string): { path: string; key: string }[] | undefined
  /** The output folders as the last build left them, for the writer. */
  readonly generations: OutputGenerations
  /** Records the files of a finished build. */
  save(
    keys: readonly { path: string; key: string; group?: string }[],
    generations: OutputGenerations,
  ): Promise<void>
}

const toGeneration = (stored: StoredGeneration | undefined): Generation | undefined =>
  stored && { folder: stored.folder, files: new Map(stored.files) }

const toStored = (generation: Generation | undefined): StoredGeneration | undefined =>
  generation && { folder: generation.folder, files: [...generation.files] }

/** Loads the manifest kept in `cacheDir` for the output folder `outDir`. */
export async function loadOutputManifest(cacheDir: string, outDir: string): Promise<OutputManifest> {
  const file = path.join(cacheDir, 'outputs', `${Buffer.from(outDir).toString('base64url').slice(-80)}.json`)
  const keys = new Map<string, string>()
  const groups = new Map<string, string[]>()
  let generations: OutputGenerations = {}
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as StoredManifest
    if (parsed.format === FORMAT && parsed.outDir === outDir) {
      for (const [outputPath, key, group] of parsed.keys) {
        keys.set(outputPath, key)
        if (group) groups.set(group, [...(groups.get(group) ?? []), outputPath])
      }
      generations = { current: toGeneration(parsed.current), spare: toGeneration(parsed.spare) }
    }
  } catch {
    // Missing or corrupt: every file is rendered again.
  }
  const isCurrent = (outputPath: string, key: string) => {
    const written = generations.current?.files.get(outputPath)
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
    generations,
    isCurrent,
    reusable(group) {
      const files = groups
        .get(group)
        ?.map((outputPath) => ({ path: outputPath, key: keys.get(outputPath) as string }))
      return files?.every((f) => isCurrent(f.path, f.key)) ? files : undefined
    },
    async save(files, saved) {
      const stored: StoredManifest = {
        format: FORMAT,
        outDir,
        keys: files.map((f) => (f.group ? [f.path, f.key, f.group] : [f.path, f.key])),
        current: toStored(saved.current),
        spare: toStored(saved.spare),
      }
      const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`
      await mkdir(path.dirname(file), { recursive: true })
      await writeFile(temporary, JSON.stringify(stored))
      await rename(temporary, file)
    },
  }
}
