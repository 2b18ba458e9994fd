import { escapeHtml, SafeHtml } from './safe-html.js'

/**
 * Puts the dateline (`SAMARINDA —`) at the start of the body's first paragraph, where
 * wire copy has it. The body is core's sanitized HTML; the dateline is escaped here.
 */
export function withDateline(html: string, dateline: string | undefined, lang: string): SafeHtml {
  const place = dateline?.trim()
  if (!place) return new SafeHtml(html)
  const span = `<span class="dateline">${escapeHtml(place.toLocaleUpperCase(lang))} —</span> `
  const first = /<p(?:\s[^>]*)?>/.exec(html)
  if (!first) return new SafeHtml(`<p>${span}</p>${html}`)
  const at = first.index + first[0].length
  return new SafeHtml(html.slice(0, at) + span + html.slice(at))
}
