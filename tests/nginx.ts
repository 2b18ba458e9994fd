// Test-only: a real nginx serving a built output folder with a snippet included in its server
// block, on 127.0.0.1. The binary is `nginx` on PATH, or $WARTA_NGINX (.ci/run sets it).
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** A running nginx: where it listens, and how to stop it. */
export interface Nginx {
  url: string
  close(): Promise<void>
}

/** A port nothing listens on now (nginx cannot be asked for one and tell it). */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('No port')
  return address.port
}

/** Starts nginx with `root` as its document root and `include` inside its server block. */
export async function startNginx(root: string, include: string): Promise<Nginx> {
  const prefix = await mkdtemp(path.join(tmpdir(), 'warta-nginx-'))
  await mkdir(path.join(prefix, 'temp'))
  const port = await freePort()
  const temp = path.join(prefix, 'temp')
  const conf = path.join(prefix, 'nginx.conf')
  await writeFile(
    conf,
    `daemon off;
master_process off;
pid ${path.join(prefix, 'nginx.pid')};
error_log ${path.join(prefix, 'error.log')};
events {}
http {
  access_log off;
  include ${JSON.stringify(path.join(prefix, 'mime.types'))};
  client_body_temp_path ${temp}; proxy_temp_path ${temp}; fastcgi_temp_path ${temp};
  uwsgi_temp_path ${temp}; scgi_temp_path ${temp};
  server {
    listen 127.0.0.1:${port};
    root ${JSON.stringify(root)};
    include ${JSON.stringify(include)};
  }
}
`,
  )
  await writeFile(path.join(prefix, 'mime.types'), 'types { text/html html; application/xml xml; }\n')
  const binary = process.env.WARTA_NGINX ?? 'nginx'
  let stderr = ''
  const child: ChildProcess = spawn(binary, ['-p', prefix, '-c', conf], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) =>
      reject(new Error(`Cannot run nginx (${binary}): ${error.message}. Install it, or set WARTA_NGINX.`)),
    )
    child.once('exit', (code) => reject(new Error(`nginx exited (${code}): ${stderr}`)))
  })
  failed.catch(() => {})
  const url = `http://127.0.0.1:${port}/`
  for (let attempt = 0; ; attempt++) {
    const up = await Promise.race([
      fetch(url).then(
        () => true,
        () => false,
      ),
      failed,
    ])
    if (up) break
    if (attempt > 100) throw new Error(`nginx did not answer on ${url}: ${stderr}`)
    await sleep(50)
  }
  return {
    url,
    async close() {
      child.kill('SIGTERM')
      await exited
      await rm(prefix, { recursive: true, force: true })
    },
  }
}
