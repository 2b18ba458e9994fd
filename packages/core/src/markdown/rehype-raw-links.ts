import type { Element, Nodes, Root } from 'hast'
import type { VFile } from 'vfile'
import type { BodyImage, BodyLink } from './remark-link-list.js'

const placeOf = (node: Element) =>
  node.position ? { line: node.position.start.line, column: node.position.start.column } : {}

/**
 * Adds the links and images written as raw HTML (`<a href>`, `<img src>`, a video's `src` or
 * poster, `<source src>`) to `file.data.links` and `file.data.images`, after the sanitizer and
 * the embed allowlist have had their say, so a figure's missing photo or a video's missing file
 * is reported by the link and alt-text checks like a markdown image.
 */
export function rehypeRawLinks() {
  return (tree: Root, file: VFile) => {
    const links: BodyLink[] = []
    const images: BodyImage[] = []
    const visit = (node: Nodes) => {
      if (node.type === 'element' && node.data?.fromRawHtml) {
        const { href, src, poster, alt } = node.properties
        if (node.tagName === 'a' && typeof href === 'string') links.push({ url: href, ...placeOf(node) })
        if (node.tagName === 'img' && typeof src === 'string')
          images.push({ url: src, alt: typeof alt === 'string' ? alt : '', ...placeOf(node) })
        // Media files are checked as links: they need no alt text.
        if (['video', 'audio', 'source', 'track'].includes(node.tagName) && typeof src === 'string')
          links.push({ url: src, ...placeOf(node) })
        if (node.tagName === 'video' && typeof poster === 'string')
          links.push({ url: poster, ...placeOf(node) })
      }
      if ('children' in node) for (const child of node.children) visit(child)
    }
    visit(tree)
    if (links.length === 0 && images.length === 0) return
    const bySource = (a: BodyLink, b: BodyLink) =>
      (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0)
    file.data.links = [...(file.data.links ?? []), ...links].sort(bySource)
    file.data.images = [...(file.data.images ?? []), ...images].sort(bySource)
  }
}
