import type { Element, Nodes, Properties, Root } from 'hast'
import { type Schema, sanitize } from 'hast-util-sanitize'
import { find, html } from 'property-information'
import type { VFile } from 'vfile'
import { createOnceReporter } from './report-once.js'

const URL_PROPERTIES = new Set(['href', 'src', 'cite', 'longDesc', 'poster', 'srcSet', 'action'])
const TRUSTED_HINT =
  "Write it in markdown, or set markdown.html: 'trusted' if every writer of the site is trusted."

/** Elements that have a place in the source, by tag name and start offset, with their ancestors' fate. */
function collect(tree: Root): Map<string, Element> {
  const found = new Map<string, Element>()
  const visit = (node: Nodes) => {
    if (node.type === 'element' && node.position)
      found.set(
        `${node.tagName}@${node.position.start.offset ?? `${node.position.start.line}:${node.position.start.column}`}`,
        node,
      )
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return found
}

const attributeName = (property: string) => find(html, property).attribute

/** `a <p>`, `an <img>`: the article for a tag name as it is read. */
const an = (tag: string) => `${/^[aeiou]/i.test(tag) ? 'an' : 'a'} <${tag}>`

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text)

const valuesOf = (value: Properties[string]): string[] =>
  Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)]

/**
 * rehype-sanitize that says what it removed. It sanitizes with `schema` (hast-util-sanitize,
 * the same code rehype-sanitize runs), then compares the tree before and after: every element,
 * attribute, class or URL of the source that did not survive is reported once per file (elements
 * by tag, attributes by name), at the place of its first occurrence (`html-removed`). Prefixed ids (the clobber prefix) count as kept.
 * Elements a plugin made up (no place in the source) are not compared.
 */
export function rehypeSanitizeReported(schema: Schema) {
  const strip = new Set(schema.strip ?? [])
  const clobber = new Set(schema.clobber ?? [])
  const prefix = schema.clobberPrefix ?? ''
  return (tree: Root, file: VFile): Root => {
    const before = collect(tree)
    const clean = sanitize(tree, schema) as Root
    if (before.size === 0) return clean
    const after = collect(clean)
    const reporter = createOnceReporter(file)
    const visit = (node: Nodes, stripped: boolean) => {
      if (node.type === 'element' && node.position) {
        const key = `${node.tagName}@${node.position.start.offset ?? `${node.position.start.line}:${node.position.start.column}`}`
        const kept = after.get(key)
        if (!kept && !stripped) {
          const withContent = strip.has(node.tagName)
          reporter.add(
            `element:${node.tagName}`,
            'html-removed',
            withContent
              ? `The sanitizer removed ${an(node.tagName)} element and its content.`
              : `The sanitizer removed ${an(node.tagName)} tag; its text is kept.`,
            TRUSTED_HINT,
            node.position,
          )
        } else if (kept && !stripped) {
          compareProperties(node, kept)
        }
        stripped ||= !kept && strip.has(node.tagName)
      }
      if ('children' in node) for (const child of node.children) visit(child, stripped)
    }
    const compareProperties = (node: Element, kept: Element) => {
      for (const [property, value] of Object.entries(node.properties)) {
        if (value === undefined || value === null || value === false) continue
        const now = kept.properties[property]
        const wanted = valuesOf(value)
        const have = valuesOf(now)
        const lost = wanted.filter(
          (v) => !have.includes(v) && !(clobber.has(property) && have.includes(prefix + v)),
        )
        if (lost.length === 0) continue
        const attribute = attributeName(property)
        if (URL_PROPERTIES.has(property) && now === undefined) {
          reporter.add(
            `url:${attribute}`,
            'html-removed',
            `The sanitizer removed the ${attribute} URL ${shorten(wanted.join(' '))} of ${an(node.tagName)}: only http(s), mailto and relative URLs are published.`,
            'Use an http(s) or site-relative URL.',
            node.position,
          )
        } else if (property === 'className' && now !== undefined) {
          reporter.add(
            'class',
            'html-removed',
            `The sanitizer removed the class ${shorten(lost.join(' '))} of ${an(node.tagName)}.`,
            `Classes are published only where Warta uses them. ${TRUSTED_HINT}`,
            node.position,
          )
        } else {
          reporter.add(
            `attribute:${attribute}`,
            'html-removed',
            `The sanitizer removed the ${attribute} attribute of ${an(node.tagName)}.`,
            TRUSTED_HINT,
            node.position,
          )
        }
      }
    }
    visit(tree, false)
    reporter.flush()
    return clean
  }
}
