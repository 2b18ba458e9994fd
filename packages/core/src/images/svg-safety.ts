import type { Element, Nodes } from 'hast'
import { fromHtml } from 'hast-util-from-html'

/** Elements that run script, embed documents or draw HTML inside an SVG. */
const ACTIVE = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener'])

/** A reference an SVG may keep: to its own parts, or an inline raster image. */
const SAFE_REFERENCE = /^(?:#|data:image\/(?:png|jpeg|gif|webp|avif);)/i

/** What makes an SVG unsafe to serve as an image, or undefined when nothing does. */
export function svgProblem(text: string): string | undefined {
  if (/<!ENTITY/i.test(text)) return 'it defines XML entities'
  const tree = fromHtml(text, { fragment: true, space: 'svg' })
  let problem: string | undefined
  const visit = (node: Nodes) => {
    if (problem) return
    if (node.type === 'element') problem = elementProblem(node)
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return problem
}

function elementProblem(element: Element): string | undefined {
  const name = element.tagName.toLowerCase()
  if (ACTIVE.has(name)) return `it has a <${element.tagName}> element`
  for (const [property, value] of Object.entries(element.properties)) {
    if (/^on./i.test(property)) return `<${element.tagName}> has an event handler (${property})`
    if (/href$/i.test(property) && typeof value === 'string' && !SAFE_REFERENCE.test(value.trim()))
      return `<${element.tagName}> links to ${value.slice(0, 80)}`
    if (property === 'style' && typeof value === 'string' && /url\(\s*['"]?(?!#|data:image\/)/i.test(value))
      return `<${element.tagName}> loads a resource from its style`
  }
  if (name === 'style') {
    const css = element.children.map((c) => ('value' in c ? String(c.value) : '')).join('')
    if (/@import|url\(\s*['"]?(?!#|data:image\/)/i.test(css)) return 'its stylesheet loads other resources'
  }
  return undefined
}
