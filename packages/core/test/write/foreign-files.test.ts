import { mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { WartaBuildError } from '../../src/errors/build-error.js'
import { locateOutputFolders, recoverOutput } from '../../src/write/output-folders.js'
import { loadOutputRecord } from '../../src/write/output-record.js'
import { createSiteWriter, type OutputFile } from '../../src/write/write-output.js'
import { createTempDir, listFiles } from '../helpers.js'

// The output folder is often also a deploy folder: a gh-pages worktree (.git), GitHub Pages'
// CNAME and .nojekyll, a .well-known folder, a file someone copied in. Warta replaces only
// what it wrote; the rest is carried into every new site, or the build stops and says why.

/** A site folder `<tmp>/site` whose output folder is `<tmp>/site/dist`. */
async function site() {
  const root = path.join(await createTempDir(), 'site')
  await mkdir(root)
  return { root, outDir: path.join(root, 'dist') }
}

async function writeSite(root: string, outDir: string, files: OutputFile[], spare = true) {
  const writer = await createSiteWriter(outDir, { root, spare })
  try {
    for (const file of files) await writer.write(file)
    return await writer.commit()
  } catch (error) {
    await writer.abort()
    throw error
  }
}

const PAGES: OutputFile[] = [
  { path: 'index.html', contents: '<h1>Beranda</h1>' },
  { path: 'assets/style.css', contents: 'body{}' },
  { path: '2025/05/banjir/index.html', contents: '<h1>Banjir</h1>' },
]

/** Resolves once every file is in `dir` with its bytes: the writer places files in the background. */
async function placed(dir: string, files: readonly OutputFile[]): Promise<void> {
  const has = (file: OutputFile) =>
    readFile(path.join(dir, file.path), 'utf8').then(
      (text) => text === file.contents,
      () => false,
    )
  while (!(await Promise.all(files.map(has))).every(Boolean)) await new Promise((r) => setTimeout(r, 5))
}

/** Puts a deploy folder's own files into `outDir`: what a gh-pages worktree holds. */
async function addDeployFiles(outDir: string) {
  await mkdir(path.join(outDir, '.git', 'refs', 'heads'), { recursive: true })
  await writeFile(path.join(outDir, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n')
  await writeFile(path.join(outDir, '.git', 'refs', 'heads', 'gh-pages'), 'f00d\n')
  await writeFile(path.join(outDir, 'CNAME'), 'kaltim.warta.example\n')
  await writeFile(path.join(outDir, '.nojekyll'), '')
  await mkdir(path.join(outDir, '.well-known'))
  await writeFile(
    path.join(outDir, '.well-known', 'security.txt'),
    'Contact: mailto:redaksi@kaltim.example\n',
  )
}

const DEPLOY_FILES = [
  '.git/HEAD',
  '.git/refs/heads/gh-pages',
  '.nojekyll',
  '.well-known/security.txt',
  'CNAME',
]

async function identities(dir: string, files: readonly string[]) {
  return Promise.all(
    files.map(async (file) => {
      const info = await stat(path.join(dir, file))
      return {
        file,
        ino: info.ino,
        mtimeMs: info.mtimeMs,
        text: await readFile(path.join(dir, file), 'utf8'),
      }
    }),
  )
}

const rmFeed = (outDir: string) => rm(path.join(outDir, 'feed'), { recursive: true })

describe('files Warta did not write', () => {
  test('CNAME, .nojekyll, .git and .well-known survive builds, with their inode and mtime', async () => {
    const { root, outDir } = await site()
    await writeSite(root, outDir, PAGES)
    await addDeployFiles(outDir)
    const before = await identities(outDir, DEPLOY_FILES)
    const second = await writeSite(root, outDir, [
      ...PAGES.slice(1),
      { path: 'index.html', contents: 'baru' },
    ])
    expect(second.kept.sort()).toEqual(['.git', '.nojekyll', '.well-known', 'CNAME'])
    expect([...second.current.files.keys()].sort()).toEqual(PAGES.map((p) => p.path).sort())
    // They moved on with the site; the spare (the site before) holds Warta's files only.
    expect(await listFiles(path.join(root, '.warta', 'output', 'dist', 'spare'))).toEqual(
      PAGES.map((p) => p.path).sort(),
    )
    // A build without the spare (--no-cache) keeps them too.
    await writeSite(root, outDir, PAGES, false)
    expect(await identities(outDir, DEPLOY_FILES)).toEqual(before)
    expect(await listFiles(outDir)).toEqual([...DEPLOY_FILES, ...PAGES.map((p) => p.path)].sort())
  })

  test('a file put into one of Warta’s folders stays, even after Warta stops writing that folder', async () => {
    const { root, outDir } = await site()
    await writeSite(root, outDir, PAGES)
    await writeFile(path.join(outDir, 'assets', 'analytics.js'), 'track()')
    await writeFile(path.join(outDir, '2025', '05', 'banjir', 'notes.txt'), 'catatan')
    await writeSite(root, outDir, [PAGES[0] as OutputFile, PAGES[1] as OutputFile])
    expect(await listFiles(outDir)).toEqual([
      '2025/05/banjir/notes.txt',
      'assets/analytics.js',
      'assets/style.css',
      'index.html',
    ])
  })

  test('a symbolic link someone made stays a link', async () => {
    const { root, outDir } = await site()
    await writeSite(root, outDir, PAGES)
    await symlink('index.html', path.join(outDir, 'home.html'))
    await writeSite(root, outDir, PAGES)
    expect((await import('node:fs')).readlinkSync(path.join(outDir, 'home.html'))).toBe('index.html')
  })

  test('a file of someone else’s where the site writes one stops the build, naming it; nothing changes', async () => {
    const { root, outDir } = await site()
    await writeSite(root, outDir, PAGES)
    await writeFile(path.join(outDir, 'robots.txt'), 'User-agent: *\nDisallow: /private/\n')
    const error = await writeSite(root, outDir, [
      ...PAGES,
      { path: 'robots.txt', contents: 'User-agent: *\n' },
    ])
      .then(() => undefined)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WartaBuildError)
    expect((error as WartaBuildError).diagnostics).toEqual([
      expect.objectContaining({
        file: 'dist/robots.txt',
        message: 'This file was not written by Warta, and the build writes its own here.',
        hint: expect.stringMatching(/^Move it into public\//),
        ruleId: 'output-foreign',
        severity: 'error',
      }),
    ])
    expect(await readFile(path.join(outDir, 'robots.txt'), 'utf8')).toBe(
      'User-agent: *\nDisallow: /private/\n',
    )
    expect(await listFiles(outDir)).toEqual([...PAGES.map((p) => p.path), 'robots.txt'].sort())
    expect((await readdir(path.join(root, '.warta', 'output', 'dist'))).filter((n) => n !== 'spare')).toEqual(
      ['record.json'],
    )
  })

  test('a foreign folder where the site now writes a file, or a foreign file inside one, stops the build', async () => {
    const { root, outDir } = await site()
    await writeSite(root, outDir, PAGES)
    await mkdir(path.join(outDir, 'feed'))
    await writeFile(path.join(outDir, 'feed', 'old.xml'), '<rss/>')
    await expect(writeSite(root, outDir, [...PAGES, { path: 'feed', contents: 'x' }])).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ file: 'dist/feed' })],
    })
    await writeFile(path.join(outDir, '2025', '05', 'banjir', 'notes.txt'), 'catatan')
    await rmFeed(outDir)
    await expect(
      writeSite(root, outDir, [
        PAGES[0] as OutputFile,
        PAGES[1] as OutputFile,
        { path: '2025', contents: 'x' },
      ]),
    ).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ file: 'dist/2025/05/banjir/notes.txt' })],
    })
    expect(await readFile(path.join(outDir, '2025', '05', 'banjir', 'notes.txt'), 'utf8')).toBe('catatan')
  })

  test('a foreign file with exactly the bytes the site writes there is taken over', async () => {
    const { root, outDir } = await site()
    await writeSite(root, outDir, PAGES)
    await writeFile(path.join(outDir, 'CNAME'), 'kaltim.warta.example\n')
    const taken = await writeSite(root, outDir, [
      ...PAGES,
      { path: 'CNAME', contents: 'kaltim.warta.example\n' },
    ])
    expect(taken.kept).toEqual([])
    expect([...taken.current.files.keys()]).toContain('CNAME')
    // Now it is Warta's: the site may change it, or stop writing it.
    await writeSite(root, outDir, PAGES)
    expect(await listFiles(outDir)).toEqual(PAGES.map((p) => p.path).sort())
  })
})

