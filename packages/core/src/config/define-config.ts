import type { WartaConfig } from './types.js'

/** Returns its argument: it exists so that a config file gets types and completion. */
export function defineConfig(config: WartaConfig): WartaConfig {
  return config
}
