/**
 * Where an `<iframe>` in an article body may load from, by default: video players, maps and
 * chart services newsrooms embed. Each entry is a host, optionally followed by a path prefix,
 * without a scheme (only `https` is ever loaded).
 */
export const DEFAULT_EMBEDS: readonly string[] = [
  'www.youtube-nocookie.com/embed/',
  'player.vimeo.com/video/',
  'www.google.com/maps/embed',
  'datawrapper.dwcdn.net/',
  'flo.uri.sh/',
  'public.flourish.studio/',
]

/** An allowlist entry split into the host it names and the path its URLs must start with. */
interface Entry {
  host: string
  path: string
}

const toEntry = (entry: string): Entry => {
  const bare = entry
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^\/\//, '')
  const slash = bare.indexOf('/')
  return slash === -1
    ? { host: bare.toLowerCase(), path: '/' }
    : { host: bare.slice(0, slash).toLowerCase(), path: bare.slice(slash) }
}

/**
 * Decides which iframe URLs an article may embed. `www.youtube.com/embed/…` (and
 * `youtube.com/embed/…`) is read as the same player on `www.youtube-nocookie.com`, which sets
 * no cookies until the reader plays the video, when that host is allowed.
 */
export function createEmbedAllowlist(entries: readonly string[]) {
  const allowed = entries.map(toEntry)
  const nocookie = allowed.some((e) => e.host === 'www.youtube-nocookie.com' && '/embed/'.startsWith(e.path))
  return {
    /** The URL to load for `src` (https, possibly the no-cookie player), or undefined when it is not allowed. */
    resolve(src: string): string | undefined {
      let url: URL
      try {
        url = new URL(src.trim().startsWith('//') ? `https:${src.trim()}` : src.trim())
      } catch {
        return undefined
      }
      if (url.protocol !== 'https:' || url.username || url.password) return undefined
      if (nocookie && /^(www\.)?youtube\.com$/i.test(url.host) && url.pathname.startsWith('/embed/'))
        url.host = 'www.youtube-nocookie.com'
      const host = url.host.toLowerCase()
      return allowed.some((e) => e.host === host && url.pathname.startsWith(e.path)) ? url.href : undefined
    },
  }
}
