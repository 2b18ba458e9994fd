/**
 * The version of what the markdown stage makes of a body, for cache keys: raise it whenever the
 * same text and options give different HTML, links or messages than before, so that records
 * cached by an older Warta of the same package version are converted again.
 * 2: all of GFM by default, raw HTML parsed and sanitized with reports, embeds, social cards,
 * table regions, links from raw HTML.
 * 3: live entries carry their author (`{author=…}`, taken off the heading), first image and text.
 */
export const MARKDOWN_OUTPUT_VERSION = 3
