import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { get as httpGet, type IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { formatEvent, pageFilesFor, shouldReloadPage, toOutputPath } from '../../src/dev/live-reload.js'
import { createPreviewServer, type PreviewServer } from '../../src/dev/preview-server.js'

interface ServerSentEvent {
  event: string
  data: string
}

/** An open `/__warta/events` stream that records the events it receives. */
interface EventStream {
  response: IncomingMessage
  events: ServerSentEvent[]
  /** Resolves with the next event of that name, or rejects after a short wait. */
  next(name: string): Promise<ServerSentEvent>
  /** Waits briefly and returns the names of events that arrived meanwhile. */
  settle(): Promise<string[]>
  close(): void
}

function parseEvent(block: string): ServerSentEvent | undefined {
  let event = 'message'
  const data: string[] = []
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice(7)
    else if (line.startsWith('data: ')) data.push(line.slice(6))
  }
  return data.length > 0 ? { event, data: data.join('\n') } : undefined
}

function openEventStream(preview: PreviewServer, page?: string): Promise<EventStream> {
  const url = new URL('/__warta/events', preview.url)
  if (page !== undefined) url.searchParams.set('page', page)
  return new Promise((resolve, reject) => {
    const request = httpGet(url, (response) => {
      const events: ServerSentEvent[] = []
      const waiters: Array<() => void> = []
      let buffer = ''
      let seen = 0
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        buffer += chunk
        const blocks = buffer.split('\n\n')
        buffer = blocks.pop() ?? ''
        for (const block of blocks) {
          const event = parseEvent(block)
          if (event) events.push(event)
        }
        for (const wake of waiters.splice(0)) wake()
      })
      const next = (name: string) =>
        new Promise<ServerSentEvent>((resolveEvent, rejectEvent) => {
          const timeout = setTimeout(() => rejectEvent(new Error(`no ${name} event`)), 2000)
          const look = () => {
            while (seen < events.length) {
              const event = events[seen++]
              if (event?.event === name) {
                clearTimeout(timeout)
                return resolveEvent(event)
              }
            }
            waiters.push(look)
          }
          look()
        })
      const settle = async () => {
        const before = events.length
        await new Promise((done) => setTimeout(done, 150))
        return events.slice(before).map((event) => event.event)
      }
      resolve({ response, events, next, settle, close: () => request.destroy() })
    })
    request.on('error', reject)
  })
}

let root: string
let server: PreviewServer | undefined
const streams: EventStream[] = []

const start = async () => {
  server = await createPreviewServer({ root })
  return server
}

const open = async (page?: string) => {
  if (!server) throw new Error('start the server first')
  const stream = await openEventStream(server, page)
  streams.push(stream)
  return stream
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'warta-sse-'))
  await writeFile(join(root, 'index.html'), '<body>home</body>')
})

afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close()
  await server?.close()
  server = undefined
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('live-reload event stream', () => {
  it('opens as an uncached event stream', async () => {
    await start()
    const stream = await open('/')
    expect(stream.response.statusCode).toBe(200)
    expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(stream.response.headers['cache-control']).toBe('no-store')
    expect(stream.response.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('sends reload after preview.reload()', async () => {
    const preview = await start()
    const stream = await open('/')
    preview.reload({ files: ['index.html'] })
    const event = await stream.next('reload')
    expect(JSON.parse(event.data)).toEqual({ files: ['index.html'] })
  })

  it('sends css for a stylesheet-only change', async () => {
    const preview = await start()
    const stream = await open('/')
    preview.reload({ cssOnly: true })
    await stream.next('css')
  })

  it('reloads only the pages whose HTML changed when every changed file is HTML', async () => {
    const preview = await start()
    const article = await open('/news/a/')
    const home = await open('/')
    const unknown = await open()
    preview.reload({ files: [join(root, 'news', 'a', 'index.html')] })
    await article.next('reload')
    expect(await home.settle()).toEqual([])
    await unknown.next('reload')
  })

  it('reloads every page when a non-HTML file changed', async () => {
    const preview = await start()
    const article = await open('/news/a/')
    const home = await open('/')
    preview.reload({ files: ['news/a/index.html', 'assets/logo.png'] })
    await article.next('reload')
    await home.next('reload')
  })

  it('shows a build error, also to pages that connect later, and clears it', async () => {
    const preview = await start()
    const early = await open('/')
    const report = { message: '1 error', text: 'content/a.md:3:7: error bad date <script>x</script>' }
    preview.sendError(report)
    expect(JSON.parse((await early.next('build-error')).data)).toEqual(report)

    const late = await open('/')
    expect(JSON.parse((await late.next('build-error')).data)).toEqual(report)

    preview.clearError()
    await early.next('clear')
    await late.next('clear')
  })

  it('turns the next reload after an error into a clear, and clearError without an error into nothing', async () => {
    const preview = await start()
    const stream = await open('/')
    preview.clearError()
    expect(await stream.settle()).toEqual([])

    preview.sendError({ message: 'broken', text: 'x' })
    await stream.next('build-error')
    preview.reload({ cssOnly: true })
    await stream.next('clear')
    expect(await stream.settle()).toEqual([])
  })

  it('forgets a stream once the browser closes it', async () => {
    const preview = await start()
    const stream = await open('/')
    stream.close()
    await new Promise((done) => setTimeout(done, 50))
    expect(() => preview.reload()).not.toThrow()
  })
})

describe('formatEvent', () => {
  it('writes one event with JSON data on a single line', () => {
    expect(formatEvent('build-error', { text: 'a\nb' })).toBe(
      'event: build-error\ndata: {"text":"a\\nb"}\n\n',
    )
  })
})

describe('toOutputPath', () => {
  it('makes paths relative to the output folder with forward slashes', () => {
    expect(toOutputPath('/site/dist', '/site/dist/news/a/index.html')).toBe('news/a/index.html')
    expect(toOutputPath('/site/dist', 'news\\a\\index.html')).toBe('news/a/index.html')
    expect(toOutputPath('/site/dist', './404.html')).toBe('404.html')
  })
})

describe('pageFilesFor', () => {
  it('lists the files a page URL may come from, plus the not-found page', () => {
    expect(pageFilesFor('/news/a/', '/', '404.html')).toEqual(new Set(['news/a/index.html', '404.html']))
    expect(pageFilesFor('/site/about', '/site/', '404.html')).toEqual(
      new Set(['about', 'about.html', 'about/index.html', '404.html']),
    )
    expect(pageFilesFor('/elsewhere/', '/site/', '404.html')).toEqual(new Set(['404.html']))
    expect(pageFilesFor(null, '/', '404.html')).toBeUndefined()
  })
})

describe('shouldReloadPage', () => {
  const page = new Set(['news/a/index.html', '404.html'])
  it('reloads when the change list is unknown or empty', () => {
    expect(shouldReloadPage(page, undefined)).toBe(true)
    expect(shouldReloadPage(page, [])).toBe(true)
    expect(shouldReloadPage(undefined, ['x.html'])).toBe(true)
  })

  it('reloads for its own HTML or any non-HTML file, not for other HTML', () => {
    expect(shouldReloadPage(page, ['news/a/index.html'])).toBe(true)
    expect(shouldReloadPage(page, ['404.html'])).toBe(true)
    expect(shouldReloadPage(page, ['news/b/index.html', 'site.css'])).toBe(true)
    expect(shouldReloadPage(page, ['news/b/index.html'])).toBe(false)
  })
})
