// The `warta` command as a user runs it: the real bin/warta.js (and so the built dist/) in a
// child process, against a temporary site with the news theme. Every option of every
// command has a row below saying what it must do; every mistake a row saying what it must
// print. Needs `pnpm build` first.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const WARTA = path.join(repoRoot, 'packages', 'core', 'bin', 'warta.js')
const THEME = pathToFileURL(path.join(repoRoot, 'packages', 'theme-news', 'dist', 'index.js')).href

interface Run {
  code: number | null
  out: string
  err: string
}

/** The environment of a person at a terminal: none of what the package manager running the tests sets. */
const userEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_|INIT_CWD$)/i.test(key)))

/** Runs `warta <args>` in `cwd`; with `until`, sends Ctrl+C (SIGINT) once stdout matches it. */
function warta(args: string[], cwd: string, options: { until?: RegExp; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<Run>((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [WARTA, ...args], {
      cwd,
      env: { ...userEnv(), WARTA_WORKERS: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    })
    let out = ''
    let err = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk
      if (options.until?.test(out)) {
        options.until = undefined
        child.kill('SIGINT')
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, out: out.trimEnd(), err: err.trimEnd() }))
  })
}

/** A news article as a newsroom writes one. */
const story = (title: string, fields: string[] = [], body = 'SAMARINDA — Isi berita.\n') =>
  `---\ntitle: ${title}\ndate: 2025-05-16T09:00\nauthor: DHV\ncategory: Pemerintahan\n${fields.join('\n')}${fields.length ? '\n' : ''}---\n${body}`

const CONFIG = `import { defineConfig } from '@warta/core'
import { newsTheme } from ${JSON.stringify(THEME)}

export default defineConfig({
  site: { title: 'Warta Uji', url: 'https://uji.warta.example', lang: 'id-ID', timezone: 'Asia/Makassar' },
  permalinks: { article: '/:slug/' },
  theme: newsTheme(),
})
`

let parent: string
let root: string

async function write(files: Record<string, string>, base = root) {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(base, name)), { recursive: true })
    await writeFile(path.join(base, name), text)
  }
}

/** A fresh site: two published articles, a draft, an embargoed one; the config in `warta.config.ts`. */
async function freshSite() {
  await rm(root, { recursive: true, force: true })
  await write({
    'warta.config.ts': CONFIG,
    'content/banjir.md': story('Banjir Rendam Samarinda', ['slug: banjir', 'summary: Hujan deras semalam.']),
    'content/jalan.md': story('Jalan Tol Dibuka', ['summary: Ruas baru dibuka hari ini.']),
    'content/draf.md': story('Draf Rahasia', ['draft: true', 'summary: Belum terbit.']),
    'content/nanti.md': story('Berita Masa Depan', ['date: 2031-01-01', 'summary: Belum waktunya.']).replace(
      'date: 2025-05-16T09:00\n',
      '',
    ),
  })
}

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, 'packages', 'core', 'dist', 'cli', 'main.js')))
    throw new Error('packages/core/dist is missing: run `pnpm build` before this test.')
  // Inside the repository, so that the config's `@warta/core` import resolves as in a real site.
  parent = await mkdtemp(path.join(repoRoot, 'tests', 'cli', '.tmp-'))
  await mkdir(path.join(parent, 'node_modules', '@warta'), { recursive: true })
  const { symlink } = await import('node:fs/promises')
  await symlink(path.join(repoRoot, 'packages', 'core'), path.join(parent, 'node_modules', '@warta', 'core'))
  root = path.join(parent, 'site')
})

beforeEach(freshSite)

afterAll(() => rm(parent, { recursive: true, force: true }))

const exists = (...parts: string[]) => existsSync(path.join(...parts))