describe('an output folder Warta has no record of', () => {
  test('holding only a host’s files (dotfiles, CNAME), it is built into and they are kept', async () => {
    const { root, outDir } = await site()
    await mkdir(outDir)
    await addDeployFiles(outDir)
    await writeSite(root, outDir, PAGES)
    expect(await listFiles(outDir)).toEqual([...DEPLOY_FILES, ...PAGES.map((p) => p.path)].sort())
  })

  test('holding anything else, it is refused before a file is written, naming what it holds', async () => {
    const { root } = await site()
    const documents = path.join(await createTempDir(), 'Documents')
    await mkdir(path.join(documents, 'taxes'), { recursive: true })
    await writeFile(path.join(documents, 'taxes', '2024.pdf'), 'pdf')
    await writeFile(path.join(documents, 'index.html'), 'my own page')
    await writeFile(path.join(documents, '.hidden'), 'x')
    const error = await createSiteWriter(documents, { root }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WartaBuildError)
    const [diagnostic] = (error as WartaBuildError).diagnostics
    expect(diagnostic).toMatchObject({ ruleId: 'output-foreign', severity: 'error' })
    expect(diagnostic?.file).toMatch(/Documents$/)
    expect(diagnostic?.message).toBe(
      'The output folder holds index.html, taxes/, which Warta has no record of writing there; it never deletes or replaces what it did not write.',
    )
    expect(diagnostic?.hint).toMatch(/delete those files, keeping CNAME and dotfiles such as \.git/)
    expect((await readdir(documents)).sort()).toEqual(['.hidden', 'index.html', 'taxes'])
  })

  test('an empty folder is built into', async () => {
    const { root, outDir } = await site()
    await mkdir(outDir)
    await writeSite(root, outDir, PAGES)
    expect(await listFiles(outDir)).toEqual(PAGES.map((p) => p.path).sort())
  })
})

