import type { IncomingMessage, ServerResponse } from 'node:http'
import { isAbsolute, relative, resolve } from 'node:path'
import { candidateFiles, parseRequestPath } from './request-path.js'

/** A failed build, as the error overlay shows it. */
export interface ErrorReport {
  /** One-line summary, e.g. `2 errors in content/news/a.md`. */
  message: string
  /** Formatted `path:line:column` diagnostics; shown as plain text, never as HTML. */
  text: string
}

/** What changed in the output after a rebuild. */
export interface ReloadRequest {
  /**
   * Output files written or removed, relative to the output folder (or absolute inside it).
   * When given and all are `.html`, only pages showing one of them reload; leave it out to
   * reload every page.
   */
  files?: readonly string[]
  /** Only stylesheets changed: swap them in open pages without a full reload. */
  cssOnly?: boolean
}

/** Options for {@link createLiveReloadHub}. */
export interface LiveReloadHubOptions {
  /** The output folder, to make absolute `files` relative. */
  root: string
  basePath: string
  /** The not-found page, relative to the output folder; pages showing it reload when it changes. */
  notFoundPage: string
}

/** Keeps the open event streams and tells browsers what to do. */
export interface LiveReloadHub {
  /** Turns a request into an event stream for the page at `pagePath` (the browser's `location.pathname`). */
  connect(request: IncomingMessage, response: ServerResponse, pagePath: string | null): void
  reload(request?: ReloadRequest): void
  sendError(report: ErrorReport): void
  clearError(): void
  /** Ends every open stream. */
  close(): void
}

interface Client {
  response: ServerResponse
  /** Output files that could be this client's page; `undefined` when unknown, so it always reloads. */
  pageFiles: ReadonlySet<string> | undefined
}

// Keeps idle connections from being dropped by anything in between and notices dead clients.
const HEARTBEAT_MS = 15_000

/** Formats one server-sent event. JSON never contains a raw newline, so one `data:` line suffices. */
export function formatEvent(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`
}

/** Makes an output path relative to the output folder with `/` separators. */
export function toOutputPath(root: string, file: string): string {
  const relativePath = isAbsolute(file) ? relative(root, file) : file
  return relativePath.replaceAll('\\', '/').replace(/^(\.\/|\/)+/, '')
}

/** The output files a page's URL could be served from, plus the not-found page it may be showing. */
export function pageFilesFor(
  pagePath: string | null,
  basePath: string,
  notFoundPage: string,
): Set<string> | undefined {
  if (pagePath === null) return undefined
  const parsed = parseRequestPath(pagePath, basePath)
  const notFound = toOutputPath('/', notFoundPage)
  if (!parsed.ok) return new Set([notFound])
  return new Set([...candidateFiles(parsed.segments, parsed.trailingSlash), notFound])
}

/**
 * Whether a page must reload for a set of changed output files. Any non-HTML change
 * (an image, a script) may affect every page, so only an all-HTML list is narrowed down.
 */
export function shouldReloadPage(
  pageFiles: ReadonlySet<string> | undefined,
  changedFiles: readonly string[] | undefined,
): boolean {
  if (pageFiles === undefined || changedFiles === undefined || changedFiles.length === 0) return true
  return changedFiles.some((file) => !file.endsWith('.html') || pageFiles.has(file))
}

/** Creates the hub behind the preview's `/__warta/events` stream. */
export function createLiveReloadHub(options: LiveReloadHubOptions): LiveReloadHub {
  const root = resolve(options.root)
  const clients = new Set<Client>()
  let currentError: ErrorReport | undefined

  const send = (client: Client, message: string) => {
    if (!client.response.writableEnded) client.response.write(message)
  }
  const broadcast = (message: string) => {
    for (const client of clients) send(client, message)
  }
  const heartbeat = setInterval(() => broadcast(': ping\n\n'), HEARTBEAT_MS)
  heartbeat.unref()

  const clearErrorAndReload = () => {
    currentError = undefined
    broadcast(formatEvent('clear', {}))
  }

  return {
    connect(request, response, pagePath) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
      })
      if (request.method === 'HEAD') {
        response.end()
        return
      }
      const client: Client = {
        response,
        pageFiles: pageFilesFor(pagePath, options.basePath, options.notFoundPage),
      }
      clients.add(client)
      response.on('close', () => clients.delete(client))
      // `retry` sets how soon the browser reconnects after the stream drops.
      send(client, 'retry: 1000\n\n')
      if (currentError) send(client, formatEvent('build-error', currentError))
    },

    reload(reloadRequest = {}) {
      // A page showing an error overlay needs a full reload whatever changed.
      if (currentError) return clearErrorAndReload()
      if (reloadRequest.cssOnly) return broadcast(formatEvent('css', {}))
      const files = reloadRequest.files?.map((file) => toOutputPath(root, file))
      const message = formatEvent('reload', { files: files ?? [] })
      for (const client of clients) {
        if (shouldReloadPage(client.pageFiles, files)) send(client, message)
      }
    },

    sendError(report) {
      currentError = { message: String(report.message), text: String(report.text) }
      broadcast(formatEvent('build-error', currentError))
    },

    clearError() {
      if (currentError) clearErrorAndReload()
    },

    close() {
      clearInterval(heartbeat)
      for (const client of clients) client.response.end()
      clients.clear()
    },
  }
}
