// Test-only helpers for the watch-mode preview: a throwaway copy of the example site that
// resolves @warta/* to the built workspace packages, dev() started on it, and awaitable events.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

type Core = typeof import('../../packages/core/src/index.js')
export type DevServer = import('../../packages/core/src/index.js').DevServer
export type DevOptions = import('../../packages/core/src/index.js').DevOptions
export type RebuildEvent = import('../../packages/core/src/index.js').RebuildEvent
export type RebuildErrorEvent = import('../../packages/core/src/index.js').RebuildErrorEvent

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const exampleRoot = path.join(repoRoot, 'examples/kaltim')

/** The clock every preview here runs at: after the example's May 2025 articles. */
export const NOW = Date.parse('2025-06-01T00:00:00Z')

/** How long an edit may take to show up before a test gives up waiting. */
export const EVENT_TIMEOUT_MS = 15_000

/** Core as the example site resolves it: the built `dist`, exactly what a user gets. */
export async function loadCore(): Promise<Core> {
  const resolved = createRequire(path.join(exampleRoot, 'package.json')).resolve('@warta/core')
  return (await import(pathToFileURL(resolved).href)) as Core
}

/** A copy of the example site in a fresh temp folder. */
export interface SiteCopy {
  root: string
  configFile: string
  /** The site's own copy of the news theme, with `ownTheme`. */
  themeDir?: string
  /** Absolute path of a file in the copy, from a path relative to its root. */
  file(relative: string): string
  read(relative: string): Promise<string>
  /** Writes a file, making its folders first. */
  write(relative: string, text: string): Promise<void>
  dispose(): Promise<void>
}

/** Options of {@link copyExample}. */
export interface CopyOptions {
  /**
   * Give the site its own copy of the news theme's files, beside the site folder, so that a
   * test may edit the theme. Default `false`: the workspace's theme, which tests must not touch.
   */
  ownTheme?: boolean
}

/**
 * Copies `examples/kaltim` (without node_modules, dist or .warta) to a temp folder and links
 * its `node_modules/@warta/*` to the workspace packages, so the config file imports the
 * real packages while the build cache stays inside the copy.
 */
export async function copyExample(options: CopyOptions = {}): Promise<SiteCopy> {
  const work = await mkdtemp(path.join(tmpdir(), 'warta-dev-'))
  const root = path.join(work, 'kaltim')
  const skipped = new Set(['node_modules', 'dist', '.warta'].map((name) => path.join(exampleRoot, name)))
  await cp(exampleRoot, root, { recursive: true, filter: (source) => !skipped.has(source) })
  await mkdir(path.join(root, 'node_modules', '@warta'), { recursive: true })
  for (const name of ['core', 'theme-news'])
    await symlink(
      path.join(repoRoot, 'packages', name),
      path.join(root, 'node_modules', '@warta', name),
      'dir',
    )
  const themeDir = options.ownTheme ? path.join(work, 'theme') : undefined
  if (themeDir) {
    for (const folder of ['layouts', 'partials', 'assets', 'i18n'])
      await cp(path.join(repoRoot, 'packages/theme-news', folder), path.join(themeDir, folder), {
        recursive: true,
      })
    const configFile = path.join(root, 'warta.config.ts')
    const config = await readFile(configFile, 'utf8')
    // The theme's options (e.g. the logo's size) are kept; only its folder changes.
    const themeLine = /theme: (newsTheme\([^)]*\)),/
    if (!themeLine.test(config)) throw new Error('The example config no longer says `theme: newsTheme(…),`')
    await writeFile(
      configFile,
      config.replace(themeLine, (_line, call) => `theme: { ...${call}, dir: ${JSON.stringify(themeDir)} },`),
    )
  }
  const file = (relative: string) => path.join(root, ...relative.split('/'))
  return {
    root,
    configFile: path.join(root, 'warta.config.ts'),
    themeDir,
    file,
    read: (relative) => readFile(file(relative), 'utf8'),
    async write(relative, text) {
      await mkdir(path.dirname(file(relative)), { recursive: true })
      await writeFile(file(relative), text)
    },
    dispose: () => rm(work, { recursive: true, force: true }),
  }
}

/**
 * Loads the copy's config file and starts the preview on a free port at the fixed clock. It
 * resolves once the preview is idle: the first build serves pictures as their source files and
 * makes their responsive sets and share cards in the background, then rebuilds; a test's edit
 * must not be mistaken for that rebuild.
 */
export async function startDev(site: SiteCopy, options: DevOptions = {}): Promise<DevServer> {
  const server = await openDev(site, options)
  await server.idle()
  return server
}

