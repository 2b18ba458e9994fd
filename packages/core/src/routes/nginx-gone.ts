import type { HostRule } from './permalink-history.js'

/** A site path as an nginx string: quoted, with the two characters a quoted string escapes. */
const quoted = (sitePath: string) => `"${sitePath.replace(/["\\]/g, (c) => `\\${c}`)}"`

/**
 * An nginx snippet that answers removed articles' URLs "410 Gone" with their stub, for the
 * `server` block that serves the output folder at the site's URL (`include` it there). Each
 * URL is matched with and without its trailing slash and as `…/index.html`; the stub is sent
 * from a named location, so the 410 is kept and the stub's own URL does not loop back into
 * the rule. `X-Robots-Tag: noindex` goes with it, as `_headers` says for other hosts.
 * nginx's `rewrite` reads every `$` as a variable and has no escape for it, so a stub whose
 * path has one is named in a comment instead (its URL is still in `_redirects`).
 */
export function generateNginxGoneFile(rules: readonly HostRule[]): string {
  const gone = rules.filter((rule) => rule.status === 410)
  const stubs = [...new Set(gone.map((rule) => rule.to))]
  const lines = [
    '# Written by Warta on every build: removed articles answered "410 Gone" with their stub.',
    '# Include it in the server block that serves the output folder: include /path/to/nginx-gone.conf;',
  ]
  for (const rule of gone) {
    if (rule.to.includes('$')) {
      lines.push(`# Not expressible in nginx (a "$" in the path): ${rule.from}`)
      continue
    }
    const name = `@warta_gone_${stubs.indexOf(rule.to)}`
    const base = rule.from.replace(/\/$/, '')
    for (const variant of new Set([rule.from, base, `${base}/index.html`]))
      lines.push(`location = ${quoted(variant)} { error_page 410 ${name}; return 410; }`)
  }
  stubs.forEach((stub, index) => {
    if (stub.includes('$')) return
    const file = `${stub.replace(/\/$/, '')}/index.html`
    lines.push(
      `location @warta_gone_${index} { add_header X-Robots-Tag "noindex" always; rewrite ^ ${quoted(file)} break; }`,
    )
  })
  return `${lines.join('\n')}\n`
}
