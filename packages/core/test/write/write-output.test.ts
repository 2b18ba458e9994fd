import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, test } from 'vitest'
import {
  createSiteWriter,
  type OutputFile,
  type OutputGenerations,
  recoverOutput,
  resolveInside,
  type WriteStats,
} from '../../src/write/write-output.js'
import { createTempDir, listFiles, snapshotDir } from '../helpers.js'

/** Writes a whole site in one writer's run, as a build does. */
async function writeSiteAtomically(outDir: string, files: readonly OutputFile[]): Promise<WriteStats> {
  const writer = await createSiteWriter(outDir)
  try {
    for (const file of files) await writer.write(file)
  } catch (error) {
    await writer.abort()
    throw error
  }
  const { generations: _, ...stats } = await writer.commit()
  return stats
}

describe('resolveInside', () => {
  const dir = path.resolve('/srv/site/dist')

  test('resolves a relative path inside the folder', () => {
    expect(resolveInside(dir, '2025/05/16/banjir/index.html')).toBe(
      path.join(dir, '2025/05/16/banjir/index.html'),
    )
  })

  test.each([
    ['a parent path', '../outside.html'],
    ['a parent path after a folder', 'a/../../outside.html'],
    ['an absolute path', path.resolve('/etc/passwd')],
    ['a NUL byte', 'index.html\u0000.txt'],
    ['the folder itself', '.'],
    ['an empty path', ''],
    ['a sibling folder sharing the prefix', '../dist-evil/index.html'],
  ])('refuses %s', (_, relative) => {
    expect(() => resolveInside(dir, relative)).toThrow(/outside the output folder/)
  })
})

describe('writeSiteAtomically', () => {
  async function outDirIn(parent?: string) {
    return path.join(parent ?? (await createTempDir()), 'out')
  }

  test('writes files from contents and copies them from a path', async () => {
    const outDir = await outDirIn()
    const source = path.join(path.dirname(outDir), 'logo.svg')
    await writeFile(source, '<svg/>')
    const stats = await writeSiteAtomically(outDir, [
      { path: 'index.html', contents: '<p>halo</p>' },
      { path: 'a/b/data.bin', contents: new Uint8Array([0, 1, 2]) },
      { path: 'images/logo.svg', from: source },
    ])
    expect(stats).toEqual({ written: 3, unchanged: 0, removed: 0 })
    expect(await listFiles(outDir)).toEqual(['a/b/data.bin', 'images/logo.svg', 'index.html'])
    expect(await readFile(path.join(outDir, 'a/b/data.bin'))).toEqual(Buffer.from([0, 1, 2]))
    expect(await readFile(path.join(outDir, 'images/logo.svg'), 'utf8')).toBe('<svg/>')
  })

  test('keeps files whose bytes did not change, with their mtime, and removes files no longer listed', async () => {
    const outDir = await outDirIn()
    await writeSiteAtomically(outDir, [
      { path: 'same.html', contents: 'sama' },
      { path: 'changed.html', contents: 'lama' },
      { path: 'gone.html', contents: 'hilang' },
    ])
    const before = await snapshotDir(outDir)
    await sleep(20)
    const stats = await writeSiteAtomically(outDir, [
      { path: 'same.html', contents: 'sama' },
      { path: 'changed.html', contents: 'baru' },
    ])
    expect(stats).toEqual({ written: 1, unchanged: 1, removed: 1 })
    const after = await snapshotDir(outDir)
    expect([...after.keys()]).toEqual(['changed.html', 'same.html'])
    expect(after.get('same.html')).toEqual(before.get('same.html'))
    expect(after.get('changed.html')?.hash).not.toBe(before.get('changed.html')?.hash)
  })

  test('a file with neither contents nor a source keeps the one already in the output', async () => {
    const outDir = await outDirIn()
    await writeSiteAtomically(outDir, [{ path: 'kept.html', contents: 'tetap' }])
    const before = await snapshotDir(outDir)
    const stats = await writeSiteAtomically(outDir, [{ path: 'kept.html' }])
    expect(stats).toEqual({ written: 0, unchanged: 1, removed: 0 })
    expect(await snapshotDir(outDir)).toEqual(before)
  })

  test('refuses a path outside the output folder and leaves the previous output as it was', async () => {
    const parent = await createTempDir()
    const outDir = await outDirIn(parent)
    await writeSiteAtomically(outDir, [{ path: 'index.html', contents: 'lama' }])
    const before = await snapshotDir(outDir)
    await expect(
      writeSiteAtomically(outDir, [
        { path: 'index.html', contents: 'baru' },
        { path: '../escaped.html', contents: 'x' },
      ]),
    ).rejects.toThrow(/outside the output folder/)
    expect(await snapshotDir(outDir)).toEqual(before)
    expect(await readdir(parent)).toEqual(['out'])
  })

  test('a write that fails part way leaves the previous output and no staging folder', async () => {
    const parent = await createTempDir()
    const outDir = await outDirIn(parent)
    await writeSiteAtomically(outDir, [{ path: 'index.html', contents: 'lama' }])
    const before = await snapshotDir(outDir)
    await expect(
      writeSiteAtomically(outDir, [
        { path: 'index.html', contents: 'baru' },
        { path: 'copied.txt', from: path.join(parent, 'does-not-exist.txt') },
      ]),
    ).rejects.toThrow(/ENOENT/)
    expect(await snapshotDir(outDir)).toEqual(before)
    expect(await readdir(parent)).toEqual(['out'])
  })

  test('creates the output folder’s parents when needed', async () => {
    const outDir = path.join(await createTempDir(), 'a', 'b', 'out')
    await writeSiteAtomically(outDir, [{ path: 'index.html', contents: 'x' }])
    expect(await listFiles(outDir)).toEqual(['index.html'])
  })
})

