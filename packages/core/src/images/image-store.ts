import type { EncodeResult } from './encode-image.js'
import type { ImageCache } from './image-cache.js'
import type { ImageWorkers } from './image-pool.js'

/**
 * What the image stage keeps between a builder's runs (it lives in the `BuildStore`): the
 * cache, and in the preview the work still running in the background.
 */
export interface ImageStore {
  cache?: ImageCache
  /** Work of a preview run still in progress, by the key of each file it makes. */
  pending: Map<string, Promise<void>>
  /** Results of background work that failed, by source hash: the next run reports them. */
  failed: Map<string, NonNullable<EncodeResult['failure']>>
  /** Counts finished background work: a run after a change in it must not take the body-only shortcut. */
  version: number
  /** The workers of work in the background (the preview); a build's own are closed when it ends. */
  workers?: ImageWorkers
}

/** An empty store. */
export const createImageStore = (): ImageStore => ({ pending: new Map(), failed: new Map(), version: 0 })
