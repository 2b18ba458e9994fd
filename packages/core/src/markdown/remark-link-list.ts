import type { Definition, Nodes, Root } from 'mdast'
import type { VFile } from 'vfile'

/** A link of the body, as written, for link checks. */
export interface BodyLink {
  /** The destination as written (character references decoded, %-escapes kept). */
  url: string
  /** Where the destination is written, 1-based; absent for links a site plugin made up. */
  line?: number
  column?: number
}

/** An image of the body, for alt text and link checks. */
export interface BodyImage extends BodyLink {
  /** The alt text; `''` when there is none. */
  alt: string
}

declare module 'vfile' {
  interface DataMap {
    links: BodyLink[]
    images: BodyImage[]
  }
}

const placeOf = (node: Nodes): { line?: number; column?: number } =>
  node.position ? { line: node.position.start.line, column: node.position.start.column } : {}

/** Definitions by identifier; of two with the same identifier the first counts, as in CommonMark. */
function collectDefinitions(tree: Root): Map<string, Definition> {
  const definitions = new Map<string, Definition>()
  const visit = (node: Nodes) => {
    if (node.type === 'definition' && !definitions.has(node.identifier))
      definitions.set(node.identifier, node)
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return definitions
}

/**
 * Lists the body's links on `file.data.links` and its images on `file.data.images`, with
 * source positions, so later stages can check them and point at the line to fix.
 *
 * Reference-style links (`[text][ref]`, `[ref]`) are listed once per definition they use,
 * at the definition, since that is where the URL is written and fixed. Reference-style
 * images are listed at the image, where the alt text is. References without a definition
 * render as plain text and are not listed; nor is raw HTML.
 */
export function remarkLinkList() {
  return (tree: Root, file: VFile) => {
    const definitions = collectDefinitions(tree)
    const links: BodyLink[] = []
    const images: BodyImage[] = []
    const usedDefinitions = new Set<Definition>()
    const visit = (node: Nodes) => {
      if (node.type === 'link') links.push({ url: node.url, ...placeOf(node) })
      else if (node.type === 'image') images.push({ url: node.url, alt: node.alt ?? '', ...placeOf(node) })
      else if (node.type === 'linkReference') {
        const definition = definitions.get(node.identifier)
        if (definition && !usedDefinitions.has(definition)) {
          usedDefinitions.add(definition)
          links.push({ url: definition.url, ...placeOf(definition) })
        }
      } else if (node.type === 'imageReference') {
        const definition = definitions.get(node.identifier)
        if (definition) images.push({ url: definition.url, alt: node.alt ?? '', ...placeOf(node) })
      }
      if ('children' in node) for (const child of node.children) visit(child)
    }
    visit(tree)
    // Source order, whichever way each was found (a definition may sit above its reference).
    const bySource = (a: BodyLink, b: BodyLink) =>
      (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0)
    file.data.links = links.sort(bySource)
    file.data.images = images.sort(bySource)
  }
}
