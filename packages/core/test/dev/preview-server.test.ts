import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createPreviewServer, type PreviewServer } from '../../src/dev/preview-server.js'

const CLIENT_TAG = '<script src="/__warta/client.js" defer></script>'
const SECRET = 'TOP-SECRET-do-not-serve'

let workspace: string
let root: string
const servers: PreviewServer[] = []

async function writeTree(base: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(base, path)), { recursive: true })
    await writeFile(join(base, path), content)
  }
}

async function start(options: Partial<Parameters<typeof createPreviewServer>[0]> = {}) {
  const server = await createPreviewServer({ root, ...options })
  servers.push(server)
  return server
}

/** A request with full control over headers (fetch will not let a test set `Host`). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{
    status: number
    headers: Record<string, string | string[] | undefined>
    body: string
  }>((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'warta-preview-'))
  root = join(workspace, 'dist')
  await writeTree(root, {
    'index.html': '<!doctype html><html><body><h1>Beranda</h1></body></html>',
    'news/a/index.html': '<html><body>Article A</body></html>',
    'about.html': '<html><body>About</body></html>',
    '404.html': '<html><body>Halaman tidak ditemukan</body></html>',
    'assets/site.3f2a.css': 'body{color:red}',
    'assets/data.json': '{"ok":true}',
    'feed.xml': '<rss/>',
    'file with space.txt': 'spaced',
    'caf\u00e9.txt': 'accented',
    'empty-folder/.keep': '',
  })
  await writeTree(workspace, { 'dist-secret/secret.txt': SECRET, 'outside/secret.html': `<p>${SECRET}</p>` })
  await symlink(join(workspace, 'outside', 'secret.html'), join(root, 'leak.html'))
  await symlink(join(workspace, 'outside'), join(root, 'leak-folder'))
  await symlink(join(root, 'about.html'), join(root, 'alias.html'))
})

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true })
})

describe('createPreviewServer', () => {
  it('listens on 127.0.0.1 with a free port by default', async () => {
    const server = await start()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(new URL(server.url).port).not.toBe('0')
  })

  it('is not reachable on other interfaces by default', async () => {
    const server = await start()
    const port = Number(new URL(server.url).port)
    const external = Object.values(networkInterfaces())
      .flat()
      .find((info) => info && info.family === 'IPv4' && !info.internal)
    if (!external) return
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: external.address, port })
      socket.once('connect', () => {
        socket.destroy()
        resolve(false)
      })
      socket.once('error', () => resolve(true))
    })
    expect(refused).toBe(true)
  })

  it('serves index.html for / with the live-reload script, leaving the file untouched', async () => {
    const server = await start()
    const response = await fetch(server.url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await response.text()).toBe(
      `<!doctype html><html><body><h1>Beranda</h1>${CLIENT_TAG}</body></html>`,
    )
    expect(await readFile(join(root, 'index.html'), 'utf8')).not.toContain('__warta')
  })

  it('serves pretty URLs: folder/ → folder/index.html, name → name.html', async () => {
    const server = await start()
    expect(await (await fetch(new URL('news/a/', server.url))).text()).toContain('Article A')
    expect(await (await fetch(new URL('about', server.url))).text()).toContain('About')
    expect(await (await fetch(new URL('about.html', server.url))).text()).toContain('About')
  })

  it('redirects a folder without its trailing slash, keeping the query', async () => {
    const server = await start()
    const response = await fetch(new URL('news/a?x=1', server.url), { redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/news/a/?x=1')
  })

  it('never redirects to another host', async () => {
    const server = await start()
    await mkdir(join(root, 'evil.example'), { recursive: true })
    const response = await get(`${server.url}/evil.example`)
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/evil.example/')
    await rm(join(root, 'evil.example'), { recursive: true })
  })

  it('serves other files through sirv with their content type and without injection', async () => {
    const server = await start()
    const css = await fetch(new URL('assets/site.3f2a.css', server.url))
    expect(css.headers.get('content-type')).toBe('text/css')
    expect(await css.text()).toBe('body{color:red}')
    const json = await fetch(new URL('assets/data.json', server.url))
    expect(json.headers.get('content-type')).toBe('application/json')
    expect(await (await fetch(new URL('file%20with%20space.txt', server.url))).text()).toBe('spaced')
    expect(await (await fetch(new URL('caf%C3%A9.txt', server.url))).text()).toBe('accented')
  })

  it('answers range requests and HEAD', async () => {
    const server = await start()
    const partial = await fetch(new URL('assets/site.3f2a.css', server.url), {
      headers: { Range: 'bytes=0-3' },
    })
    expect(partial.status).toBe(206)
    expect(await partial.text()).toBe('body')
    const head = await get(new URL('news/a/', server.url).href, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0)
  })

  it('re-reads files on every request and never lets the browser cache them', async () => {
    const server = await start()
    await writeTree(root, { 'changing.html': '<body>one</body>', 'changing.txt': 'one' })
    expect(await (await fetch(new URL('changing.html', server.url))).text()).toContain('one')
    expect(await (await fetch(new URL('changing.txt', server.url))).text()).toBe('one')
    await writeTree(root, { 'changing.html': '<body>two</body>', 'changing.txt': 'two' })
    const html = await fetch(new URL('changing.html', server.url))
    const text = await fetch(new URL('changing.txt', server.url))
    expect(await html.text()).toContain('two')
    expect(await text.text()).toBe('two')
    expect(html.headers.get('cache-control')).toBe('no-store')
    expect(text.headers.get('cache-control')).toBe('no-store')
    expect(text.headers.get('etag')).toBeNull()
  })

  it("answers misses with the site's 404 page, status 404 and the live-reload script", async () => {
    const server = await start()
    const response = await fetch(new URL('no/such/page/', server.url))
    expect(response.status).toBe(404)
    const body = await response.text()
    expect(body).toContain('Halaman tidak ditemukan')
    expect(body).toContain(CLIENT_TAG)
  })

  it('falls back to a minimal 404 page, still with the script, when the site has none', async () => {
    const server = await start({ notFoundPage: 'missing-404.html' })
    const response = await fetch(new URL('nope', server.url))
    expect(response.status).toBe(404)
    expect(await response.text()).toContain(CLIENT_TAG)
  })

  it('serves the site under its base path and redirects / there', async () => {
    const server = await start({ basePath: '/news-site' })
    expect(server.url).toMatch(/\/news-site\/$/)
    expect(await (await fetch(server.url)).text()).toContain('Beranda')
    expect(await (await fetch(new URL('news/a/', server.url))).text()).toContain('Article A')
    const origin = new URL(server.url).origin
    const rootResponse = await fetch(`${origin}/`, { redirect: 'manual' })
    expect(rootResponse.status).toBe(302)
    expect(rootResponse.headers.get('location')).toBe('/news-site/')
    const bare = await fetch(`${origin}/news-site`, { redirect: 'manual' })
    expect(bare.headers.get('location')).toBe('/news-site/')
    expect((await fetch(`${origin}/news/a/`)).status).toBe(404)
  })

  it('serves the live-reload client script, small', async () => {
    const server = await start()
    const response = await fetch(new URL('/__warta/client.js', server.url))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const source = await response.text()
    expect(source).toContain('EventSource')
    // Sent with every page the preview serves, from 127.0.0.1: a few KB at most.
    expect(Buffer.byteLength(source)).toBeLessThan(3072)
  })

  it('serves symlinks that stay inside root and refuses those pointing outside', async () => {
    const server = await start()
    expect(await (await fetch(new URL('alias.html', server.url))).text()).toContain('About')
    const file = await fetch(new URL('leak.html', server.url))
    expect(file.status).toBe(403)
    expect(await file.text()).not.toContain(SECRET)
    const folder = await fetch(new URL('leak-folder/secret.html', server.url))
    expect(folder.status).toBe(403)
    expect(await folder.text()).not.toContain(SECRET)
  })

  it('refuses foreign and malformed Host headers, accepts its own names', async () => {
    const server = await start()
    const { port } = new URL(server.url)
    expect((await get(server.url, { Host: `localhost:${port}` })).status).toBe(200)
    expect((await get(server.url, { Host: `[::1]:${port}` })).status).toBe(200)
    expect((await get(server.url, { Host: `evil.example:${port}` })).status).toBe(403)
    expect((await get(server.url, { Host: 'localhost:1' })).status).toBe(403)
    expect((await get(server.url, { Host: 'local host' })).status).toBe(400)
  })

  it('allows only GET and HEAD', async () => {
    const server = await start()
    const response = await fetch(server.url, { method: 'POST', body: 'x' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
  })

  it('sends no CORS headers and forbids content sniffing', async () => {
    const server = await start()
    for (const path of ['', 'assets/site.3f2a.css', 'missing', '__warta/client.js']) {
      const response = await fetch(new URL(path, server.url), { headers: { Origin: 'https://evil.example' } })
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('answers 404 before the output folder exists, then serves it once built', async () => {
    const later = join(workspace, 'later')
    const server = await start({ root: later })
    expect((await fetch(server.url)).status).toBe(404)
    await writeTree(later, { 'index.html': '<body>built</body>' })
    expect(await (await fetch(server.url)).text()).toContain('built')
  })

  it('rejects a busy port', async () => {
    const first = await start()
    const port = Number(new URL(first.url).port)
    await expect(start({ port })).rejects.toThrow(/EADDRINUSE/)
  })

  it('closes with open connections, and closing twice is harmless', async () => {
    const server = await createPreviewServer({ root })
    const controller = new AbortController()
    const events = await fetch(new URL('/__warta/events', server.url), { signal: controller.signal })
    expect(events.status).toBe(200)
    await server.close()
    await server.close()
    controller.abort()
  })
})
