// What a page must never contain, checked on the tree a real HTML parser builds: script that
// runs, elements that embed or restyle, event handlers, and URLs with a script-capable scheme.
import { attribute, elements, type Parse5Node, textContent } from './helpers.js'

const FORBIDDEN_ELEMENTS = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'style',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'template',
  'noscript',
])

const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'cite',
  'data',
]

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:'])

/** The scheme a browser would use for a URL attribute, resolved the way browsers resolve it. */
export function effectiveScheme(value: string): string {
  try {
    return new URL(value, 'https://news.example/page/').protocol
  } catch {
    return 'invalid:'
  }
}

/** Every way a parsed document could run script or load foreign content; empty when safe. */
export function unsafeMarkup(document: Parse5Node): string[] {
  const problems: string[] = []
  for (const element of elements(document)) {
    const tag = element.tagName ?? ''
    if (tag === 'script') {
      const type = attribute(element, 'type')
      if (type !== 'application/ld+json') problems.push(`<script type="${type}">`)
      else {
        try {
          JSON.parse(textContent(element))
        } catch {
          problems.push(`JSON-LD that is not JSON: ${textContent(element).slice(0, 80)}`)
        }
      }
    }
    if (FORBIDDEN_ELEMENTS.has(tag)) problems.push(`<${tag}>`)
    if (tag === 'meta' && attribute(element, 'http-equiv') !== undefined) problems.push('<meta http-equiv>')
    for (const { name, value } of element.attrs ?? []) {
      if (/^on/i.test(name)) problems.push(`<${tag} ${name}="${value}">`)
      if (name === 'style' && /expression|url\s*\(/i.test(value)) problems.push(`<${tag} style="${value}">`)
      if (URL_ATTRIBUTES.includes(name) && !SAFE_SCHEMES.has(effectiveScheme(value)))
        problems.push(`<${tag} ${name}="${value}">`)
      if (
        name === 'srcset' &&
        value.split(',').some((part) => !SAFE_SCHEMES.has(effectiveScheme(part.trim())))
      )
        problems.push(`<${tag} srcset="${value}">`)
    }
  }
  return problems
}
