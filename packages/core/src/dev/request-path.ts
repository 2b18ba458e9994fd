/** A request path that is safe to look up below the output folder. */
export interface SafeRequestPath {
  ok: true
  /** Decoded path segments below the base path; never empty strings, `.` or `..`. */
  segments: string[]
  /** Whether the path ended in `/` (or was the base path itself). */
  trailingSlash: boolean
  /** The raw query, including its leading `?`, or an empty string. */
  query: string
}

/** A request path that must not be looked up, and the status to answer with. */
export interface RejectedRequestPath {
  ok: false
  status: 400 | 404
  reason: string
}

export type RequestPath = SafeRequestPath | RejectedRequestPath

/** Whether text holds a C0 control (NUL included), DEL or a backslash: never part of a file we serve. */
function hasForbiddenCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true
  }
  return false
}

const reject = (status: 400 | 404, reason: string): RejectedRequestPath => ({ ok: false, status, reason })

/** Makes a base path start and end with exactly one `/`: `news` → `/news/`, `` → `/`. */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/^\/+|\/+$/g, '')
  return trimmed === '' ? '/' : `/${trimmed}/`
}

/**
 * Checks a raw request target (`req.url`) and splits it into path segments below `basePath`.
 * Decodes exactly once and rejects anything that could step outside the served folder:
 * `..` and `.` segments, backslashes, NUL and other control characters, malformed escapes,
 * and targets that are not origin-form paths.
 */
export function parseRequestPath(rawTarget: string, basePath: string): RequestPath {
  if (!rawTarget.startsWith('/')) return reject(400, 'request target is not a path')
  const queryStart = rawTarget.search(/[?#]/)
  const rawPath = queryStart === -1 ? rawTarget : rawTarget.slice(0, queryStart)
  const query =
    queryStart === -1 || rawTarget[queryStart] === '#' ? '' : rawTarget.slice(queryStart).split('#')[0]

  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return reject(400, 'malformed percent-encoding')
  }
  if (hasForbiddenCharacter(rawPath) || hasForbiddenCharacter(decoded)) {
    return reject(400, 'forbidden character in path')
  }

  const base = normalizeBasePath(basePath)
  let below: string
  if (`${decoded}/` === base) below = ''
  else if (decoded.startsWith(base)) below = decoded.slice(base.length)
  else return reject(404, 'outside the base path')

  const segments = below.split('/').filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    return reject(400, 'dot segment in path')
  }
  const trailingSlash = decoded === base || (below !== '' && below.endsWith('/'))
  return { ok: true, segments, trailingSlash, query: query ?? '' }
}

/** Builds a same-origin URL path from segments, so a redirect can never point at another host. */
export function toUrlPath(basePath: string, segments: readonly string[], trailingSlash: boolean): string {
  const path = segments.map(encodeURIComponent).join('/')
  const base = normalizeBasePath(basePath)
  if (path === '') return base
  return `${base}${path}${trailingSlash ? '/' : ''}`
}

/**
 * The output files (relative, `/`-separated) a page URL may be served from,
 * mirroring how the preview resolves pretty URLs.
 */
export function candidateFiles(segments: readonly string[], trailingSlash: boolean): string[] {
  const path = segments.join('/')
  if (path === '') return ['index.html']
  if (trailingSlash) return [`${path}/index.html`]
  return [path, `${path}.html`, `${path}/index.html`]
}
