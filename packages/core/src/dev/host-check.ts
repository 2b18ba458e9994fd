import { networkInterfaces } from 'node:os'

/** A `Host` header split into its parts; `hostname` is lower-case, IPv6 kept in brackets. */
export interface ParsedHost {
  hostname: string
  port: number
}

// A bracketed IPv6 literal or a DNS name / IPv4 address, then an optional port.
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/i

/** Parses a `Host` header value; `undefined` when it is missing or malformed. */
export function parseHostHeader(value: string | undefined): ParsedHost | undefined {
  if (value === undefined) return undefined
  const match = HOST_HEADER.exec(value)
  if (!match?.[1]) return undefined
  const port = match[2] === undefined ? 80 : Number(match[2])
  if (port < 1 || port > 65535) return undefined
  return { hostname: match[1].toLowerCase(), port }
}

/** Writes an address the way it appears in a URL or `Host` header: IPv6 in brackets. */
export function toUrlHost(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address.toLowerCase()
}

const isWildcardAddress = (host: string) => host === '0.0.0.0' || host === '::' || host === '[::]'

/**
 * The host names a browser may legitimately send to the server: loopback names, the
 * configured host, and, when listening on every interface, each interface's address.
 */
export function allowedHostnames(configuredHost: string): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', toUrlHost(configuredHost)])
  if (isWildcardAddress(configuredHost)) {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const { address } of addresses ?? []) names.add(toUrlHost(address))
    }
  }
  return names
}

/** Why a `Host` header was refused, or `ok`. */
export type HostVerdict = 'ok' | 'malformed' | 'foreign'

/**
 * Checks a request's `Host` header against the server's own names and port. Refusing
 * other names defeats DNS rebinding, where a hostile page's domain is re-pointed at 127.0.0.1.
 */
export function checkHost(
  value: string | undefined,
  allowed: ReadonlySet<string>,
  port: number,
): HostVerdict {
  const host = parseHostHeader(value)
  if (!host) return 'malformed'
  return allowed.has(host.hostname) && host.port === port ? 'ok' : 'foreign'
}
