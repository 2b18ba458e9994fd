import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import sirv from 'sirv'
import { createGoneRulesReader, type GoneRules, goneStub } from './gone-rules.js'
import { allowedHostnames, checkHost, toUrlHost } from './host-check.js'
import { injectClientScript } from './inject-client.js'
import {
  createLiveReloadHub,
  type ErrorReport,
  type LiveReloadHub,
  type ReloadRequest,
} from './live-reload.js'
import { LIVE_RELOAD_CLIENT_SOURCE } from './live-reload-client.js'
import { LIVE_RELOAD_CLIENT_PATH, LIVE_RELOAD_EVENTS_PATH } from './live-reload-paths.js'
import { type LocatedFile, locateFile } from './locate-file.js'
import { normalizeBasePath, parseRequestPath, toUrlPath } from './request-path.js'

export type { ErrorReport, ReloadRequest } from './live-reload.js'

/** Options for {@link createPreviewServer}. */
export interface PreviewServerOptions {
  /** The output folder to serve. */
  root: string
  /** Interface to listen on; loopback only unless you mean to share the preview. */
  host?: string
  /** Port to listen on; `0` picks a free one (read it back from `url`). */
  port?: number
  /** Page sent with status 404 for misses, relative to `root`. */
  notFoundPage?: string
  /** URL path the site is published under, e.g. `/news/`; `root` is served there. */
  basePath?: string
}

/** A running preview of the output folder with live reload. */
export interface PreviewServer {
  /** Where the site is, e.g. `http://127.0.0.1:4321/` (includes the base path). */
  url: string
  /** Tells open pages the output changed. Also clears a shown build error (which reloads). */
  reload(request?: ReloadRequest): void
  /** Shows a build error over every open page until {@link PreviewServer.clearError} or the next `reload`. */
  sendError(report: ErrorReport): void
  /** Removes the error overlay and reloads the pages that showed it. Does nothing if none is shown. */
  clearError(): void
  /** Closes every connection, event streams included. Safe to call more than once. */
  close(): Promise<void>
}

const HTML_FILE = /\.html?$/i

// Shown when the site has no not-found page yet (say, the first build failed), and still
// carries the live-reload client so the error overlay and the reload after a fix work.
const FALLBACK_NOT_FOUND_HTML =
  '<!doctype html><meta charset="utf-8"><title>Not found</title><p>Not found</p>'

const FALLBACK_GONE_HTML = '<!doctype html><meta charset="utf-8"><title>Gone</title><p>Gone</p>'

const CLIENT_SOURCE_BYTES = Buffer.from(LIVE_RELOAD_CLIENT_SOURCE)

function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  response.end(text)
}

function sendHtml(response: ServerResponse, status: number, html: string) {
  const body = injectClientScript(html, LIVE_RELOAD_CLIENT_PATH)
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  })
  response.end(body)
}

function sendClientScript(response: ServerResponse) {
  response.writeHead(200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Content-Length': CLIENT_SOURCE_BYTES.length,
    'Cache-Control': 'no-store',
  })
  response.end(CLIENT_SOURCE_BYTES)
}

/** Node keeps only the first of repeated `Host` headers; a request carrying two is malformed. */
function hasRepeatedHostHeader(request: IncomingMessage): boolean {
  let count = 0
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    if (request.rawHeaders[index]?.toLowerCase() === 'host') count++
  }
  return count > 1
}

const pathOf = (target: string) => target.split(/[?#]/, 1)[0] ?? ''
const queryOf = (target: string) => new URLSearchParams(target.split('#', 1)[0]?.split('?')[1] ?? '')

interface Site {
  root: string
  goneRules: () => Promise<GoneRules>
  basePath: string
  notFoundPage: string
  serveStatic: ReturnType<typeof sirv>
  hub: LiveReloadHub
}

async function readOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return undefined
  }
}

async function sendNotFound(site: Site, response: ServerResponse) {
  const segments = site.notFoundPage.split('/').filter((segment) => segment !== '')
  const page = await locateFile(site.root, segments, false)
  const html = page.kind === 'file' ? await readOrUndefined(page.absolutePath) : undefined
  sendHtml(response, 404, html ?? FALLBACK_NOT_FOUND_HTML)
}

/** A removed page: its stub (the `to` of its `_redirects` rule) with status 410, as hosts answer it. */
async function sendGone(site: Site, response: ServerResponse, stubPath: string) {
  const below = stubPath.startsWith(site.basePath) ? stubPath.slice(site.basePath.length) : stubPath
  const segments = below.split('/').filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
  const stub = await locateFile(site.root, segments, below === '' || below.endsWith('/'))
  const html = stub.kind === 'file' ? await readOrUndefined(stub.absolutePath) : undefined
  sendHtml(response, 410, html ?? FALLBACK_GONE_HTML)
}

