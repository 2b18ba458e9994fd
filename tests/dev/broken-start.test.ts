// dev() on a site that is broken before the preview starts: the error must reach both the
// caller (an `error` event) and the browser (the overlay), and fixing the file must bring
// the site up.
import { afterEach, expect, test } from 'vitest'
import {
  copyExample,
  type DevServer,
  EVENT_TIMEOUT_MS,
  get,
  nextError,
  openDev,
  rebuildWhere,
  type SiteCopy,
} from './dev-site.js'

const TAIPEI = 'content/2025/05/taipei-tawarkan-kerja-sama-strategis.md'

let site: SiteCopy | undefined
let server: DevServer | undefined

afterEach(async () => {
  await server?.close()
  await site?.dispose()
})

/** Reads the live-reload stream of a page until the first named event; returns its name and data. */
async function firstStreamEvent(dev: DevServer, pagePath: string): Promise<{ event: string; data: unknown }> {
  const url = new URL(`/__warta/events?page=${encodeURIComponent(pagePath)}`, dev.url)
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), EVENT_TIMEOUT_MS)
  try {
    const response = await fetch(url, { signal: abort.signal })
    const decoder = new TextDecoder()
    let buffered = ''
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true })
      const match = /event: (\S+)\ndata: (.*)\n\n/.exec(buffered)
      if (match) return { event: match[1] as string, data: JSON.parse(match[2] as string) }
    }
    throw new Error('The event stream ended without an event')
  } finally {
    clearTimeout(timer)
    abort.abort()
  }
}

test('a site broken at start reports the error to the caller and the browser, and comes up when fixed', async () => {
  site = await copyExample()
  const source = await site.read(TAIPEI)
  await site.write(TAIPEI, source.replace('tags:\n', 'tags: [Taiwan\n'))

  server = await openDev(site)
  const error = await nextError(server)
  expect(error.text).toMatch(/^content\/2025\/05\/taipei-tawarkan-kerja-sama-strategis\.md:\d+:\d+: error /m)

  // Nothing was built, so pages are "not found", but they carry the live-reload client…
  const home = await get(server, '/')
  expect(home.status).toBe(404)
  expect(home.text).toContain('/__warta/client.js')
  // …and its stream shows the error as soon as it connects.
  const shown = await firstStreamEvent(server, '/')
  expect(shown.event).toBe('build-error')
  expect((shown.data as { text: string }).text).toContain('taipei-tawarkan-kerja-sama-strategis.md:')

  const rebuilt = rebuildWhere(server, (e) => e.written.includes('index.html'))
  await site.write(TAIPEI, source)
  await rebuilt
  const fixed = await get(server, '/')
  expect(fixed.status).toBe(200)
  expect(fixed.text).toContain('Taipei Tawarkan Kerja Sama Strategis')
})
