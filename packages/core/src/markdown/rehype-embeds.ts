import type { Element, Root } from 'hast'
import { toString as hastToString } from 'hast-util-to-string'
import type { VFile } from 'vfile'
import { createOnceReporter } from './report-once.js'

/** Options of the embed step. */
export interface EmbedOptions {
  /** The URL an iframe loads from, or undefined when it is not allowed (see createEmbedAllowlist). */
  resolve(src: string): string | undefined
}

// The sandbox lets a player or chart run its own scripts on its own origin and open a link in
// a new tab; it cannot navigate the article away, submit forms or open pop-ups that keep the opener.
const SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation'

const pixels = (value: unknown): number | undefined => {
  const number =
    typeof value === 'number'
      ? value
      : /^\s*\d+(\.\d+)?\s*(px)?\s*$/i.test(String(value ?? ''))
        ? Number.parseFloat(String(value))
        : Number.NaN
  return Number.isFinite(number) && number > 0 ? Math.round(number) : undefined
}

/**
 * Iframes and media players, after the sanitizer. An iframe loads only from the embed allowlist
 * (`markdown.embeds`); any other is removed and reported once per host (`embed-removed`). A kept
 * one gets `loading="lazy"`, a `sandbox`, `referrerpolicy="strict-origin-when-cross-origin"`
 * (players such as YouTube's refuse to play without the origin) and a width, height and CSS
 * aspect ratio from its own size (16:9 when it gives none), so the page does not jump when it
 * loads; its fallback content goes. Video and audio get `controls`, since the page runs no script to
 * play them, and a video fits the column it is in.
 */
export function rehypeEmbeds(options: EmbedOptions) {
  return (tree: Root, file: VFile) => {
    const reporter = createOnceReporter(file)
    const visit = (node: Root | Element) => {
      node.children = node.children.filter((child) => {
        if (child.type !== 'element') return true
        if (child.tagName === 'iframe') return keepIframe(child)
        if (child.tagName === 'video' || child.tagName === 'audio') {
          child.properties.controls = true
          child.properties.preload ??= 'metadata'
          // A 1280-wide video must not widen a phone's page; its width and height keep its shape.
          if (child.tagName === 'video') child.properties.style = 'max-width:100%;height:auto'
        }
        visit(child)
        return true
      }) as typeof node.children
    }
    const keepIframe = (iframe: Element): boolean => {
      const src = typeof iframe.properties.src === 'string' ? iframe.properties.src : ''
      const allowed = src ? options.resolve(src) : undefined
      if (!allowed) {
        let host = src
        try {
          host = new URL(src, 'https://invalid.invalid').host
        } catch {}
        reporter.add(
          `iframe:${host}`,
          'embed-removed',
          src
            ? `Removed an <iframe> from ${host === 'invalid.invalid' ? src : host}: it is not in markdown.embeds.`
            : 'Removed an <iframe> without an https src.',
          `If you trust ${host && host !== 'invalid.invalid' ? host : 'its host'}, add it to markdown.embeds in the config (with the path its embeds start with); otherwise link to the page.`,
          iframe.position,
        )
        return false
      }
      if (hastToString(iframe).trim())
        reporter.add(
          'iframe-content',
          'embed-removed',
          'An <iframe> has content after it, up to its </iframe>; that text is not shown.',
          'Close the <iframe> right after its start tag: <iframe …></iframe>.',
          iframe.position,
        )
      const width = pixels(iframe.properties.width)
      const height = pixels(iframe.properties.height)
      const ratio = width && height ? `${width} / ${height}` : !height ? '16 / 9' : undefined
      const title = typeof iframe.properties.title === 'string' && iframe.properties.title.trim()
      iframe.properties = {
        src: allowed,
        title: title || new URL(allowed).host,
        width: width ?? 560,
        height: height ?? (width ? Math.round((width * 9) / 16) : 315),
        style: ratio ? `width:100%;height:auto;aspect-ratio:${ratio}` : `width:100%;height:${height}px`,
        loading: 'lazy',
        sandbox: SANDBOX.split(' '),
        referrerPolicy: 'strict-origin-when-cross-origin',
        allow: 'encrypted-media; fullscreen; picture-in-picture',
        allowFullScreen: true,
      }
      iframe.children = []
      return true
    }
    visit(tree)
    reporter.flush()
  }
}
