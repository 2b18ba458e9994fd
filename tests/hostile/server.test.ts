import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPreviewServer, type PreviewServer } from '../../packages/core/src/dev/preview-server.js'

// Hostile requests against the dev preview server, sent as raw bytes over TCP:
// fetch and http.request normalise URLs and headers, which would hide the attacks.

const SIBLING_SECRET = 'SIBLING-SECRET-7c1e'
const OUTSIDE_SECRET = 'OUTSIDE-SECRET-94ab'
const PASSWD_MARKER = 'root:x:0:0'

interface RawResponse {
  status: number
  text: string
}

let workspace: string
let server: PreviewServer
let port: number
let ownHost: string

/** Sends bytes as-is and reads until the server closes the connection. */
function sendRaw(bytes: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port })
    const chunks: Buffer[] = []
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')))
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1')
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0)
      resolve({ status, text })
    })
    socket.write(bytes, 'latin1')
  })
}

const requestFor = (target: string, headers = `Host: ${ownHost}\r\n`) =>
  `GET ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`

const expectNoSecrets = (response: RawResponse) => {
  expect(response.text).not.toContain(SIBLING_SECRET)
  expect(response.text).not.toContain(OUTSIDE_SECRET)
  expect(response.text).not.toContain(PASSWD_MARKER)
}

const expectStillServing = async () => {
  const response = await sendRaw(requestFor('/'))
  expect(response.status).toBe(200)
  expect(response.text).toContain('Beranda')
}

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'warta-hostile-'))
  const root = join(workspace, 'dist')
  await mkdir(join(root, 'a'), { recursive: true })
  await mkdir(join(workspace, 'dist-secret'))
  await mkdir(join(workspace, 'outside'))
  await writeFile(join(root, 'index.html'), '<html><body>Beranda</body></html>')
  await writeFile(join(root, 'a', 'index.html'), '<html><body>A</body></html>')
  await writeFile(join(workspace, 'dist-secret', 'secret.txt'), SIBLING_SECRET)
  await writeFile(join(workspace, 'outside', 'secret.txt'), OUTSIDE_SECRET)
  await symlink(join(workspace, 'outside', 'secret.txt'), join(root, 'leak.txt'))
  await symlink(join(workspace, 'outside'), join(root, 'leak-folder'))
  await symlink('/etc/passwd', join(root, 'passwd.html'))
  server = await createPreviewServer({ root })
  port = Number(new URL(server.url).port)
  ownHost = `127.0.0.1:${port}`
})

afterAll(async () => {
  await server?.close()
  await rm(workspace, { recursive: true, force: true })
})

describe('preview server under hostile requests', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1')
  })

  it('answers a plain request without any CORS header', async () => {
    const response = await sendRaw(requestFor('/', `Host: ${ownHost}\r\nOrigin: https://evil.example\r\n`))
    expect(response.status).toBe(200)
    expect(response.text.toLowerCase()).not.toContain('access-control-allow-origin')
  })

  it.each([
    ['encoded traversal to /etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd'],
    ['raw traversal to /etc/passwd', '/../../../../../../etc/passwd'],
    ['encoded traversal to the sibling folder', '/%2e%2e/dist-secret/secret.txt'],
    ['half-encoded dot-dot', '/.%2e/dist-secret/secret.txt'],
    ['encoded slashes inside a segment', '/a/..%2f..%2fdist-secret%2fsecret.txt'],
    ['fully encoded traversal', '/%2e%2e%2fdist-secret%2fsecret.txt'],
    ['raw dot-dot', '/../dist-secret/secret.txt'],
    ['dot-dot after a folder', '/a/../../dist-secret/secret.txt'],
    ['dot then dot-dot', '/./../dist-secret/secret.txt'],
    ['doubled slashes around dot-dot', '//..//dist-secret//secret.txt'],
    ['raw backslashes', '/..\\..\\dist-secret\\secret.txt'],
    ['encoded backslashes', '/..%5c..%5cdist-secret%5csecret.txt'],
    ['mixed-case encoded backslash', '/..%5Cdist-secret%5Csecret.txt'],
    ['NUL before an extension', '/x%00.html'],
    ['NUL after a real name', '/../dist-secret/secret.txt%00.html'],
    ['encoded line break', '/a%0d%0aSet-Cookie:%20x=1'],
    ['malformed escape', '/%E0%A4%A'],
    ['lone percent sign', '/%'],
    ['overlong UTF-8 slash', '/..%c0%af..%c0%afdist-secret/secret.txt'],
    ['double-encoded traversal', '/%252e%252e/dist-secret/secret.txt'],
    ['absolute-form target', `http://${'127.0.0.1'}:1/../dist-secret/secret.txt`],
    ['file URL target', 'file:///etc/passwd'],
    ['symlink to a file outside root', '/leak.txt'],
    ['symlink to a folder outside root', '/leak-folder/secret.txt'],
    ['symlink to /etc/passwd', '/passwd.html'],
    ['sibling folder sharing the root name prefix', '/../dist-secret/secret.txt'],
  ])('refuses %s', async (_name, target) => {
    const response = await sendRaw(requestFor(target))
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expectNoSecrets(response)
    await expectStillServing()
  })

  it.each([
    ['a foreign Host (DNS rebinding)', 'Host: evil.example\r\n', 403],
    ['a foreign Host on the right port', () => `Host: evil.example:${port}\r\n`, 403],
    ['a loopback-looking foreign Host', () => `Host: 127.0.0.1.evil.example:${port}\r\n`, 403],
    ['the right Host on another port', 'Host: 127.0.0.1:1\r\n', 403],
    ['a malformed Host', 'Host: [::1\r\n', 400],
    ['a Host with user info', () => `Host: evil@127.0.0.1:${port}\r\n`, 400],
    ['a Host with two ports', () => `Host: 127.0.0.1:${port}:80\r\n`, 400],
    ['an empty Host', 'Host: \r\n', 400],
    ['no Host at all', '', 400],
    ['two Host headers', () => `Host: 127.0.0.1:${port}\r\nHost: evil.example\r\n`, 400],
  ] as const)('refuses %s', async (_name, headers, status) => {
    const headerText = typeof headers === 'function' ? headers() : headers
    const response = await sendRaw(requestFor('/', headerText))
    expect(response.status).toBe(status)
    expect(response.text).not.toContain('Beranda')
    await expectStillServing()
  })

  it('refuses the live-reload stream and client to a foreign Host', async () => {
    for (const target of ['/__warta/events', '/__warta/client.js']) {
      const response = await sendRaw(requestFor(target, 'Host: evil.example\r\n'))
      expect(response.status).toBe(403)
      expect(response.text).not.toContain('text/event-stream')
    }
    await expectStillServing()
  })

  it('refuses methods other than GET and HEAD', async () => {
    const response = await sendRaw(
      `DELETE /index.html HTTP/1.1\r\nHost: ${ownHost}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    )
    expect(response.status).toBe(405)
    await expectStillServing()
  })

  it('survives garbage instead of a request', async () => {
    const response = await sendRaw('\u0000\u0001 not http at all\r\n\r\n')
    expect(response.status === 0 || (response.status >= 400 && response.status < 500)).toBe(true)
    await expectStillServing()
  })
})
