import type { ResolvedConfig } from '../config/resolve-config.js'
import type { StructuredData } from '../routes/create-pages.js'

/** The JSON-LD each kind of page carries, from the outputs stage. */
export function createStructuredData(_config: ResolvedConfig): StructuredData {
  return { article: () => [], listing: () => [], home: () => [] }
}
