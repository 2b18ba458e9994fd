import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, onTestFinished, test } from 'vitest'
import { resolveInside } from '../../src/write/output-file.js'
import {
  createSiteWriter,
  type OutputChanges,
  type OutputFile,
  type WriteStats,
} from '../../src/write/write-output.js'
import { createTempDir, listFiles, snapshotDir } from '../helpers.js'

/** Writes a whole site in one writer's run, as a `--no-cache` build does (no spare kept). */
async function writeSiteAtomically(
  outDir: string,
  files: readonly OutputFile[],
): Promise<WriteStats & { changes: OutputChanges }> {
  const writer = await createSiteWriter(outDir, { root: path.dirname(outDir), spare: false })
  try {
    for (const file of files) await writer.write(file)
  } catch (error) {
    await writer.abort()
    throw error
  }
  const { current: _, kept: __, rescued: ___, ...stats } = await writer.commit()
  return stats
}

/** The folder a writer works in for `<parent>/out` when the site folder is `<parent>`. */
const stateOf = (parent: string) => path.join(parent, '.warta', 'output', 'out')

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
    expect(stats).toEqual({
      written: 3,
      unchanged: 0,
      removed: 0,
      changes: { added: ['a/b/data.bin', 'images/logo.svg', 'index.html'], changed: [], removed: [] },
    })
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
      { path: 'new.html', contents: 'baru' },
    ])
    // What the writer did, by path: what a CDN purge needs (`.warta/changed.json`).
    expect(stats).toEqual({
      written: 2,
      unchanged: 1,
      removed: 1,
      changes: { added: ['new.html'], changed: ['changed.html'], removed: ['gone.html'] },
    })
    const after = await snapshotDir(outDir)
    expect([...after.keys()]).toEqual(['changed.html', 'new.html', 'same.html'])
    expect(after.get('same.html')).toEqual(before.get('same.html'))
    expect(after.get('changed.html')?.hash).not.toBe(before.get('changed.html')?.hash)
  })

  test('a file with neither contents nor a source keeps the one already in the output', async () => {
    const outDir = await outDirIn()
    await writeSiteAtomically(outDir, [{ path: 'kept.html', contents: 'tetap' }])
    const before = await snapshotDir(outDir)
    const stats = await writeSiteAtomically(outDir, [{ path: 'kept.html' }])
    expect(stats).toEqual({
      written: 0,
      unchanged: 1,
      removed: 0,
      changes: { added: [], changed: [], removed: [] },
    })
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
    expect(await readdir(parent)).toEqual(['.warta', 'out'])
    expect(await readdir(stateOf(parent))).toEqual(['record.json'])
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
    expect(await readdir(parent)).toEqual(['.warta', 'out'])
    expect(await readdir(stateOf(parent))).toEqual(['record.json'])
  })

  test('creates the output folder’s parents when needed', async () => {
    const outDir = path.join(await createTempDir(), 'a', 'b', 'out')
    await writeSiteAtomically(outDir, [{ path: 'index.html', contents: 'x' }])
    expect(await listFiles(outDir)).toEqual(['index.html'])
  })
})

describe('createSiteWriter with the spare', () => {
  async function writeWith(outDir: string, files: OutputFile[]) {
    const writer = await createSiteWriter(outDir, { root: path.dirname(outDir) })
    for (const file of files) await writer.write(file)
    return writer.commit()
  }

  test('starts from the spare site, writes only what differs and keeps the old site as the next spare', async () => {
    const parent = await createTempDir()
    const outDir = path.join(parent, 'out')
    const spare = path.join(stateOf(parent), 'spare')
    await writeWith(outDir, [
      { path: 'same.html', contents: 'sama' },
      { path: 'changed.html', contents: 'lama' },
      { path: 'gone/index.html', contents: 'hilang' },
      { path: 'becomes-folder', contents: 'file' },
    ])
    // Nothing beside the output folder: the writer's folders are in the site's .warta/.
    expect(await readdir(parent)).toEqual(['.warta', 'out'])
    expect(await readdir(stateOf(parent))).toEqual(['record.json'])
    await writeWith(outDir, [
      { path: 'same.html' },
      { path: 'changed.html', contents: 'baru' },
      { path: 'gone/index.html', contents: 'hilang' },
      { path: 'becomes-folder', contents: 'file' },
    ])
    expect(await readdir(parent)).toEqual(['.warta', 'out'])
    expect((await readdir(stateOf(parent))).sort()).toEqual(['record.json', 'spare'])
    const spareSame = await stat(path.join(spare, 'same.html'))
    expect(spareSame.ino).toBe((await stat(path.join(outDir, 'same.html'))).ino)
    expect(await readFile(path.join(spare, 'changed.html'), 'utf8')).toBe('lama')

    const before = await snapshotDir(outDir)
    const third = await writeWith(outDir, [
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
    expect(await snapshotDir(spare)).toEqual(before)
  })

  test('a stray file someone left in the spare, at a path the new site writes, gives way', async () => {
    const parent = await createTempDir()
    const outDir = path.join(parent, 'out')
    await writeWith(outDir, [{ path: 'a.html', contents: 'a' }])
    await writeWith(outDir, [{ path: 'a.html', contents: 'b' }])
    await writeFile(path.join(stateOf(parent), 'spare', 'stray.html'), 'stray')
    await writeWith(outDir, [{ path: 'a.html' }, { path: 'stray.html', contents: 'baru' }])
    expect(await readFile(path.join(outDir, 'stray.html'), 'utf8')).toBe('baru')
    expect(await readFile(path.join(outDir, 'a.html'), 'utf8')).toBe('b')
  })

  test('a spare folder that is not the one recorded is not trusted: it is replaced', async () => {
    const parent = await createTempDir()
    const outDir = path.join(parent, 'out')
    await writeWith(outDir, [{ path: 'a.html', contents: 'a' }])
    await writeWith(outDir, [{ path: 'a.html', contents: 'b' }])
    // Somebody replaced the spare with a folder of their own.
    const spare = path.join(stateOf(parent), 'spare')
    await rm(spare, { recursive: true })
    await mkdir(spare)
    await writeFile(path.join(spare, 'stray.html'), 'stray')
    await writeWith(outDir, [{ path: 'a.html', contents: 'c' }])
    expect(await listFiles(outDir)).toEqual(['a.html'])
    expect(await readFile(path.join(outDir, 'a.html'), 'utf8')).toBe('c')
  })

  test('an output folder on another file system than .warta/ gets no spare, and nothing is left beside it', async () => {
    // /dev/shm is a tmpfs on Linux: a rename from it into the temporary folder fails with EXDEV.
    const root = await mkdtemp(path.join('/dev/shm', 'warta-test-'))
    onTestFinished(() => rm(root, { recursive: true, force: true }))
    const parent = await createTempDir()
    const outDir = path.join(parent, 'out')
    for (const contents of ['a', 'b', 'c']) {
      const writer = await createSiteWriter(outDir, { root })
      await writer.write({ path: 'a.html', contents })
      await writer.commit()
    }
    expect(await readFile(path.join(outDir, 'a.html'), 'utf8')).toBe('c')
    expect(await readdir(parent)).toEqual(['out'])
    const state = path.join(root, '.warta', 'output')
    expect(await readdir(state)).toHaveLength(1)
    expect(await readdir(path.join(state, (await readdir(state))[0] as string))).toEqual(['record.json'])
  })
})
