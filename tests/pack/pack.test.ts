// Packs @warta/core and @warta/theme-news as they would be published, installs the tarballs
// into a fresh project outside the workspace with npm, and builds a tiny site with them:
// what a user gets from the registry, not what the workspace links. Needs `pnpm -r build`
// first (the tarballs hold dist/), and the npm registry for the packages' dependencies.
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runProcess } from '../run-process.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const packages = {
  core: path.join(repoRoot, 'packages', 'core'),
  theme: path.join(repoRoot, 'packages', 'theme-news'),
}
const INSTALL_TIMEOUT = 10 * 60_000

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * The environment for child processes, without the npm_* and pnpm_* variables a
 * `pnpm test` run sets: they would configure the npm install as if it were part of this
 * workspace. Registry, cache and proxy settings are kept, so that CI mirrors still apply.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const keep =
    /^npm_config_(registry|cache|userconfig|globalconfig|https?_proxy|proxy|noproxy|strict_ssl|cafile|ca)$/i
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_)/i.test(key) || keep.test(key)),
  )
}

async function run(command: string, args: string[], cwd: string, timeout = INSTALL_TIMEOUT): Promise<Run> {
  const { code, out, err } = await runProcess(command, args, {
    cwd,
    env: cleanEnv(),
    shell: process.platform === 'win32',
    timeout,
  })
  return { code, stdout: out, stderr: err }
}

/** Runs a command and fails with its output when it does not succeed. */
async function runOk(command: string, args: string[], cwd: string): Promise<Run> {
  const result = await run(command, args, cwd)
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.code} in ${cwd}\n${result.stdout}\n${result.stderr}`,
    )
  }
  return result
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  )
}

/** Lists a tarball's files, without the leading `package/`. */
async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await runOk('tar', ['-tzf', tarball], path.dirname(tarball))
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/^package\//, ''))
    .sort()
}

async function tarballManifest(tarball: string): Promise<Record<string, unknown>> {
  const { stdout } = await runOk('tar', ['-xzOf', tarball, 'package/package.json'], path.dirname(tarball))
  return JSON.parse(stdout) as Record<string, unknown>
}

const ARTICLES = {
  'content/2025/05/banjir-rendam-samarinda.md': [
    '---',
    'title: Banjir Rendam Tiga Kelurahan di Samarinda',
    'date: 2025-05-14T08:30',
    'author: Rina',
    'category: Lingkungan',
    'tags: [Banjir, Samarinda]',
    '---',
    '',
    'Hujan deras sejak Selasa malam merendam tiga kelurahan di Samarinda.',
    '',
    'Warga mengungsi ke masjid terdekat.',
    '',
  ],
  'content/2025/05/guru-honorer.md': [
    '---',
    'title: "Dinas Pendidikan Kaltim: 1.000 Guru Honorer Diangkat"',
    'date: 2025-05-16',
    'author: DHV',
    'category: Pemerintahan',
    'dateline: SAMARINDA',
    '---',
    '',
    'Dinas Pendidikan Kalimantan Timur mengangkat seribu guru honorer tahun ini.',
    '',
  ],
}

const SITE = {
  title: 'Warta Uji',
  url: 'https://uji.example',
  lang: 'id-ID',
  timezone: 'Asia/Makassar',
}

const BUILD_SCRIPT = `import { build } from '@warta/core'
import { newsTheme } from '@warta/theme-news'
import { fileURLToPath } from 'node:url'

const report = await build(
  {
    root: fileURLToPath(new URL('.', import.meta.url)),
    site: ${JSON.stringify(SITE)},
    theme: newsTheme(),
  },
  { now: new Date('2025-06-01T00:00:00Z') },
)
console.log(JSON.stringify({ articles: report.articles, pages: report.pages, outDir: report.outDir }))
`

const CONFIG_FILE = `import { defineConfig } from '@warta/core'
import { newsTheme } from '@warta/theme-news'

