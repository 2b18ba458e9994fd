// The README's CDN purge commands ("What to purge"), run with bash, jq and curl as a deploy step
// runs them, on a real .warta/changed.json, against a local HTTP server that records what
// each request asked for: the Cloudflare API's host is replaced by the server's, and the site is
// served from it, so Fastly's PURGE requests reach it as they would reach the CDN.
import { execFile } from 'node:child_process'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { build } from '../../packages/core/src/pipeline/build.js'
import { newsTheme } from '../../packages/theme-news/src/index.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const fixture = path.join(here, '../fixtures/newsroom-day')

interface Received {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

let server: Server
let origin: string
let work: string
let site: string
const received: Received[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => {
      body += chunk
    })
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body })
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}\n')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  work = await mkdtemp(path.join(tmpdir(), 'warta-readme-purge-'))
  site = path.join(work, 'site')
  await cp(fixture, site, { recursive: true })
  await build(
    {
      root: site,
      outDir: path.join(work, 'dist'),
      site: { title: 'Warta Kaltim', url: origin, lang: 'id-ID', timezone: 'Asia/Makassar' },
      theme: newsTheme({ mastheadDate: false }),
    },
    { now: new Date('2025-05-17T09:00:00+08:00') },
  )
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await rm(work, { recursive: true, force: true })
})

/** The README's purge block: its Cloudflare part and its Fastly part. */
async function purgeBlocks(): Promise<{ cloudflare: string; fastly: string }> {
  const readme = await readFile(path.join(here, '../../README.md'), 'utf8')
  const start = readme.indexOf('Cloudflare (its API takes')
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(start))?.[1]
  if (!block) throw new Error('README has no purge block after "Cloudflare (its API takes"')
  const [cloudflare, fastly] = block.split(/\n\s*\n/)
  if (!cloudflare?.includes('api.cloudflare.com') || !fastly?.includes('PURGE'))
    throw new Error('The purge block is not a Cloudflare part and a Fastly part')
  return { cloudflare: cloudflare.replaceAll('https://api.cloudflare.com', origin), fastly }
}

const bash = (script: string, env: Record<string, string>) =>
  promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], {
    cwd: site,
    env: { ...process.env, ...env },
  })

async function purgedUrls(): Promise<string[]> {
  const changed = JSON.parse(await readFile(path.join(site, '.warta/changed.json'), 'utf8'))
  return [...changed.added, ...changed.changed, ...changed.removed]
}

test("Cloudflare: the README's command posts every changed URL, 30 a call, with the token", async () => {
  const urls = await purgedUrls()
  // A first build adds every file: more than one call's worth.
  expect(urls.length).toBeGreaterThan(30)
  received.length = 0
  await bash((await purgeBlocks()).cloudflare, { CF_ZONE_ID: 'zone123', CF_API_TOKEN: 'token-cf' })
  expect(received.length).toBe(Math.ceil(urls.length / 30))
  for (const request of received) {
    expect(request.method).toBe('POST')
    expect(request.url).toBe('/client/v4/zones/zone123/purge_cache')
    expect(request.headers.authorization).toBe('Bearer token-cf')
    expect(request.headers['content-type']).toBe('application/json')
  }
  const bodies = received.map((r) => JSON.parse(r.body) as { files: string[] })
  expect(bodies.every((b) => Object.keys(b).join() === 'files' && b.files.length <= 30)).toBe(true)
  expect(bodies.flatMap((b) => b.files)).toEqual(urls)
})

test("Fastly: the README's command sends one PURGE per changed URL, with the key", async () => {
  const urls = await purgedUrls()
  received.length = 0
  await bash((await purgeBlocks()).fastly, { FASTLY_API_TOKEN: 'token-fastly' })
  expect(received.map((r) => r.method)).toEqual(urls.map(() => 'PURGE'))
  expect(received.map((r) => `${origin}${r.url}`)).toEqual(urls)
  expect(received.every((r) => r.headers['fastly-key'] === 'token-fastly')).toBe(true)
})
