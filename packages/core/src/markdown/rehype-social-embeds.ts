import type { Element, ElementContent, Nodes, Root } from 'hast'

/** The platforms whose embed code is recognised, by the class their embed's outer element has. */
const PLATFORMS: Record<string, string> = {
  'twitter-tweet': 'x',
  'twitter-video': 'x',
  'instagram-media': 'instagram',
  'tiktok-embed': 'tiktok',
  'fb-post': 'facebook',
  'fb-video': 'facebook',
  'fb-xfbml-parse-ignore': 'facebook',
  'text-post-media': 'threads',
  'bluesky-embed': 'bluesky',
}

/** What a card keeps of the embed's markup: text, paragraphs, line breaks, emphasis and links. */
const KEPT = new Set(['p', 'br', 'a', 'em', 'strong', 'b', 'i'])

const classes = (node: Element): string[] => {
  const value: unknown = node.properties.className
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : []
}

const platformOf = (node: Element): string | undefined => {
  for (const name of classes(node)) if (Object.hasOwn(PLATFORMS, name)) return PLATFORMS[name]
  return undefined
}

/** The post's address: the embed's `cite` or permalink attribute, else its last link to the platform. */
function postUrl(node: Element): string | undefined {
  const direct = [node.properties.cite, node.properties.dataHref, node.properties.dataInstgrmPermalink]
  for (const value of direct) if (typeof value === 'string' && /^https:\/\//i.test(value)) return value
  let last: string | undefined
  const visit = (child: Nodes) => {
    if (child.type === 'element' && child.tagName === 'a' && typeof child.properties.href === 'string')
      if (/^https:\/\//i.test(child.properties.href)) last = child.properties.href
    if ('children' in child) for (const grandchild of child.children) visit(grandchild)
  }
  visit(node)
  return last
}

/** The embed's content reduced to text, paragraphs and links; layout markup, styles and icons go. */
function simplify(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = []
  for (const child of children) {
    if (child.type === 'text') out.push(child)
    else if (child.type !== 'element') continue
    else if (child.tagName === 'svg' || child.tagName === 'script' || child.tagName === 'style') continue
    else if (KEPT.has(child.tagName)) {
      const href = child.tagName === 'a' ? child.properties.href : undefined
      out.push({
        ...child,
        properties: typeof href === 'string' ? { href } : {},
        children: simplify(child.children),
      })
    } else out.push(...simplify(child.children))
  }
  return out
}

const isBlank = (node: ElementContent) => node.type === 'text' && node.value.trim() === ''

/**
 * Social posts pasted as their platforms' embed code (X/Twitter, Instagram, TikTok, Facebook,
 * Threads, Bluesky) become static quote cards: the post's text and links in a blockquote, and
 * a link to the post. The platform's loader script is removed before parsing (see
 * rehypeRawHtml), so no third-party script runs and nothing is fetched from the platform.
 * The embed's layout markup, inline styles and icons are dropped as part of the conversion;
 * the post's words and links are kept.
 */
export function rehypeSocialEmbeds() {
  return (tree: Root) => {
    const visit = (node: Root | Element) => {
      node.children = node.children.map((child) => {
        if (child.type !== 'element') return child
        const platform = platformOf(child)
        if (!platform || (child.tagName !== 'blockquote' && child.tagName !== 'div')) {
          visit(child)
          return child
        }
        return card(child, platform)
      }) as typeof node.children
    }
    visit(tree)
  }
}

function card(embed: Element, platform: string): Element {
  const url = postUrl(embed)
  const content = simplify(embed.children)
  while (content[0] && isBlank(content[0])) content.shift()
  while (content.at(-1) && isBlank(content.at(-1) as ElementContent)) content.pop()
  const source: Element[] = url
    ? [
        {
          type: 'element',
          tagName: 'figcaption',
          properties: { className: ['social-card-source'] },
          children: [
            {
              type: 'element',
              tagName: 'a',
              properties: { href: url },
              children: [
                { type: 'text', value: url.replace(/^https:\/\/(www\.)?/i, '').replace(/[?#].*$/, '') },
              ],
            },
          ],
        },
      ]
    : []
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['social-card'] },
    position: embed.position,
    children: [
      {
        type: 'element',
        tagName: 'blockquote',
        properties: { ...(url ? { cite: url } : {}), dataPlatform: platform },
        position: embed.position,
        children: content,
      },
      ...source,
    ],
  }
}