describe('every option does what it says', () => {
  it.each<[string, string[], (run: Run) => Promise<void> | void]>([
    [
      'build (no option): builds the site folder it runs in into dist/',
      ['build'],
      (run) => {
        expect(run.code, run.err).toBe(0)
        expect(run.out).toMatch(/^Built \d+ pages from 2 articles in \d+ ms → dist$/m)
        expect(exists(root, 'dist', 'banjir', 'index.html')).toBe(true)
      },
    ],
    [
      '--root <dir>: builds that folder, whatever folder warta runs in',
      ['build', '--root', 'site'],
      (run) => {
        expect(run.code, run.err).toBe(0)
        expect(exists(root, 'dist', 'index.html')).toBe(true)
      },
    ],
    [
      '--out <dir>: writes there instead of dist/',
      ['build', '--out', 'public-html'],
      (run) => {
        expect(run.code, run.err).toBe(0)
        expect(run.out).toMatch(/→ public-html$/m)
        expect(exists(root, 'public-html', 'index.html')).toBe(true)
        expect(exists(root, 'dist')).toBe(false)
      },
    ],
    [
      '--drafts: includes articles with draft: true',
      ['build', '--drafts'],
      (run) => {
        expect(run.out).toMatch(/from 3 articles/)
        expect(exists(root, 'dist', 'draf-rahasia', 'index.html')).toBe(true)
      },
    ],
    [
      '--future: includes articles dated in the future, with noindex',
      ['build', '--future'],
      async (run) => {
        expect(run.out).toMatch(/from 3 articles/)
        const page = await readFile(path.join(root, 'dist', 'berita-masa-depan', 'index.html'), 'utf8')
        expect(page).toMatch(/<meta name="robots" content="noindex/)
      },
    ],
    [
      '--no-cache: keeps no build cache and no spare',
      ['build', '--no-cache'],
      async (run) => {
        expect(run.code, run.err).toBe(0)
        expect(exists(root, '.warta', 'cache')).toBe(false)
        expect(await readdir(path.join(root, '.warta', 'output', 'dist'))).toEqual(['record.json'])
      },
    ],
    [
      'without --no-cache: keeps the build cache',
      ['build'],
      (run) => {
        expect(run.code, run.err).toBe(0)
        expect(exists(root, '.warta', 'cache', 'articles')).toBe(true)
      },
    ],
    [
      '--strict: a quality warning fails the build',
      ['build', '--strict'],
      (run) => {
        expect(run.code).toBe(1)
        expect(run.err).toMatch(/content\/banjir\.md:\d+:\d+: error The article has no lead image/)
        expect(run.err).toMatch(/Build failed: \d+ errors\. The previous output was left as it was\./)
        expect(exists(root, 'dist')).toBe(false)
      },
    ],
    [
      '-h, --help: the command’s own options',
      ['build', '--help'],
      (run) => {
        expect(run.code).toBe(0)
        expect(run.out).toMatch(/^Usage: warta build \[options\]/)
        for (const flag of [
          '--root',
          '--out',
          '--drafts',
          '--future',
          '--no-cache',
          '--strict',
          '--verbose',
          '--shard',
        ])
          expect(run.out).toContain(flag)
        expect(run.out).not.toContain('--port')
      },
    ],
    [
      'dev --help: the preview’s options',
      ['dev', '-h'],
      (run) => {
        expect(run.code).toBe(0)
        expect(run.out).toMatch(/^Usage: warta dev \[options\]/)
        for (const flag of ['--port', '--host', '--open', '--drafts', '--future'])
          expect(run.out).toContain(flag)
        expect(run.out).not.toContain('--strict')
      },
    ],
    [
      '-v, --version: the version of @warta/core',
      ['-v'],
      async (run) => {
        const pkg = JSON.parse(await readFile(path.join(repoRoot, 'packages/core/package.json'), 'utf8'))
        expect(run).toEqual({ code: 0, out: pkg.version, err: '' })
      },
    ],
  ])('%s', async (_, args, check) => {
    await check(await warta(args, args.includes('site') ? parent : root))
  })

  it('--config <file>: reads that file; its root is its folder unless it says otherwise', async () => {
    await write({ 'configs/uji.config.ts': CONFIG.replace('site: {', "root: '../site',\n  site: {") }, parent)
    await rm(path.join(root, 'warta.config.ts'))
    const run = await warta(['build', '--config', '../configs/uji.config.ts'], root)
    expect(run.code, run.err).toBe(0)
    expect(exists(root, 'dist', 'banjir', 'index.html')).toBe(true)
  })

  it('--verbose: prints every warning, not only the first 20', async () => {
    const many: Record<string, string> = {}
    for (let i = 0; i < 25; i++)
      many[`content/tanpa-ringkasan-${i}.md`] = story(`Berita Tanpa Ringkasan ${i}`)
    await write(many)
    const quiet = await warta(['build'], root)
    expect(quiet.err).toMatch(/…and \d+ more warnings \(.*\); --verbose lists them all\./)
    const verbose = await warta(['build', '--verbose'], root)
    expect(verbose.err).not.toMatch(/more warnings/)
    expect(verbose.err.match(/: warning /g)?.length).toBeGreaterThan(
      quiet.err.match(/: warning /g)?.length ?? 0,
    )
  })

  it('--shard i/n, then merge <dirs…>: two shards make the site a single build makes', async () => {
    for (const i of [1, 2]) {
      const run = await warta(['build', '--shard', `${i}/2`, '--out', `shard-${i}`], root)
      expect(run.code, run.err).toBe(0)
      expect(run.out).toMatch(new RegExp(`for shard ${i}/2`))
      expect(exists(root, `shard-${i}`, 'warta-shard.json')).toBe(true)
    }
    const merged = await warta(['merge', 'shard-1', 'shard-2', '--out', 'merged'], root)
    expect(merged.code, merged.err).toBe(0)
    expect(merged.out).toMatch(/from 2 articles/)
    const single = await warta(['build', '--out', 'single'], root)
    expect(single.code).toBe(0)
    const page = (dir: string) => readFile(path.join(root, dir, 'banjir', 'index.html'), 'utf8')
    expect(await page('merged')).toBe(await page('single'))
  })

  it('merge --strict: a quality warning fails the merged build too', async () => {
    await warta(['build', '--shard', '1/1', '--out', 'shard'], root)
    const run = await warta(['merge', 'shard', '--strict'], root)
    expect(run.code).toBe(1)
    expect(run.err).toMatch(/: error The article has no lead image/)
  })

  it('dev --port --host: serves there; Ctrl+C stops it with one line and exit code 0', async () => {
    const run = await warta(['dev', '--port', '0', '--host', '127.0.0.1'], root, { until: /Ctrl\+C stops/ })
    expect(run.code, run.err).toBe(0)
    const lines = run.out.split('\n')
    expect(lines[0]).toMatch(
      /^Preview of Warta Uji at http:\/\/127\.0\.0\.1:\d+\/ \(files in .*\.warta\/preview\)$/,
    )
    // Pictures made in the background after the first build rewrite their pages: one line each time.
    const rest = lines.slice(1).filter((line) => !/^Rebuilt in \d+ ms: \d+ written, \d+ removed$/.test(line))
    expect(rest).toEqual(['Watching for changes; Ctrl+C stops.', 'Stopped the preview.'])
    expect(run.err).toBe('')
  })

  it('dev --open: opens the browser at the preview’s address', async () => {
    const bin = path.join(parent, 'bin')
    await mkdir(bin, { recursive: true })
    const opener = process.platform === 'darwin' ? 'open' : 'xdg-open'
    await writeFile(
      path.join(bin, opener),
      `#!/bin/sh\necho "$1" > ${JSON.stringify(path.join(parent, 'opened'))}\n`,
    )
    await chmod(path.join(bin, opener), 0o755)
    const run = await warta(['dev', '--port', '0', '--open'], root, {
      until: /Ctrl\+C stops/,
      env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    })
    expect(run.code, run.err).toBe(0)
    const url = /at (http:\S+)/.exec(run.out)?.[1]
    await expect.poll(() => readFile(path.join(parent, 'opened'), 'utf8').catch(() => '')).toBe(`${url}\n`)
  })

  it('theme eject <partial>: copies the theme’s partial into partials/', async () => {
    const run = await warta(['theme', 'eject', 'card'], root)
    expect(run.code, run.err).toBe(0)
    expect(run.out).toMatch(/^Copied the theme's partial to partials\/card\.hbs/)
    expect(exists(root, 'partials', 'card.hbs')).toBe(true)
    expect(exists(root, 'partials', '.ejected.json')).toBe(true)
  })

  it('import <dir> --from <generator>: brings a Hugo archive’s posts into content/, naming what it could not map', async () => {
    const archive = path.join(repoRoot, 'packages', 'core', 'test', 'fixtures', 'import', 'hugo')
    const run = await warta(['import', archive, '--from', 'hugo', '--root', root], parent)
    expect(run.code, run.err).toBe(1)
    expect(exists(root, 'content', 'posts', 'anggaran-2024.md')).toBe(true)
    expect(run.err).toMatch(/tanggal-salah\.md:\d+:\d+: error /)
  })
})

describe('every mistake gets one line that names it and says what to do', () => {
  it.each<[string, string[], number, RegExp | string]>([
    [
      'an unknown command',
      ['bild'],
      2,
      'Unknown command "bild". Did you mean "build"? The commands are build, dev, merge, import, theme.',
    ],
    [
      'an import without the generator it comes from',
      ['import', 'arsip-lama'],
      2,
      /^warta import needs the archive folder and the generator it comes from/,
    ],
    [
      'an unknown option',
      ['build', '--strct'],
      2,
      'Unknown option --strct for warta build. Did you mean --strict? Run `warta build --help` for its options.',
    ],
    [
      'an option of another command',
      ['build', '--port', '80'],
      2,
      '--port is not an option of warta build (it is one of warta dev). Run `warta build --help` for its options.',
    ],
    [
      'a stray argument',
      ['build', 'site'],
      2,
      'warta build takes no arguments, but was given "site". To build another folder, use --root site. Run `warta build --help` for its options.',
    ],
    [
      'merge without folders',
      ['merge'],
      2,
      'warta merge needs the shard output folders, e.g. `warta merge shard-1 shard-2 shard-3`. Run `warta merge --help` for its options.',
    ],
    [
      'an unknown theme command',
      ['theme', 'ejct', 'card'],
      2,
      'Unknown theme command "ejct": warta theme eject <partial> copies a partial of the theme into partials/. Run `warta theme --help` for its options.',
    ],
    [
      'a --root that does not exist',
      ['build', '--root', 'situs'],
      2,
      /^--root situs: there is no folder \/.*\/site\/situs\. Check the path/,
    ],
    [
      'a --config that does not exist',
      ['build', '--config', 'warta.config.js'],
      2,
      /^--config warta\.config\.js: there is no file \/.*\/site\/warta\.config\.js\./,
    ],
    [
      'a --port that is not a port',
      ['dev', '--port', 'x'],
      2,
      '--port must be a number from 0 to 65535, not "x".',
    ],
    [
      'a --shard that is not i/n',
      ['build', '--shard', '3'],
      1,
      'Config error: --shard "3" must be i/n with 1 ≤ i ≤ n, e.g. --shard 2/3.',
    ],
  ])('%s', async (_, args, code, message) => {
    const run = await warta(args, root)
    expect(run.code).toBe(code)
    expect(run.out).toBe('')
    if (typeof message === 'string') expect(run.err).toBe(message)
    else expect(run.err).toMatch(message)
  })

  it('no command prints the help, and exits 2', async () => {
    const run = await warta([], root)
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/^Usage: warta <command> \[options\]/)
  })

  it('a folder without a config names the folder, absolute', async () => {
    const run = await warta(['build'], parent)
    expect(run.code).toBe(1)
    expect(run.err).toBe(
      `Config error: No config file in ${parent}. Create warta.config.ts exporting \`defineConfig({ site: { title, url }, theme })\`.`,
    )
  })

  it('a mistyped option in the config file names it, the file, line and column, and the option meant', async () => {
    await write({ 'warta.config.ts': CONFIG.replace('permalinks: {', 'pagesize: 10,\n  permalinks: {') })
    const run = await warta(['build'], root)
    expect(run.code).toBe(1)
    expect(run.err).toBe(
      'warta.config.ts:6:3: error Unknown option "pagesize". Did you mean "pageSize"? [config]\n' +
        '  hint: The config takes root, site, theme, content, outDir, markdown, permalinks, pageSize, pageNumbering, relatedCount, feeds, sitemap, search, schema, images, languages.',
    )
    expect(exists(root, 'dist')).toBe(false)
  })

  it('a missing content folder is an error naming it; nothing is written', async () => {
    await rm(path.join(root, 'content'), { recursive: true })
    const run = await warta(['build'], root)
    expect(run.code).toBe(1)
    expect(run.err).toBe(
      `Config error: The content folder content/ does not exist (looked for ${path.join(root, 'content')}).\n` +
        '  hint: Create content/ and put the articles (.md files) in it, or set content.dir to the folder that holds them.',
    )
    expect(await readdir(root)).toEqual(['warta.config.ts'])
  })

  it('an empty content folder builds, with a warning that says where it looked', async () => {
    await rm(path.join(root, 'content'), { recursive: true })
    await mkdir(path.join(root, 'content'))
    const run = await warta(['build'], root)
    expect(run.code).toBe(0)
    expect(run.err).toContain(
      `content/: warning No articles were published: none found in ${path.join(root, 'content')} (**/*.md), or all are drafts, embargoed or expired. [no-articles]`,
    )
    expect(run.out).toMatch(/from 0 articles/)
  })
})
