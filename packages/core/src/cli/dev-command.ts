import { spawn } from 'node:child_process'
import type { BuildOverrides } from '../config/resolve-config.js'
import type { WartaConfig } from '../config/types.js'
import { dev } from '../dev/dev.js'

/** Options `warta dev` takes from the command line. */
export interface DevCommandOptions extends BuildOverrides {
  port?: string
  host?: string
  open?: boolean
}

function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  spawn(command, [url], { stdio: 'ignore', detached: true })
    .on('error', () => {})
    .unref()
}

/** `warta dev`: serves the preview until interrupted, printing each rebuild and error. */
export async function runDevCommand(
  config: WartaConfig,
  options: DevCommandOptions,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const port = options.port === undefined ? undefined : Number(options.port)
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    err(`--port must be a number from 0 to 65535, not "${options.port}".`)
    return 2
  }
  const server = await dev(config, { ...options, port })
  server.on('rebuild', (event) =>
    out(
      `Rebuilt in ${event.durationMs} ms: ${event.written.length} written, ${event.removed.length} removed`,
    ),
  )
  server.on('error', (event) =>
    err(`${event.text}\nThe last good site is still served; fix the file and it rebuilds.`),
  )
  out(
    `Preview of ${config.site.title} at ${server.url} (files in ${server.outDir})\nWatching for changes; Ctrl+C stops.`,
  )
  if (options.open) openBrowser(server.url)
  await new Promise<void>((stop) => {
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await server.close()
  return 0
}