/**
 * The preview as dev() returns it, before its background work (pictures) is done: for a test
 * that listens for what comes first, such as the error of a first build, emitted just after.
 */
export async function openDev(site: SiteCopy, options: DevOptions = {}): Promise<DevServer> {
  const core = await loadCore()
  const { config, file } = await core.loadConfig(site.configFile)
  return core.dev(config, { port: 0, now: () => NOW, configFile: file, ...options })
}

/**
 * Resolves with the first `rebuild` satisfying `until` (so that a late event of an earlier
 * edit is not taken for this one), once the queue is idle. Rejects after a timeout, naming
 * the errors seen meanwhile.
 */
export function rebuildWhere(
  server: DevServer,
  until: (event: RebuildEvent) => boolean = () => true,
): Promise<RebuildEvent> {
  return new Promise((resolve, reject) => {
    const errors: string[] = []
    const onError = (event: RebuildErrorEvent) => errors.push(event.text)
    const done = () => {
      clearTimeout(timer)
      server.off('rebuild', onRebuild)
      server.off('error', onError)
    }
    const timer = setTimeout(() => {
      done()
      reject(
        new Error(
          `No matching rebuild within ${EVENT_TIMEOUT_MS} ms. Errors meanwhile:\n${errors.join('\n')}`,
        ),
      )
    }, EVENT_TIMEOUT_MS)
    const onRebuild = (event: RebuildEvent) => {
      if (!until(event)) return
      done()
      server.idle().then(() => resolve(event), reject)
    }
    server.on('rebuild', onRebuild)
    server.on('error', onError)
  })
}

/** Resolves with the next `error` event; rejects after a timeout, or if a rebuild succeeds first. */
export function nextError(server: DevServer): Promise<RebuildErrorEvent> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer)
      server.off('rebuild', onRebuild)
      server.off('error', onError)
    }
    const timer = setTimeout(() => {
      done()
      reject(new Error(`No error event within ${EVENT_TIMEOUT_MS} ms`))
    }, EVENT_TIMEOUT_MS)
    const onError = (event: RebuildErrorEvent) => {
      done()
      resolve(event)
    }
    const onRebuild = (event: RebuildEvent) => {
      // A rebuild that wrote nothing can be the tail of an earlier edit; one that wrote is a success.
      if (event.written.length === 0 && event.removed.length === 0) return
      done()
      reject(new Error(`Expected an error, got a rebuild writing ${event.written.join(', ')}`))
    }
    server.on('error', onError)
    server.on('rebuild', onRebuild)
  })
}

/** Fetches a page of the preview. */
export async function get(server: DevServer, sitePath: string): Promise<{ status: number; text: string }> {
  const response = await fetch(new URL(sitePath.replace(/^\//, ''), server.url))
  return { status: response.status, text: await response.text() }
}

/** Every file under the preview folder, relative to it with `/`, sorted. */
export async function listPreview(server: DevServer): Promise<string[]> {
  const entries = await readdir(server.outDir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(server.outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort()
}

/** The site path of the page an output file is served at: `a/b/index.html` → `/a/b/`. */
export const sitePathOf = (outputPath: string): string => `/${outputPath.replace(/index\.html$/, '')}`

/** Files of a built site folder with their bytes. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = new Map<string, Buffer>()
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, full).split(path.sep).join('/'), await readFile(full))
  }
  return files
}

/**
 * What differs between the preview and a cold `build()` of the site as it is now, at the
 * same clock: files on one side only, or with other bytes. The build runs on a copy, since
 * `build()` writes its permalink history into the site folder, which the preview would see.
 */
export async function diffWithColdBuild(server: DevServer, site: SiteCopy): Promise<string[]> {
  const core = await loadCore()
  const copy = path.join(path.dirname(site.root), 'cold')
  await rm(copy, { recursive: true, force: true })
  await cp(site.root, copy, { recursive: true, filter: (file) => !/[\\/](node_modules|\.warta)$/.test(file) })
  const { config } = await core.loadConfig(site.configFile)
  const outDir = path.join(copy, 'dist')
  await core.build({ ...config, root: copy }, { outDir, now: NOW, cache: false })
  const [preview, cold] = [await readTree(server.outDir), await readTree(outDir)]
  const problems: string[] = []
  for (const [file, bytes] of cold) {
    const got = preview.get(file)
    if (!got) problems.push(`${file}: missing from the preview`)
    else if (!got.equals(bytes)) problems.push(`${file}: differs from a cold build`)
  }
  for (const file of preview.keys()) if (!cold.has(file)) problems.push(`${file}: only in the preview`)
  return problems
}
