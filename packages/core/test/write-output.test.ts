import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, test } from 'vitest'
import { recoverOutput, resolveInside, writeSiteAtomically } from '../src/write/write-output.js'
import { createTempDir, listFiles, snapshotDir } from './helpers.js'

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