async function sendFile(
  site: Site,
  request: IncomingMessage,
  response: ServerResponse,
  file: Extract<LocatedFile, { kind: 'file' }>,
) {
  if (HTML_FILE.test(file.relativePath)) {
    const html = await readOrUndefined(file.absolutePath)
    if (html === undefined) return sendNotFound(site, response)
    return sendHtml(response, 200, html)
  }
  // sirv decodes the URL once more, so it must get the checked file's path re-encoded,
  // never the raw target; `?` and `#` would not survive that round trip.
  if (/[?#]/.test(file.relativePath)) return sendNotFound(site, response)
  request.url = encodeURI(`/${file.relativePath}`)
  site.serveStatic(request, response, () => void sendNotFound(site, response))
}

async function handleRequest(site: Site, request: IncomingMessage, response: ServerResponse) {
  const target = request.url ?? ''
  const path = pathOf(target)
  if (path === LIVE_RELOAD_CLIENT_PATH) return sendClientScript(response)
  if (path === LIVE_RELOAD_EVENTS_PATH)
    return site.hub.connect(request, response, queryOf(target).get('page'))

  const parsed = parseRequestPath(target, site.basePath)
  if (!parsed.ok) {
    if (path === '/') return sendText(response, 302, 'Found', { Location: site.basePath })
    if (parsed.status === 404) return sendNotFound(site, response)
    return sendText(response, 400, 'Bad request')
  }

  const gone = goneStub(
    await site.goneRules(),
    `${site.basePath}${parsed.segments.join('/')}${parsed.trailingSlash ? '/' : ''}`,
  )
  if (gone !== undefined) return sendGone(site, response, gone)
  const located = await locateFile(site.root, parsed.segments, parsed.trailingSlash)
  switch (located.kind) {
    case 'folder': {
      const location = toUrlPath(site.basePath, parsed.segments, true) + parsed.query
      return sendText(response, 302, 'Found', { Location: location })
    }
    case 'outside':
      return sendText(response, 403, 'Forbidden')
    case 'missing':
      return sendNotFound(site, response)
    case 'file':
      return sendFile(site, request, response, located)
  }
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolveListening, rejectListening) => {
    server.once('error', rejectListening)
    server.listen({ host, port }, () => {
      server.off('error', rejectListening)
      resolveListening(server.address() as AddressInfo)
    })
  })
}

/** The host to put in the preview's URL: a browsable loopback address when listening everywhere. */
function browsableHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::' || host === '[::]') return '[::1]'
  return toUrlHost(host)
}

/**
 * Serves the output folder for local preview with live reload. Only files really inside
 * `root` are served (paths are checked before lookup, symlinks must resolve inside it),
 * requests for a `Host` other than the server's own are refused, and HTML responses get
 * the live-reload script added on the way out. URLs the site's `_redirects` removes (`410`
 * lines, written for removed articles) are answered "410 Gone" with their stub.
 */
export async function createPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const root = resolve(options.root)
  const host = options.host ?? '127.0.0.1'
  const basePath = normalizeBasePath(options.basePath ?? '/')
  const notFoundPage = options.notFoundPage ?? '404.html'
  const hub = createLiveReloadHub({ root, basePath, notFoundPage })
  const site: Site = {
    root,
    basePath,
    notFoundPage,
    hub,
    goneRules: createGoneRulesReader(root),
    serveStatic: sirv(root, { dev: true, etag: false, single: false, extensions: [] }),
  }
  const allowedHosts = allowedHostnames(host)
  let port = 0

  const server = createServer((request, response) => {
    response.setHeader('X-Content-Type-Options', 'nosniff')
    if (hasRepeatedHostHeader(request)) return sendText(response, 400, 'Bad request')
    const verdict = checkHost(request.headers.host, allowedHosts, port)
    if (verdict === 'malformed') return sendText(response, 400, 'Bad request')
    if (verdict === 'foreign') return sendText(response, 403, 'Forbidden: unknown Host')
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' })
    }
    handleRequest(site, request, response).catch(() => {
      if (response.headersSent) response.destroy()
      else sendText(response, 500, 'Internal server error')
    })
  })

  try {
    port = (await listen(server, host, options.port ?? 0)).port
  } catch (error) {
    hub.close()
    throw error
  }

  let closing: Promise<void> | undefined
  return {
    url: `http://${browsableHost(host)}:${port}${basePath}`,
    reload: (request) => hub.reload(request),
    sendError: (report) => hub.sendError(report),
    clearError: () => hub.clearError(),
    close() {
      closing ??= new Promise((resolveClosed, rejectClosed) => {
        hub.close()
        server.close((error) => (error ? rejectClosed(error) : resolveClosed()))
        server.closeAllConnections()
      })
      return closing
    },
  }
}
