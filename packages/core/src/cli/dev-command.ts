import { spawn } from 'node:child_process'
import { setTimeout as delay } from 'node:timers/promises'
import type { BuildOverrides } from '../config/resolve-config.js'
import type { WartaConfig } from '../config/types.js'
import { dev, type RebuildEvent } from '../dev/dev.js'

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
  const onRebuild = (event: RebuildEvent) =>
    out(`Rebuilt in ${event.durationMs} ms: ${event.written.length} written, ${event.removed.length} removed`)
  server.on('rebuild', onRebuild)
  server.on('error', (event) =>
    err(`${event.text}\nThe last good site is still served; fix the file and it rebuilds.`),
  )
  // Listening before saying so: a Ctrl+C right after the message must stop the preview cleanly.
  const interrupted = untilInterrupted()
  out(
    `Preview of ${config.site.title} at ${server.url} (files in ${server.outDir})\nWatching for changes; Ctrl+C stops.`,
  )
  if (options.open) openBrowser(server.url)
  const signals = await interrupted
  // A rebuild still running (pictures made in the background) finishes unreported.
  server.off('rebuild', onRebuild)
  await server.close()
  out('Stopped the preview.')
  await signals.quiet()
  return 0
}

/** After the last signal, how long to stay: long enough for a forwarded copy of it to arrive. */
const QUIET_MS = 250

/**
 * Resolves on the first Ctrl+C (SIGINT) or SIGTERM. Later ones are ignored rather than left
 * to kill the process: a package manager passes the terminal's Ctrl+C on to its script, which
 * has it from the terminal already, and a preview killed by a signal makes it report a
 * failure (pnpm's red ELIFECYCLE lines) for what was a normal stop. `quiet()` waits until no
 * signal came for a moment, since one arriving while the process exits would still kill it.
 */
function untilInterrupted(): Promise<{ quiet(): Promise<void> }> {
  let last = 0
  return new Promise((stop) => {
    const onSignal = () => {
      last = Date.now()
      stop({
        async quiet() {
          while (Date.now() - last < QUIET_MS) await delay(Math.max(10, QUIET_MS - (Date.now() - last)))
        },
      })
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
}
