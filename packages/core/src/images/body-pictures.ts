import type { Element, ElementContent, Nodes, Properties } from 'hast'
import type { ImageView } from '../routes/views.js'

/** The same URL however it is escaped: markdown's `%20` and HTML's `&amp;` read alike. */
export function pictureKey(url: string): string {
  try {
    return decodeURI(url.trim())
  } catch {
    return url.trim()
  }
}

function pictureOf(img: Element, view: ImageView, sizes: string): Element {
  const properties: Properties = {
    ...img.properties,
    src: view.url,
    ...(view.srcset ? { srcSet: view.srcset, sizes } : {}),
    ...(view.width && view.height ? { width: view.width, height: view.height } : {}),
    loading: 'lazy',
    decoding: 'async',
    ...(view.placeholder ? { style: view.placeholder } : {}),
  }
  const image: Element = { type: 'element', tagName: 'img', properties, children: [] }
  if (view.sources.length === 0) return image
  const sources: ElementContent[] = view.sources.map((source) => ({
    type: 'element',
    tagName: 'source',
    properties: { type: source.type, srcSet: source.srcset, sizes },
    children: [],
  }))
  return { type: 'element', tagName: 'picture', properties: {}, children: [...sources, image] }
}

/**
 * Turns a body's `<img>` elements into responsive pictures, as the image stage made them:
 * `<picture>` with a `<source>` per modern format, and the `<img>` with the fallback's
 * `srcset`, the theme's `sizes`, its real `width` and `height`, lazy loading and the
 * placeholder. Images the stage did not make (remote ones) are lazy-loaded and left as they
 * are. The HTML is parsed, never matched with patterns; a body without `<img>` is returned
 * unchanged without parsing.
 */
export async function bodyPictures(
  html: string,
  pictures: ReadonlyMap<string, ImageView>,
  sizes: string,
): Promise<string> {
  if (!html.includes('<img')) return html
  const [{ fromHtml }, { toHtml }] = await Promise.all([
    import('hast-util-from-html'),
    import('hast-util-to-html'),
  ])
  const tree = fromHtml(html, { fragment: true })
  const visit = (node: Nodes) => {
    if (!('children' in node)) return
    node.children = node.children.map((child) => {
      if (child.type !== 'element') return child
      if (child.tagName === 'img') {
        const src = typeof child.properties.src === 'string' ? child.properties.src : ''
        const view = pictures.get(pictureKey(src))
        if (view) return pictureOf(child, view, sizes)
        return { ...child, properties: { ...child.properties, loading: 'lazy', decoding: 'async' } }
      }
      // A picture an author wrote in raw HTML (trusted sites) keeps its own sources.
      if (child.tagName !== 'picture') visit(child)
      return child
    })
  }
  visit(tree)
  return toHtml(tree)
}
