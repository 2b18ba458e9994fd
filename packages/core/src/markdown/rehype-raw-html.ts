import type { Element, ElementData, Nodes, Root } from 'hast'
import { raw } from 'hast-util-raw'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { createOnceReporter } from './report-once.js'

// remark-rehype's raw HTML node (its type is declared into hast by mdast-util-to-hast).
type Raw = Extract<Nodes, { type: 'raw' }>

/**
 * The elements GFM's tag filter disarms: each reads the rest of the document as its text
 * (or runs it), so a stray `<title>` or `<textarea>` would swallow the article after it.
 * `<iframe>`, also on GFM's list, is left to rehypeEmbeds, which keeps an iframe from the
 * allowlist and removes any other with a warning (and reports text an unclosed one took in).
 */
const FILTERED = /<(\/?)(title|textarea|style|xmp|noembed|noframes|script|plaintext)(?=[\t\n\f\r />])/gi

/**
 * The loader scripts of social-post embeds: the static card that replaces the embed
 * (rehypeSocialEmbeds) needs none, and no third-party script is ever published.
 */
const EMBED_SCRIPT =
  /<script\b[^>]*?\bsrc\s*=\s*["']?(?:https?:)?\/\/(?:platform\.twitter\.com|(?:www\.)?instagram\.com|(?:www\.)?tiktok\.com|connect\.facebook\.net|embed\.bsky\.app|(?:www\.)?threads\.(?:net|com))\/[^>]*>\s*<\/script\s*>/gi

/** Where character `index` of a raw node's value is in the source, as near as the value tells. */
function pointAt(start: Point, value: string, index: number): Point {
  const before = value.slice(0, index)
  const lines = before.split('\n')
  return lines.length === 1
    ? { line: start.line, column: start.column + index }
    : { line: start.line + lines.length - 1, column: (lines.at(-1)?.length ?? 0) + 1 }
}

/**
 * Parses the body's raw HTML into elements (hast-util-raw, as rehype-raw does), only when the
 * body has some: most articles have none, and re-parsing a whole tree is costly. Before that it
 * removes social-embed loader scripts and applies GFM's tag filter — `<script` becomes the text
 * `&lt;script`, reported once per file and tag (`html-escaped`) — to every such tag on trusted
 * sites, as GitHub does. On sanitized sites the filter takes only the tags never closed later in
 * the body: a closed `<script>…</script>` is parsed, and the sanitizer removes it with its
 * content and says so, rather than showing its code to readers. Either way no unclosed `<title>`
 * or `<style>` takes the rest of the article as its text. After parsing, HTML comments are
 * removed: they are notes to the newsroom, never published, trusted or not.
 */
export function rehypeRawHtml(options: { trusted: boolean }) {
  return (tree: Root, file: VFile): Root => {
    const raws: Raw[] = []
    const visit = (node: Nodes) => {
      if (node.type === 'raw') raws.push(node)
      else if ('children' in node) for (const child of node.children) visit(child)
    }
    visit(tree)
    if (raws.length === 0) return tree
    const reporter = createOnceReporter(file)
    for (const node of raws) node.value = node.value.replace(EMBED_SCRIPT, '')
    // What follows each raw node, for "is this tag closed later?": inline HTML comes in pieces.
    let after = ''
    const rest: string[] = []
    for (let i = raws.length - 1; i >= 0; i--) {
      rest[i] = after
      after = (raws[i] as Raw).value + after
    }
    raws.forEach((node, i) => {
      node.value = filterTags(node.value, node.position?.start, reporter, (tag, index) => {
        if (options.trusted || tag === 'plaintext') return true
        if (index < 0) return false
        const closing = new RegExp(`</${tag}[\\t\\n\\f\\r />]`, 'i')
        return !closing.test(node.value.slice(index)) && !closing.test(rest[i] ?? '')
      })
    })
    reporter.flush()
    // By tag and place: an inline element at the start of a paragraph starts where the paragraph does.
    const key = (element: Element) => `${element.tagName}@${element.position?.start.offset}`
    const fromMarkdown = new Set<string>()
    walkElements(tree, (element) => {
      if (element.position?.start.offset !== undefined) fromMarkdown.add(key(element))
    })
    const parsed = raw(tree, { file }) as Root
    removeComments(parsed)
    // What the writer typed as HTML, for rehypeRawLinks (node data survives the sanitizer).
    walkElements(parsed, (element) => {
      if (element.position?.start.offset !== undefined && !fromMarkdown.has(key(element))) {
        // hast-util-from-parse5's types (the image stage parses HTML too) declare
        // ElementData.position always there, but only a verbose parse sets it.
        element.data = { ...element.data, fromRawHtml: true } as ElementData
      }
    })
    return parsed
  }
}

declare module 'hast' {
  interface ElementData {
    /** The element was written as raw HTML in the body. */
    fromRawHtml?: boolean
  }
}

function walkElements(node: Nodes, each: (element: Element) => void): void {
  if (node.type === 'element') each(node)
  if ('children' in node) for (const child of node.children) walkElements(child, each)
}

function filterTags(
  value: string,
  start: Point | undefined,
  reporter: ReturnType<typeof createOnceReporter>,
  /** Whether the tag at `index` (-1 for a closing tag) is shown as text. */
  filters: (tag: string, index: number) => boolean,
): string {
  return value.replace(FILTERED, (whole, slash: string, name: string, index: number) => {
    const tag = name.toLowerCase()
    // A closing tag (index -1): escaped on trusted sites; elsewhere its opening tag was kept.
    if (!filters(tag, slash ? -1 : index)) return whole
    if (!slash)
      reporter.add(
        `escaped:${tag}`,
        'html-escaped',
        `The <${tag}> tag is shown as text: GFM's tag filter disarms it, as it could run or swallow the rest of the article.`,
        `Remove the <${tag}> tag; styles and scripts belong in the theme.`,
        start && { start: pointAt(start, value, index), end: pointAt(start, value, index + whole.length) },
      )
    return `&lt;${slash}${name}`
  })
}

function removeComments(node: Root | Extract<Nodes, { children: unknown }>): void {
  node.children = node.children.filter((child) => child.type !== 'comment') as typeof node.children
  for (const child of node.children) if ('children' in child) removeComments(child)
}
