import type { Element, Root } from 'hast'
import { toString as hastToString } from 'hast-util-to-string'
import type { VFile } from 'vfile'
import type { ArticleHeading } from './remark-article-text.js'

const HEADING = /^h([1-6])$/

/** Lists the body's headings with their ids and source positions on `file.data.headings`. */
export function rehypeHeadingList() {
  return (tree: Root, file: VFile) => {
    const headings: ArticleHeading[] = []
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue
        const depth = HEADING.exec(child.tagName)?.[1]
        if (depth) {
          headings.push({
            depth: Number(depth),
            id: String(child.properties.id ?? ''),
            text: hastToString(child).trim(),
            line: child.position?.start.line ?? 1,
            column: child.position?.start.column ?? 1,
          })
        } else {
          visit(child)
        }
      }
    }
    visit(tree)
    file.data.headings = headings
  }
}
