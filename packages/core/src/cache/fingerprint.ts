import { readFileSync } from 'node:fs'
import type { PluggableList } from 'unified'
import type { ResolvedConfig } from '../config/resolve-config.js'
import { MARKDOWN_OUTPUT_VERSION } from '../markdown/output-version.js'
import { hashText } from '../util/hash.js'

const WARTA_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version

function describePlugins(list: PluggableList): string {
  return JSON.stringify(list, (_key, value: unknown) =>
    typeof value === 'function' ? `${value.name}:${value.toString()}` : value,
  )
}

/**
 * Fingerprint of everything besides the source text that decides what the content stage
 * makes of a file: Warta's version and its markdown stage's, markdown options (the embed
 * allowlist included) and plugins (by their code and
 * options), the schema extension and the time zone dates are read in.
 */
export function contentFingerprint(config: ResolvedConfig): string {
  const { html, gfm, embeds, remarkPlugins, rehypePlugins } = config.markdown
  return hashText(
    [
      WARTA_VERSION,
      `markdown-${MARKDOWN_OUTPUT_VERSION}`,
      html,
      String(gfm),
      JSON.stringify(embeds),
      describePlugins(remarkPlugins),
      describePlugins(rehypePlugins),
      config.schema?.toString() ?? '',
      config.site.timezone,
    ].join('\0'),
  )
}
