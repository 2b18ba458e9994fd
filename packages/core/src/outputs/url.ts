const SCHEME = /^[a-z][a-z0-9+.-]*:/i

const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'poster', 'cite'])
/** A start tag, with quoted attribute values that may contain `>`. */
const START_TAG =
  /<[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g
const ATTRIBUTE = /(\s)([^\s"'>/=]+)(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g
const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' }

function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[ref.toLowerCase()] ?? whole
  })
}

const encodeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

function resolveAgainst(value: string, base: string): string {
  const trimmed = value.trim()
  if (trimmed === '' || SCHEME.test(trimmed)) return value
  try {
    return new URL(trimmed, base).href
  } catch {
    return value
  }
}

function resolveSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptors] = candidate.trim().split(/\s+/)
      return [resolveAgainst(url, base), ...descriptors].join(' ')
    })
    .join(', ')
}

/**
 * Rewrites the relative URLs in an HTML fragment (`href`, `src`, `srcset`, `poster`, `cite`)
 * to absolute ones, resolved against `baseUrl` (the page the fragment comes from), so the
 * fragment still works in a feed reader. Values with a scheme are left alone.
 */
export function absolutizeHtml(html: string, baseUrl: string): string {
  return html.replace(START_TAG, (tag) =>
    tag.replace(
      ATTRIBUTE,
      (whole, space: string, name: string, equals: string, dq?: string, sq?: string, bare?: string) => {
        const key = name.toLowerCase()
        if (!URL_ATTRIBUTES.has(key)) return whole
        const raw = decodeAttribute(dq ?? sq ?? bare ?? '')
        const resolved = key === 'srcset' ? resolveSrcset(raw, baseUrl) : resolveAgainst(raw, baseUrl)
        if (resolved === raw) return whole
        return `${space}${name}${equals}"${encodeAttribute(resolved)}"`
      },
    ),
  )
}
