import type { BuildOverrides } from '../config/resolve-config.js'
import type { WartaConfig } from '../config/types.js'

/** `warta dev`: wired to the preview server in the dev stage. */
export async function runDevCommand(
  _config: WartaConfig,
  _options: BuildOverrides & { port?: string; host?: string; open?: boolean },
  _out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  err('warta dev is not available yet.')
  return 1
}