describe('a build killed during the swap', () => {
  test('between moving the old site aside and moving the new one in: the old site comes back whole', async () => {
    const { root, outDir } = await site()
    await writeSite(root, outDir, PAGES)
    await addDeployFiles(outDir)
    const folders = await locateOutputFolders(outDir, root)
    await rename(outDir, folders.previous)
    await recoverOutput(folders, await loadOutputRecord(folders.recordFile, outDir))
    expect(await listFiles(outDir)).toEqual([...DEPLOY_FILES, ...PAGES.map((p) => p.path)].sort())
  })

  test('after moving the new site in, before the foreign files followed it: they are moved on recovery', async () => {
    const { root, outDir } = await site()
    await writeSite(root, outDir, PAGES)
    await addDeployFiles(outDir)
    // The state a kill leaves: the record names both generations, the old site (with the
    // deploy files still in it) is aside, the new one in place.
    const writer = await createSiteWriter(outDir, { root })
    for (const file of PAGES) await writer.write(file)
    const folders = await locateOutputFolders(outDir, root)
    const record = await loadOutputRecord(folders.recordFile, outDir)
    const old = record.find(outDir)
    const staging = (await folders.stagings())[0]?.dir as string
    // A build killed after writing its pages had them all in staging.
    await placed(staging, PAGES)
    const { folderIdentity } = await import('../../src/write/output-record.js')
    await record.save([
      {
        folder: folderIdentity(staging) as string,
        files: new Map(PAGES.map((p) => [p.path, old?.files.get(p.path) as never])),
      },
      ...(old ? [old] : []),
    ])
    await rename(outDir, folders.previous)
    await rename(staging, outDir)
    await recoverOutput(folders, await loadOutputRecord(folders.recordFile, outDir))
    expect(await listFiles(outDir)).toEqual([...DEPLOY_FILES, ...PAGES.map((p) => p.path)].sort())
    expect(await readdir(folders.stateDir)).toEqual(['record.json', 'spare'])
    expect(await listFiles(path.join(folders.stateDir, 'spare'))).toEqual(PAGES.map((p) => p.path).sort())
  })

  test('staging folders of killed builds are removed; one of a running build is left alone', async () => {
    const { root, outDir } = await site()
    await writeSite(root, outDir, PAGES)
    const folders = await locateOutputFolders(outDir, root)
    for (const name of ['staging-99999998-aaaaaaaa', 'staging-1-0badc0de'])
      await mkdir(path.join(folders.stateDir, name, 'a'), { recursive: true })
    await recoverOutput(folders, await loadOutputRecord(folders.recordFile, outDir))
    // Process 1 (init) always runs: it stands for a concurrent build.
    expect((await readdir(folders.stateDir)).sort()).toEqual(['record.json', 'staging-1-0badc0de'])
  })
})

describe('a folder in the place of the replaced site that no build recorded', () => {
  test('is neither merged into the live site nor deleted: it is kept aside', async () => {
    const { root, outDir } = await site()
    await writeSite(root, outDir, PAGES)
    const folders = await locateOutputFolders(outDir, root)
    await mkdir(path.join(folders.previous, 'gone'), { recursive: true })
    await writeFile(path.join(folders.previous, 'gone', 'index.html'), 'old')
    const kept = await recoverOutput(folders, await loadOutputRecord(folders.recordFile, outDir))
    expect(await listFiles(outDir)).toEqual(PAGES.map((p) => p.path).sort())
    expect(kept).toMatch(/kept-/)
    expect(await listFiles(kept as string)).toEqual(['gone/index.html'])
  })
})
