import type { HostRule } from './permalink-history.js'

/**
 * Characters a path cannot have in the snippet: Apache reads `$` and `%` in a RewriteCond as
 * back-references, a quote or a backslash would end or escape the expression's string, and
 * whitespace would split the directive.
 */
const UNSAFE = /[$%'"\\\s]/

/** The path Apache compares (`%{REQUEST_URI}` is decoded), or undefined when it cannot be said. */
function requestUri(sitePath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURI(sitePath)
  } catch {
    return undefined
  }
  return UNSAFE.test(decoded) ? undefined : decoded
}

/**
 * An Apache snippet that answers removed articles' URLs "410 Gone" with their stub: copy it into
 * the output folder as `.htaccess` (or add it to yours), or put it in the `<Directory>` block that
 * serves the output folder. Each URL is matched with and without its trailing slash and as
 * `…/index.html`; mod_rewrite answers 410 (`[G]`) and the stub is the error document for those
 * URLs, with `X-Robots-Tag: noindex` as `_headers` says for other hosts. The error document's
 * own request (`REDIRECT_STATUS` set) is let through, so it does not answer 410 in turn. A URL
 * with a character the snippet cannot carry is named in a comment (it is still in `_redirects`).
 */
export function generateApacheGoneFile(rules: readonly HostRule[]): string {
  const lines = [
    '# Written by Warta on every build: removed articles answered "410 Gone" with their stub.',
    '# Copy it into the output folder as .htaccess (or add it to yours), or into its <Directory> block.',
    '# Needs mod_rewrite and mod_headers.',
  ]
  const byStub = new Map<string, string[]>()
  for (const rule of rules) {
    if (rule.status !== 410) continue
    const from = requestUri(rule.from)
    const stub = requestUri(rule.to)
    if (!from || !stub) {
      lines.push(`# Not expressible in Apache's syntax: ${rule.from}`)
      continue
    }
    const base = from.replace(/\/$/, '')
    const variants = byStub.get(stub) ?? []
    variants.push(...new Set([from, base, `${base}/index.html`]))
    byStub.set(stub, variants)
  }
  if (byStub.size === 0) return `${lines.join('\n')}\n`
  for (const [stub, variants] of byStub) {
    const list = variants.map((v) => `'${v}'`).join(', ')
    lines.push(
      `<If "%{REQUEST_URI} in { ${list} }">`,
      `  ErrorDocument 410 ${stub.replace(/\/$/, '')}/index.html`,
      '  Header always set X-Robots-Tag "noindex"',
      '</If>',
    )
  }
  const conditions = [...byStub.values()].flat()
  lines.push('RewriteEngine On', 'RewriteCond %{ENV:REDIRECT_STATUS} ^$')
  lines.push(
    ...conditions.map(
      (uri, index) => `RewriteCond %{REQUEST_URI} =${uri}${index < conditions.length - 1 ? ' [OR]' : ''}`,
    ),
  )
  lines.push('RewriteRule ^ - [G]')
  return `${lines.join('\n')}\n`
}