describe('recoverOutput', () => {
  test('puts back the previous site when a build was killed after moving it aside', async () => {
    const parent = await createTempDir()
    const outDir = path.join(parent, 'out')
    await mkdir(path.join(parent, '.out.previous'))
    await writeFile(path.join(parent, '.out.previous', 'index.html'), 'lama')
    await recoverOutput(outDir)
    expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toBe('lama')
    expect(await readdir(parent)).toEqual(['out'])
  })

  test('removes a leftover previous site and staging folders when the output is in place', async () => {
    const parent = await createTempDir()
    const outDir = path.join(parent, 'out')
    for (const dir of ['out', '.out.previous', '.out.staging-123-abcd', '.other.staging-1'])
      await mkdir(path.join(parent, dir))
    await recoverOutput(outDir)
    expect((await readdir(parent)).sort()).toEqual(['.other.staging-1', 'out'])
    expect((await stat(outDir)).isDirectory()).toBe(true)
  })
})

describe('createSiteWriter with the last build’s generations', () => {
  async function writeWith(outDir: string, known: OutputGenerations, files: OutputFile[]) {
    const writer = await createSiteWriter(outDir, known)
    for (const file of files) await writer.write(file)
    return writer.commit()
  }

  test('starts from the spare site, writes only what differs and keeps the old site as the next spare', async () => {
    const parent = await createTempDir()
    const outDir = path.join(parent, 'out')
    const first = await writeWith(outDir, {}, [
      { path: 'same.html', contents: 'sama' },
      { path: 'changed.html', contents: 'lama' },
      { path: 'gone/index.html', contents: 'hilang' },
      { path: 'becomes-folder', contents: 'file' },
    ])
    expect(first.generations.spare).toBeUndefined()
    expect(await readdir(parent)).toEqual(['out'])
    const second = await writeWith(outDir, first.generations, [
      { path: 'same.html' },
      { path: 'changed.html', contents: 'baru' },
      { path: 'gone/index.html', contents: 'hilang' },
      { path: 'becomes-folder', contents: 'file' },
    ])
    expect(await readdir(parent)).toEqual(['.out.spare', 'out'])
    const spareSame = await stat(path.join(parent, '.out.spare', 'same.html'))
    expect(spareSame.ino).toBe((await stat(path.join(outDir, 'same.html'))).ino)
    expect(await readFile(path.join(parent, '.out.spare', 'changed.html'), 'utf8')).toBe('lama')

    const before = await snapshotDir(outDir)
    const third = await writeWith(outDir, second.generations, [
      { path: 'same.html' },
      { path: 'changed.html', contents: 'baru lagi' },
      { path: 'becomes-folder/index.html', contents: 'folder' },
      { path: 'new.html', contents: 'baru' },
    ])
    expect(third).toMatchObject({ written: 3, unchanged: 1, removed: 2 })
    const after = await snapshotDir(outDir)
    expect([...after.keys()]).toEqual(['becomes-folder/index.html', 'changed.html', 'new.html', 'same.html'])
    expect(after.get('same.html')).toEqual(before.get('same.html'))
    expect(await readFile(path.join(outDir, 'changed.html'), 'utf8')).toBe('baru lagi')
    // The folder the spare had for the removed page is gone too, as in a fresh build.
    expect(await readdir(outDir)).toEqual(['becomes-folder', 'changed.html', 'new.html', 'same.html'])
    // The old site is the spare again, untouched by the writes that built the new one.
    expect(await snapshotDir(path.join(parent, '.out.spare'))).toEqual(before)
  })

  test('with no record of the site it replaces, it looks at the site afresh and still keeps it as the spare', async () => {
    const parent = await createTempDir()
    const outDir = path.join(parent, 'out')
    await writeSiteAtomically(outDir, [{ path: 'a.html', contents: 'a' }])
    expect(await readdir(parent)).toEqual(['out'])
    const { generations } = await writeWith(outDir, {}, [{ path: 'a.html', contents: 'b' }])
    expect(await readdir(parent)).toEqual(['.out.spare', 'out'])
    expect([...(generations.spare?.files.keys() ?? [])]).toEqual(['a.html'])
    expect(await readFile(path.join(parent, '.out.spare', 'a.html'), 'utf8')).toBe('a')
  })

  test('a stray file someone left in the spare, at a path the new site writes, gives way', async () => {
    const parent = await createTempDir()
    const outDir = path.join(parent, 'out')
    const first = await writeWith(outDir, {}, [{ path: 'a.html', contents: 'a' }])
    const second = await writeWith(outDir, first.generations, [{ path: 'a.html', contents: 'b' }])
    await writeFile(path.join(parent, '.out.spare', 'stray.html'), 'stray')
    await writeWith(outDir, second.generations, [
      { path: 'a.html' },
      { path: 'stray.html', contents: 'baru' },
    ])
    expect(await readFile(path.join(outDir, 'stray.html'), 'utf8')).toBe('baru')
    expect(await readFile(path.join(outDir, 'a.html'), 'utf8')).toBe('b')
  })

  test('a spare folder that is not the one recorded is not trusted: it is replaced', async () => {
    const parent = await createTempDir()
    const outDir = path.join(parent, 'out')
    const first = await writeWith(outDir, {}, [{ path: 'a.html', contents: 'a' }])
    const second = await writeWith(outDir, first.generations, [{ path: 'a.html', contents: 'b' }])
    // Somebody replaced the spare with a folder of their own.
    await rm(path.join(parent, '.out.spare'), { recursive: true })
    await mkdir(path.join(parent, '.out.spare'))
    await writeFile(path.join(parent, '.out.spare', 'stray.html'), 'stray')
    await writeWith(outDir, second.generations, [{ path: 'a.html', contents: 'c' }])
    expect(await listFiles(outDir)).toEqual(['a.html'])
    expect(await readFile(path.join(outDir, 'a.html'), 'utf8')).toBe('c')
  })
})
