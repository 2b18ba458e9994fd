import type { Element, Nodes, Root } from 'hast'

/**
 * Points `#x` links at `user-content-x` when the sanitizer's clobber prefix renamed the
 * element they target (an `id` written in the body, a footnote) and no element has the id `x`.
 * GitHub does this with a script on every page; a static page needs the link itself to match.
 */
export function rehypeFragmentLinks(prefix: string) {
  return (tree: Root) => {
    const ids = new Set<string>()
    const links: Element[] = []
    const visit = (node: Nodes) => {
      if (node.type === 'element') {
        if (typeof node.properties.id === 'string') ids.add(node.properties.id)
        if (
          node.tagName === 'a' &&
          typeof node.properties.href === 'string' &&
          node.properties.href.startsWith('#')
        )
          links.push(node)
      }
      if ('children' in node) for (const child of node.children) visit(child)
    }
    visit(tree)
    for (const link of links) {
      const target = decodeFragment(String(link.properties.href).slice(1))
      if (target && !ids.has(target) && ids.has(prefix + target)) link.properties.href = `#${prefix}${target}`
    }
  }
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}