export default defineConfig({ site: ${JSON.stringify(SITE)}, theme: newsTheme(), outDir: 'cli-dist' })
`

const GURU = '2025/05/16/dinas-pendidikan-kaltim-1-000-guru-honorer-diangkat/index.html'
const BANJIR = '2025/05/14/banjir-rendam-tiga-kelurahan-di-samarinda/index.html'

describe('the packed packages, installed from tarballs into a project of their own', () => {
  let work: string
  let project: string
  const tarballs: { core: string; theme: string } = { core: '', theme: '' }
  let buildRun: Run

  beforeAll(async () => {
    for (const dir of Object.values(packages)) {
      if (!(await exists(path.join(dir, 'dist', 'index.js'))))
        throw new Error(`${dir}/dist is missing: run \`pnpm -r build\` before this test.`)
    }
    work = await mkdtemp(path.join(tmpdir(), 'warta-pack-'))
    const packs = path.join(work, 'tarballs')
    await mkdir(packs)
    for (const dir of Object.values(packages)) await runOk('pnpm', ['pack', '--pack-destination', packs], dir)
    const names = await readdir(packs)
    tarballs.core = path.join(packs, names.find((n) => n.startsWith('warta-core-')) ?? 'missing-core.tgz')
    tarballs.theme = path.join(
      packs,
      names.find((n) => n.startsWith('warta-theme-news-')) ?? 'missing-theme.tgz',
    )

    project = path.join(work, 'site')
    await mkdir(project)
    await writeFile(
      path.join(project, 'package.json'),
      `${JSON.stringify({ name: 'warta-pack-test', private: true, type: 'module' }, null, 2)}\n`,
    )
    await runOk('npm', ['install', '--no-audit', '--no-fund', tarballs.core, tarballs.theme], project)
    for (const [file, lines] of Object.entries(ARTICLES)) {
      await mkdir(path.dirname(path.join(project, file)), { recursive: true })
      await writeFile(path.join(project, file), lines.join('\n'))
    }
    await writeFile(path.join(project, 'build.mjs'), BUILD_SCRIPT)
    await writeFile(path.join(project, 'warta.config.mjs'), CONFIG_FILE)
    buildRun = await run(process.execPath, ['build.mjs'], project, 120_000)
  }, INSTALL_TIMEOUT + 180_000)

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true })
  })

  const page = (file: string, dir = 'dist') => readFile(path.join(project, dir, file), 'utf8')

  test('the core tarball holds dist and the CLI, and no sources or tests', async () => {
    const files = await tarballFiles(tarballs.core)
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'bin/warta.js', 'dist/index.js', 'dist/index.d.ts']),
    )
    expect(files.filter((f) => /^(src|test)\//.test(f) || /\.test\.|tsconfig/.test(f))).toEqual([])
    // The share cards' fonts, with their licences.
    expect(files).toEqual(
      expect.arrayContaining([
        'fonts/source-serif-4-latin-700-normal.woff',
        'fonts/source-sans-3-latin-700-normal.woff',
        'fonts/OFL-source-serif-4.txt',
        'fonts/OFL-source-sans-3.txt',
      ]),
    )
  })

  test('the theme tarball holds its layouts, partials, assets and strings', async () => {
    const files = await tarballFiles(tarballs.theme)
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/index.js',
        'layouts/base.hbs',
        'layouts/article.hbs',
        'layouts/home.hbs',
        'layouts/listing.hbs',
        'layouts/404.hbs',
        'i18n/id.json',
        'i18n/en.json',
      ]),
    )
    expect(files.some((f) => f.startsWith('assets/'))).toBe(true)
    expect(files.filter((f) => /^(src|test)\//.test(f))).toEqual([])
  })

  test('pnpm pack rewrites the theme’s workspace:^ peer dependency to the core version', async () => {
    const core = await tarballManifest(tarballs.core)
    const theme = await tarballManifest(tarballs.theme)
    expect(theme.peerDependencies).toEqual({ '@warta/core': `^${core.version}` })
    expect(JSON.stringify(core)).not.toContain('workspace:')
    expect(JSON.stringify(theme)).not.toContain('workspace:')
  })

  test('npm installs real copies, not links into the workspace', async () => {
    for (const name of ['core', 'theme-news']) {
      const dir = path.join(project, 'node_modules', '@warta', name)
      expect((await lstat(dir)).isSymbolicLink()).toBe(false)
      expect(await exists(path.join(dir, 'src'))).toBe(false)
    }
  })

  test('a build script importing both packages builds the site', () => {
    expect(buildRun.code, buildRun.stderr).toBe(0)
    expect(buildRun.stderr).not.toMatch(/error/i)
    expect(JSON.parse(buildRun.stdout)).toEqual({
      articles: 2,
      pages: expect.any(Number),
      outDir: path.join(project, 'dist'),
    })
  })

  test('the article pages carry their headline, date, dateline and every paragraph', async () => {
    const guru = await page(GURU)
    expect(guru).toMatch(/<h1[^>]*>Dinas Pendidikan Kaltim: 1\.000 Guru Honorer Diangkat<\/h1>/)
    expect(guru).toContain('<time datetime="2025-05-16T00:00:00+08:00"')
    expect(guru).toMatch(/>\s*SAMARINDA\b/)
    expect(guru).toContain('Dinas Pendidikan Kalimantan Timur mengangkat seribu guru honorer tahun ini.</p>')
    const banjir = await page(BANJIR)
    expect(banjir).toMatch(/<h1[^>]*>Banjir Rendam Tiga Kelurahan di Samarinda<\/h1>/)
    expect(banjir).toContain('<time datetime="2025-05-14T08:30:00+08:00"')
    expect(banjir).toContain('<p>Hujan deras sejak Selasa malam merendam tiga kelurahan di Samarinda.</p>')
    expect(banjir).toContain('<p>Warga mengungsi ke masjid terdekat.</p>')
  })

  test('the home page links both articles, newest first', async () => {
    const home = await page('index.html')
    const guru = home.indexOf(`href="/${GURU.replace('index.html', '')}"`)
    const banjir = home.indexOf(`href="/${BANJIR.replace('index.html', '')}"`)
    expect(guru).toBeGreaterThan(-1)
    expect(banjir).toBeGreaterThan(guru)
  })

  test('listing pages use the theme’s Indonesian route words', async () => {
    expect(await page('kategori/lingkungan/index.html')).toContain(
      'Banjir Rendam Tiga Kelurahan di Samarinda',
    )
    expect(await page('kategori/pemerintahan/index.html')).toContain('Dinas Pendidikan Kaltim')
    expect(await page('tag/banjir/index.html')).toContain('Banjir Rendam Tiga Kelurahan di Samarinda')
  })

  test('the theme’s stylesheet is published under a hashed name and linked from every page', async () => {
    const assets = await readdir(path.join(project, 'dist', 'assets'))
    const css = assets.find((name) => /^style\.\w+\.css$/.test(name))
    expect(css).toBeDefined()
    expect(await page(GURU)).toContain(`href="/assets/${css}"`)
    expect(await page('404.html')).toContain(`href="/assets/${css}"`)
  })

  test('sharp works from the npm install (its prebuilt libvips): the articles share generated cards', async () => {
    const guru = await page(GURU)
    const card =
      /<meta property="og:image" content="https?:\/\/[^/]+\/(assets\/img\/card-[0-9a-f]{10}\.png)">/.exec(
        guru,
      )?.[1]
    expect(card).toBeDefined()
    const bytes = await readFile(path.join(project, 'dist', card as string))
    // A PNG's signature, and its IHDR: 1200 × 630.
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630])
  })

  test('the installed warta command builds the same site from a config file', async () => {
    const bin = path.join(project, 'node_modules', '@warta', 'core', 'bin', 'warta.js')
    const result = await run(process.execPath, [bin, 'build', '--root', project], project, 120_000)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^Built \d+ pages from 2 articles in \d+ ms/)
    expect(await page(GURU, 'cli-dist')).toMatch(
      /<h1[^>]*>Dinas Pendidikan Kaltim: 1\.000 Guru Honorer Diangkat<\/h1>/,
    )
  })
})
