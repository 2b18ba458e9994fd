// Test-only helpers: build the example site into a temp folder and serve it on 127.0.0.1.
import { createReadStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createGzip } from 'node:zlib'

type Core = typeof import('../../packages/core/src/index.js')

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** The site the tests build: the example, or another site folder for theme development. */
export const exampleRoot = path.resolve(
  process.env.WARTA_THEME_SITE ?? path.join(repoRoot, 'examples/kaltim'),
)

/** Core as the example site resolves it (the root package does not depend on workspace packages). */
async function loadCore(): Promise<Core> {
  const resolved = createRequire(path.join(exampleRoot, 'package.json')).resolve('@warta/core')
  return (await import(pathToFileURL(resolved).href)) as Core
}

/** A built copy of the example site; `dispose()` removes it. */
export interface BuiltSite {
  dir: string
  dispose(): Promise<void>
}

/**
 * Builds `examples/kaltim` with core's `build()` into a fresh temp folder, or into `outDir`;
 * `url` replaces `site.url` (for a server whose origin is known before the build); `search`
 * replaces the config's `search`.
 */
export async function buildExample(
  options: { outDir?: string; url?: string; search?: boolean } = {},
): Promise<BuiltSite> {
  const core = await loadCore()
  const work = options.outDir ? undefined : await mkdtemp(path.join(tmpdir(), 'warta-theme-'))
  const dir = options.outDir ?? path.join(work as string, 'site')
  const { config, file } = await core.loadConfig(exampleRoot)
  const site = options.url ? { ...config.site, url: options.url } : config.site
  const search = options.search ?? config.search
  await core.build({ ...config, site, search }, { configFile: file, outDir: dir })
  return { dir, dispose: () => rm(work ?? dir, { recursive: true, force: true }) }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
}

/** Types a static host compresses. */
const COMPRESSED = /^(text\/|application\/(json|xml)|image\/svg)/

/** A running static server for a built site. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string
  /** Every request path the server saw, to check that pages ask for nothing missing. */
  misses: string[]
  close(): Promise<void>
}

/**
 * Serves a folder like a static host: `/x/` → `/x/index.html`, anything missing → `/404.html`
 * with status 404, text gzipped for clients that accept it.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const misses: string[] = []
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    let file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname)
    let status = 200
    const isFile =
      file.startsWith(root + path.sep) &&
      (await stat(file).then(
        (s) => s.isFile(),
        () => false,
      ))
    if (!isFile) {
      misses.push(pathname)
      file = path.join(root, '404.html')
      status = 404
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream'
    // Text goes out gzipped, as every static host sends it, so audits time what readers get.
    const gzip = COMPRESSED.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']))
    response.writeHead(status, { 'content-type': type, ...(gzip ? { 'content-encoding': 'gzip' } : {}) })
    const stream = createReadStream(file)
    if (gzip) stream.pipe(createGzip()).pipe(response)
    else stream.pipe(response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    misses,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
