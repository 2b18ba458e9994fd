import { defaultSchema, type Schema } from 'hast-util-sanitize'

const media = ['src', 'controls', 'preload', 'loop', 'muted']

/**
 * What the sanitizer keeps of an article body: GitHub's schema (what a README may hold) plus
 * the HTML a news story needs — figures with captions, collapsible details, video and audio
 * players, table captions and column groups, abbreviations, marks, times and quotes — and
 * iframes, which `rehypeEmbeds` then keeps only from the allowlist (it rewrites their
 * attributes, so the usual embed-code attributes are let through to it rather than reported).
 * Scripts, styles and the other elements whose content is not text are removed with their
 * content; other elements it does not know are unwrapped, their text kept.
 */
export const NEWS_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    ...['figure', 'figcaption', 'video', 'audio', 'track', 'iframe', 'abbr', 'mark', 'small'],
    ...['cite', 'dfn', 'time', 'u', 'caption', 'colgroup', 'col', 'wbr', 'bdi', 'bdo'],
  ],
  attributes: {
    ...defaultSchema.attributes,
    // Social cards are made before the sanitizer runs (see rehypeSocialEmbeds).
    figure: [['className', 'social-card']],
    figcaption: [['className', 'social-card-source']],
    blockquote: ['cite', ['dataPlatform', 'x', 'instagram', 'tiktok', 'facebook', 'threads', 'bluesky']],
    img: [...(defaultSchema.attributes?.img ?? []), 'srcSet', 'sizes', 'loading', 'decoding'],
    video: [...media, 'poster', 'playsInline'],
    audio: media,
    source: ['src', 'srcSet', 'type', 'sizes'],
    track: ['src', 'kind', 'srcLang', 'label', 'default'],
    iframe: [
      ...['src', 'title', 'allow', 'allowFullScreen', 'frameBorder', 'scrolling', 'loading', 'style'],
      ...['referrerPolicy', 'marginHeight', 'marginWidth'],
    ],
    col: ['span'],
    colgroup: ['span'],
  },
  protocols: {
    ...defaultSchema.protocols,
    poster: ['http', 'https'],
  },
  strip: [
    ...(defaultSchema.strip ?? []),
    ...['style', 'template', 'noscript', 'svg', 'math', 'object', 'embed', 'select'],
  ],
}
