const CLOSING_BODY = /<\/body\s*>/gi

/**
 * Adds the live-reload script tag to an HTML page, before the last `</body>`, or at the
 * end when the page has none. The file on disk is never changed; only the response is.
 */
export function injectClientScript(html: string, scriptSrc: string): string {
  const tag = `<script src="${scriptSrc}" defer></script>`
  const lastClosingBody = [...html.matchAll(CLOSING_BODY)].at(-1)
  if (lastClosingBody?.index === undefined) return html + tag
  return html.slice(0, lastClosingBody.index) + tag + html.slice(lastClosingBody.index)
}
