import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PERMALINK_HISTORY_FILE, type PermalinkHistory } from '../routes/permalink-history.js'

/** Writes a file through a temporary name, so a reader never sees half of it. Unchanged files are left alone. */
export async function writeFileAtomically(file: string, contents: string): Promise<void> {
  if ((await readFile(file, 'utf8').catch(() => undefined)) === contents) return
  await mkdir(path.dirname(file), { recursive: true })
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`
  await writeFile(temporary, contents)
  await rename(temporary, file)
}

/** Saves the permalink history into the site folder (meant to be committed with the content). */
export async function writePermalinkHistory(root: string, history: PermalinkHistory): Promise<void> {
  await writeFileAtomically(path.join(root, PERMALINK_HISTORY_FILE), `${JSON.stringify(history, null, 2)}\n`)
}

/** Where a build says when the site next changes by the clock alone: never published. */
export const scheduleFileOf = (root: string): string => path.join(root, '.warta', 'schedule.json')

/** Saves the build's schedule (see `scheduleFileOf`). */
export async function writeSchedule(root: string, schedule: unknown): Promise<void> {
  await writeFileAtomically(scheduleFileOf(root), `${JSON.stringify(schedule, null, 2)}\n`)
}

/** Where a build lists the URLs it added, changed and removed, for a CDN purge: never published. */
export const changedFileOf = (root: string): string => path.join(root, '.warta', 'changed.json')

/** Saves what the build changed (see `changedFileOf`). */
export async function writeChangedUrls(root: string, changed: unknown): Promise<void> {
  await writeFileAtomically(changedFileOf(root), `${JSON.stringify(changed, null, 2)}\n`)
}

/**
 * Where a build writes its snippets for removed articles' URLs, for nginx (see
 * `generateNginxGoneFile`) and Apache (see `generateApacheGoneFile`): never published.
 */
export const goneSnippetFilesOf = (root: string): { nginx: string; apache: string } => ({
  nginx: path.join(root, '.warta', 'nginx-gone.conf'),
  apache: path.join(root, '.warta', 'apache-gone.conf'),
})

/** Saves the snippets (see `goneSnippetFilesOf`). */
export async function writeGoneSnippets(
  root: string,
  snippets: { nginx: string; apache: string },
): Promise<void> {
  const files = goneSnippetFilesOf(root)
  await writeFileAtomically(files.nginx, snippets.nginx)
  await writeFileAtomically(files.apache, snippets.apache)
}

/** The file a shard build writes into its output folder, for `warta merge`. */
export const SHARD_MANIFEST = 'warta-shard.json'

/** Saves a shard's processed articles into its output folder; returns the file's path. */
export async function writeShardManifest(outDir: string, manifest: unknown): Promise<string> {
  const file = path.join(outDir, SHARD_MANIFEST)
  await writeFileAtomically(file, JSON.stringify(manifest))
  return file
}

/**
 * Writes a copy of a theme's partial into the site's `partials/` folder, then the updated
 * record of ejected partials beside it. Never overwrites a partial: resolves to `false`,
 * writing nothing, when the site already has one at `file` (even one that appeared since the
 * caller looked).
 */
export async function writeEjectedPartial(
  file: string,
  source: string | Uint8Array,
  manifestFile: string,
  manifest: string,
): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true })
  try {
    await writeFile(file, source, { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    await writeFileAtomically(manifestFile, manifest)
  } catch (error) {
    // Without its record the copy would go unchecked: take it back, so that ejecting again works.
    await rm(file, { force: true })
    throw error
  }
  return true
}
