import { constants, copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes a file that must not exist yet (the import's files): `'exists'` when it does, and
 * the file is left untouched. The check and the write are one step (`wx`), so nothing that
 * appears meanwhile is overwritten either.
 */
export async function writeNewFile(file: string, contents: string): Promise<'written' | 'exists'> {
  await mkdir(path.dirname(file), { recursive: true })
  try {
    await writeFile(file, contents, { flag: 'wx' })
    return 'written'
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists'
    throw error
  }
}

/** Copies `from` to `to` unless `to` exists (then `'exists'`, and it is left untouched). */
export async function copyNewFile(from: string, to: string): Promise<'written' | 'exists'> {
  await mkdir(path.dirname(to), { recursive: true })
  try {
    await copyFile(from, to, constants.COPYFILE_EXCL)
    return 'written'
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists'
    throw error
  }
}
