/**
 * Characters XML 1.0 forbids anywhere in a document: C0 controls other than tab, line feed
 * and carriage return, U+FFFE and U+FFFF, and surrogates that are not part of a pair.
 */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Removes the characters XML 1.0 cannot carry, so any text can go into a feed or sitemap. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(FORBIDDEN, '')
}

/** Escapes text for HTML (and for `type="html"` Atom text constructs). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/**
 * `feed` writes XML with `xml-js`, which "un-escapes" `&amp;` before escaping text nodes, so
 * a literal `&amp;` in a title would come out as `&`. Doubling it first makes the text
 * round-trip exactly. Only for values `feed` writes as text nodes (not CDATA, not attributes).
 */
export function forXmlJsText(text: string): string {
  return stripInvalidXmlChars(text).replace(/&amp;/g, '&amp;amp;')
}

/**
 * Plain text for a CDATA section written by `xml-js`, which splits only the first `]]>`
 * (`String#replace` with a string pattern). Splitting every later one here, the way it
 * would, keeps text with several `]]>` well-formed.
 */
export function forXmlJsCdata(text: string): string {
  let first = true
  return stripInvalidXmlChars(text).replace(/]]>/g, () => {
    if (first) {
      first = false
      return ']]>'
    }
    return ']]]]><![CDATA[>'
  })
}

/** HTML for a CDATA section: `]]>` becomes `]]&gt;`, which means the same in HTML. */
export function htmlForCdata(html: string): string {
  return stripInvalidXmlChars(html).replace(/]]>/g, ']]&gt;')
}

/**
 * An attribute value `feed` passes through to `xml-js` untouched (extension attributes):
 * `xml-js` escapes only `"`, so `&` and `<` are escaped here.
 */
export function forXmlJsAttribute(value: string): string {
  return stripInvalidXmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;')
}

/**
 * An attribute value `feed` escapes itself with its `sanitize` (Atom category `term` and
 * `label`): it escapes `&` and `xml-js` escapes `"`, but nothing escapes `<`, which XML
 * forbids in attributes, and escaping it here would be escaped again. So `<` is dropped.
 */
export function forFeedSanitizedAttribute(value: string): string {
  return stripInvalidXmlChars(value).replace(/</g, '')
}
