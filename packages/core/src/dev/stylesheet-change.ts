// A `<link>` tag, and the href attribute inside one (double-, single- or un-quoted value).
const LINK_TAG = /<link\b[^>]*>/gi
const HREF_ATTRIBUTE = /(\shref\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)/i

const isStylesheetUrl = (quotedUrl: string) => /\.css(?:[?#]|$)/i.test(quotedUrl.replace(/^["']|["']$/g, ''))

/** Blanks the href of every `<link>` that points at a `.css` file, leaving all else as is. */
function maskStylesheetHrefs(html: string): string {
  return html.replace(LINK_TAG, (tag) =>
    tag.replace(HREF_ATTRIBUTE, (attribute, prefix: string, url: string) =>
      isStylesheetUrl(url) ? `${prefix}""` : attribute,
    ),
  )
}

/**
 * Whether two versions of a page differ only in the URLs of their stylesheet links, as
 * when a content-hashed stylesheet was renamed. Such a page needs no full reload: the
 * preview's `css` event swaps the links in place.
 */
export function differsOnlyInStylesheetLinks(before: string, after: string): boolean {
  return maskStylesheetHrefs(before) === maskStylesheetHrefs(after)
}
