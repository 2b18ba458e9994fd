import type { WartaConfig } from '../config/types.js'
import type { DevOptions, DevServer } from './dev.js'

/**
 * Starts the preview (see `dev` in `./dev.js`). The watcher, the server and the rest of the
 * preview load only when it starts, so a library user who only builds never pays for them.
 */
export async function dev(config: WartaConfig, options?: DevOptions): Promise<DevServer> {
  return (await import('./dev.js')).dev(config, options)
}
