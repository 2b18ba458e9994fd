import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'

/** Removed pages by URL path (decoded, without a trailing slash): the stub each is answered with. */
export type GoneRules = ReadonlyMap<string, string>

const withoutSlash = (urlPath: string) => (urlPath.length > 1 ? urlPath.replace(/\/+$/, '') : urlPath)

/**
 * The `410` lines of a `_redirects` file (`from to 410!`, as the build writes them for removed
 * articles), so the preview answers those URLs as Netlify does. Other lines are not its business:
 * moved articles have redirect pages of their own.
 */
export function parseGoneRules(text: string): GoneRules {
  const rules = new Map<string, string>()
  for (const line of text.split('\n')) {
    const [from, to, status] = line.trim().split(/\s+/)
    if (!from || !to || !/^410!?$/.test(status ?? '') || from.startsWith('#')) continue
    try {
      rules.set(withoutSlash(decodeURIComponent(from)), decodeURIComponent(to))
    } catch {
      // A line the build did not write (malformed escapes): hosts would not match it either.
    }
  }
  return rules
}

/** The stub a URL path is answered with, with status 410, if a rule removes it. */
export function goneStub(rules: GoneRules, urlPath: string): string | undefined {
  return rules.get(withoutSlash(urlPath))
}

/** Reads the served folder's `_redirects` again whenever it changes (each build may rewrite it). */
export function createGoneRulesReader(root: string): () => Promise<GoneRules> {
  const file = path.join(root, '_redirects')
  let cached: { mtimeMs: number; size: number; rules: GoneRules } | undefined
  return async () => {
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile()) return new Map()
    if (cached?.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.rules
    const rules = parseGoneRules(await readFile(file, 'utf8').catch(() => ''))
    cached = { mtimeMs: info.mtimeMs, size: info.size, rules }
    return rules
  }
}
