import type { Element, Root } from 'hast'
import { toString as hastToString } from 'hast-util-to-string'

const ALIGN = new Set(['left', 'right', 'center', 'justify'])
const CELLS = new Set(['th', 'td', 'tr', 'thead', 'tbody', 'tfoot', 'col', 'colgroup'])

/** The table's name for assistive technology: its caption, else its head cells' text. */
function labelOf(table: Element): string {
  let caption = ''
  const heads: string[] = []
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'caption' && !caption) caption = hastToString(child).trim()
      else if (child.tagName === 'th') heads.push(hastToString(child).trim())
      else if (child.tagName !== 'table') visit(child)
    }
  }
  visit(table)
  const label = caption || heads.filter(Boolean).join(', ')
  return label.length > 120 ? `${label.slice(0, 119)}…` : label || 'Table'
}

/** Moves an `align` attribute into the element's style, where browsers and the validator want it. */
function alignToStyle(node: Element): void {
  const align = String(node.properties.align ?? '').toLowerCase()
  delete node.properties.align
  if (!ALIGN.has(align)) return
  const style = typeof node.properties.style === 'string' ? node.properties.style.trim() : ''
  node.properties.style = `${style}${style && !style.endsWith(';') ? ';' : ''}text-align:${align}`
}

/**
 * Tables, after the sanitizer: column alignment becomes `style="text-align:…"` (the `align`
 * attribute is obsolete: browsers ignore it in standards mode, so right-aligned figures showed
 * left), and each table sits in a `<div class="table-scroll" role="region" tabindex="0">`
 * labelled by its caption or head cells, which the theme lets scroll sideways on narrow screens
 * and keyboard users can focus to scroll.
 */
export function rehypeTables() {
  return (tree: Root) => {
    const visit = (node: Root | Element, inTable: boolean) => {
      node.children = node.children.map((child) => {
        if (child.type !== 'element') return child
        if (inTable && CELLS.has(child.tagName) && child.properties.align !== undefined) alignToStyle(child)
        visit(child, inTable || child.tagName === 'table')
        if (child.tagName !== 'table' || inTable) return child
        return {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: labelOf(child) },
          children: [child],
        } satisfies Element
      }) as typeof node.children
    }
    visit(tree, false)
  }
}
