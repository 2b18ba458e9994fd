import { hash } from 'node:crypto'

/** A hex SHA-256 of text, for decisions that must be the same on every machine (shards). */
export function hashHex(data: string): string {
  return hash('sha256', data, 'hex')
}

/** Hashes text for cache keys and change detection. */
export function hashText(data: string | Uint8Array): string {
  // The one-shot `hash` is about three times faster than createHash for the short inputs of page keys.
  return hash('sha256', data, 'base64url').slice(0, 22)
}
