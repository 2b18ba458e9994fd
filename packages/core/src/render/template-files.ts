import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fg from 'fast-glob'

/** A template source with the name it is registered under. */
export interface TemplateFile {
  /** `card`, `icons/whatsapp`, `article`… */
  name: string
  /** Absolute path, for messages and watching. */
  file: string
  source: string
}

/**
 * Reads `*.hbs` files from folders in order; a later folder's file replaces an earlier
 * one of the same name (a site's own layouts and partials override the theme's).
 */
export async function readTemplateFiles(folders: readonly string[]): Promise<Map<string, TemplateFile>> {
  const byName = new Map<string, TemplateFile>()
  for (const folder of folders) {
    const names = (await fg('**/*.hbs', { cwd: folder, onlyFiles: true, followSymbolicLinks: false })).sort()
    for (const relative of names) {
      const file = path.join(folder, relative)
      byName.set(relative.replace(/\.hbs$/, ''), {
        name: relative.replace(/\.hbs$/, ''),
        file,
        source: await readFile(file, 'utf8'),
      })
    }
  }
  return byName
}
