import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isInside, locateFile } from '../../src/dev/locate-file.js'

let workspace: string
let root: string

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'warta-locate-'))
  root = join(workspace, 'dist')
  await mkdir(join(root, 'news', 'a'), { recursive: true })
  await mkdir(join(root, 'empty'))
  await mkdir(join(workspace, 'dist-secret'))
  await writeFile(join(root, 'index.html'), 'home')
  await writeFile(join(root, 'news', 'a', 'index.html'), 'a')
  await writeFile(join(root, 'about.html'), 'about')
  await writeFile(join(root, 'robots.txt'), 'robots')
  await writeFile(join(workspace, 'dist-secret', 'secret.txt'), 'secret')
  await symlink(join(workspace, 'dist-secret'), join(root, 'linked'))
  await symlink(join(root, 'about.html'), join(root, 'alias.html'))
})

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true })
})

describe('isInside', () => {
  it('is strict about the separator', () => {
    expect(isInside('/work/dist', '/work/dist/a.html')).toBe(true)
    expect(isInside('/work/dist/', '/work/dist/a.html')).toBe(true)
    expect(isInside('/work/dist', '/work/dist-secret/a.html')).toBe(false)
    expect(isInside('/work/dist', '/work/dist')).toBe(false)
  })
})

describe('locateFile', () => {
  it('finds index.html for the root and for folders with a trailing slash', async () => {
    expect(await locateFile(root, [], true)).toMatchObject({ kind: 'file', relativePath: 'index.html' })
    expect(await locateFile(root, ['news', 'a'], true)).toMatchObject({
      kind: 'file',
      relativePath: 'news/a/index.html',
    })
  })

  it('asks for a redirect when a folder lacks its trailing slash', async () => {
    expect(await locateFile(root, ['news', 'a'], false)).toEqual({ kind: 'folder' })
    expect(await locateFile(root, [], false)).toEqual({ kind: 'folder' })
  })

  it('serves name as name, then name.html', async () => {
    expect(await locateFile(root, ['robots.txt'], false)).toMatchObject({ relativePath: 'robots.txt' })
    expect(await locateFile(root, ['about'], false)).toMatchObject({ relativePath: 'about.html' })
  })

  it('reports misses', async () => {
    expect(await locateFile(root, ['nope'], false)).toEqual({ kind: 'missing' })
    expect(await locateFile(root, ['empty'], true)).toEqual({ kind: 'missing' })
    expect(await locateFile(root, ['about.html'], true)).toEqual({ kind: 'missing' })
    expect(await locateFile(join(workspace, 'not-built'), [], true)).toEqual({ kind: 'missing' })
  })

  it('refuses paths that escape root even if the caller skipped validation', async () => {
    expect(await locateFile(root, ['..', 'dist-secret', 'secret.txt'], false)).toEqual({ kind: 'outside' })
    expect(await locateFile(root, ['/..', 'dist-secret', 'secret.txt'], false)).toEqual({ kind: 'outside' })
  })

  it('follows symlinks only when their target is inside root', async () => {
    expect(await locateFile(root, ['alias.html'], false)).toMatchObject({
      kind: 'file',
      relativePath: 'about.html',
    })
    expect(await locateFile(root, ['linked', 'secret.txt'], false)).toEqual({ kind: 'outside' })
  })
})
