// Test-only: real web servers (nginx, Apache) serving a built output folder with the build's
// snippet for removed articles, on 127.0.0.1. The binaries are `nginx` and `apache2` on PATH, or
// $WARTA_NGINX and $WARTA_APACHE (.ci/run sets both to unpacked Debian packages).
import { type ChildProcess, spawn } from 'node:child_process'
import { chmod, copyFile, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** A running web server: where it listens, and how to stop it. */
export interface HostServer {
  url: string
  close(): Promise<void>
}

/** A port nothing listens on now (neither server can be asked for one and tell it). */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('No port')
  return address.port
}

/** Runs a server in the foreground until it answers on `url`; `prefix` is removed on close. */
async function runServer(
  name: string,
  command: { binary: string; args: string[]; env?: NodeJS.ProcessEnv },
  url: string,
  prefix: string,
): Promise<HostServer> {
  const { binary, args, env } = command
  let stderr = ''
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], env })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) =>
      reject(
        new Error(
          `Cannot run ${name} (${binary}): ${error.message}. Install it, or set its WARTA_ variable.`,
        ),
      ),
    )
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}): ${stderr}`)))
  })
  failed.catch(() => {})
  for (let attempt = 0; ; attempt++) {
    const up = await Promise.race([
      fetch(url).then(
        () => true,
        () => false,
      ),
      failed,
    ])
    if (up) break
    if (attempt > 100) throw new Error(`${name} did not answer on ${url}: ${stderr}`)
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

/** Starts nginx with `root` as its document root and `include` inside its server block. */
export async function startNginx(root: string, include: string): Promise<HostServer> {
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
  return runServer('nginx', { binary, args: ['-p', prefix, '-c', conf] }, `http://127.0.0.1:${port}/`, prefix)
}

/**
 * Starts Apache (event MPM, the modules a static site and the snippet need) with a copy of `root`
 * as its document root, the snippet copied in as its `.htaccess`, as a user deploys it.
 * `$WARTA_APACHE` names the `apache2` binary; the libraries of an unpacked package are found
 * beside it (`../lib/x86_64-linux-gnu`), its modules in `../lib/apache2/modules`.
 */
export async function startApache(root: string, snippet: string): Promise<HostServer> {
  const prefix = await mkdtemp(path.join(tmpdir(), 'warta-apache-'))
  // Run as root, Apache serves from an unprivileged user, which must be able to read the copy.
  await chmod(prefix, 0o755)
  const site = path.join(prefix, 'site')
  await cp(root, site, { recursive: true })
  await copyFile(snippet, path.join(site, '.htaccess'))
  const binary = process.env.WARTA_APACHE ?? 'apache2'
  const usr = path.resolve(path.dirname(binary), '..')
  const modules = process.env.WARTA_APACHE
    ? path.join(usr, 'lib/apache2/modules')
    : '/usr/lib/apache2/modules'
  const port = await freePort()
  const conf = path.join(prefix, 'httpd.conf')
  const load = ['mpm_event', 'authz_core', 'rewrite', 'headers', 'dir', 'mime']
  await writeFile(
    conf,
    `ServerRoot ${JSON.stringify(prefix)}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${JSON.stringify(path.join(prefix, 'httpd.pid'))}
ErrorLog ${JSON.stringify(path.join(prefix, 'error.log'))}
${load.map((m) => `LoadModule ${m}_module ${JSON.stringify(path.join(modules, `mod_${m}.so`))}`).join('\n')}
TypesConfig /dev/null
AddType text/html .html
AddType application/xml .xml
DocumentRoot ${JSON.stringify(site)}
DirectoryIndex index.html
<Directory ${JSON.stringify(site)}>
  AllowOverride All
  Require all granted
</Directory>
`,
  )
  const libraries = [path.join(usr, 'lib/x86_64-linux-gnu'), process.env.LD_LIBRARY_PATH].filter(Boolean)
  const env = { ...process.env, LD_LIBRARY_PATH: libraries.join(':') }
  return runServer(
    'Apache',
    { binary, args: ['-f', conf, '-DFOREGROUND'], env },
    `http://127.0.0.1:${port}/`,
    prefix,
  )
}
