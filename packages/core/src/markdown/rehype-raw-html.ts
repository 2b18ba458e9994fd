import type { Nodes, Root } from 'hast'
import { raw } from 'hast-util-raw'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { createOnceReporter } from './report-once.js'

/**
 * The elements GFM's tag filter disarms: each reads the rest of the document as its text
 * (or runs it), so a stray `<title>` or `<textarea>` would swallow the article after it.
 */
const FILTERED =
  /<(\/?)(title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)(?=[\t\n\f\r />])/gi

/**
 * The loader scripts of social-post embeds: the static card that replaces the embed
 * (rehypeSocialEmbeds) needs none, and no third-party script is ever published.
 */
const EMBED_SCRIPT =
  /<script\b[^>]*?\bsrc\s*=\s*["']?(?:https?:)?\/\/(?:platform\.twitter\.com|(?:www\.)?instagram\.com|(?:www\.)?tiktok\.com|connect\.facebook\.net|embed\.bsky\.app|(?:www\.)?threads\.(?:net|com))\/[^>]*>\s*<\/script\s*>/gi

const IFRAME_SRC = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i

/** Options of the raw HTML step. */
export interface RawHtmlOptions {
  /** `'trusted'` sites get GFM's tag filter; sanitized sites have the sanitizer. */
  trusted: boolean
  /** Whether an iframe URL is allowed (an allowed iframe passes the tag filter). */
  allows(src: string): boolean
}

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
 * removes social-embed loader scripts and, for trusted sites, applies GFM's tag filter —
 * `<script` becomes the text `&lt;script`, reported once per file and tag (`html-escaped`) —
 * except for iframes the embed allowlist admits. After it, HTML comments are removed: they are
 * notes to the newsroom, never published, trusted or not.
 */
export function rehypeRawHtml(options: RawHtmlOptions) {
  return (tree: Root, file: VFile): Root => {
    let found = false
    const reporter = createOnceReporter(file)
    const visit = (node: Nodes) => {
      if (node.type === 'raw') {
        found = true
        node.value = node.value.replace(EMBED_SCRIPT, '')
        if (options.trusted) node.value = filterTags(node.value, node.position?.start, options, reporter)
      } else if ('children' in node) for (const child of node.children) visit(child)
    }
    visit(tree)
    reporter.flush()
    if (!found) return tree
    const parsed = raw(tree, { file }) as Root
    removeComments(parsed)
    return parsed
  }
}

function filterTags(
  value: string,
  start: Point | undefined,
  options: RawHtmlOptions,
  reporter: ReturnType<typeof createOnceReporter>,
): string {
  let openIframeAllowed = false
  return value.replace(FILTERED, (whole, slash: string, name: string, index: number) => {
    const tag = name.toLowerCase()
    if (tag === 'iframe') {
      if (slash) {
        if (openIframeAllowed) {
          openIframeAllowed = false
          return whole
        }
      } else {
        const end = value.indexOf('>', index)
        const src = IFRAME_SRC.exec(value.slice(index, end === -1 ? undefined : end))
        openIframeAllowed = Boolean(src && options.allows(src[1] ?? src[2] ?? src[3] ?? ''))
        if (openIframeAllowed) return whole
      }
    }
    if (!slash)
      reporter.add(
        `escaped:${tag}`,
        'html-escaped',
        `The <${tag}> tag is shown as text: GFM's tag filter disarms it even with markdown.html: 'trusted'.`,
        tag === 'iframe'
          ? 'Embed only from the hosts in markdown.embeds (add the host there if you trust it), or link to the page.'
          : `Remove the <${tag}> tag; styles and scripts belong in the theme.`,
        start && { start: pointAt(start, value, index), end: pointAt(start, value, index + whole.length) },
      )
    return `&lt;${slash}${name}`
  })
}

function removeComments(node: Root | Extract<Nodes, { children: unknown }>): void {
  node.children = node.children.filter((child) => child.type !== 'comment') as typeof node.children
  for (const child of node.children) if ('children' in child) removeComments(child)
}
