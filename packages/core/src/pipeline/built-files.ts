import type { OutputFile } from '../write/write-output.js'

/** One file of a build's result, with the fingerprint that decides whether it changed. */
export interface BuiltFile extends OutputFile {
  key: string
  /** Files made together from the same inputs (feeds of one listing, the sitemaps). */
  group?: string
}

/** The files of a run as they are made: handed on at once when streaming, else kept. */
export interface BuiltFiles {
  /** Every file so far; without contents when streamed (see `emit`). */
  readonly list: BuiltFile[]
  add(file: BuiltFile): Promise<void>
}

/**
 * Collects a run's files. With `emit`, each file goes out as soon as it is made and only its
 * path and key are kept, so a build need not hold every page in memory.
 */
export function collectBuiltFiles(emit?: (file: BuiltFile) => Promise<void>): BuiltFiles {
  const list: BuiltFile[] = []
  return {
    list,
    async add(file) {
      if (!emit) {
        list.push(file)
        return
      }
      await emit(file)
      list.push({ path: file.path, key: file.key, group: file.group })
    },
  }
}
