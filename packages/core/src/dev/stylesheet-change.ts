import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { mapConcurrent } from '../util/map-concurrent.js'
import type { OutputFile } from '../write/write-output.js'

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

/**
 * True when a rebuild changed stylesheets and nothing else: pages differ from what is on
 * disk only in their (content-hashed) stylesheet links, so open pages can swap stylesheets
 * instead of reloading.
 */
export async function onlyStylesheetsChanged(
  outDir: string,
  written: readonly OutputFile[],
  removed: readonly string[],
): Promise<boolean> {
  if (!written.some((f) => f.path.endsWith('.css'))) return false
  const isCss = (p: string) => p.endsWith('.css')
  if (!removed.every(isCss) || !written.every((f) => isCss(f.path) || f.path.endsWith('.html'))) return false
  const pages = written.filter((f) => f.path.endsWith('.html'))
  const unchanged = await mapConcurrent(pages, 32, async (page) => {
    const before = await readFile(path.join(outDir, page.path), 'utf8').catch(() => undefined)
    return before !== undefined && differsOnlyInStylesheetLinks(before, String(page.contents))
  })
  return unchanged.every(Boolean)
}
