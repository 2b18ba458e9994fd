import rehypeSlug from 'rehype-slug'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { type PluggableList, unified } from 'unified'
import { createEmbedAllowlist } from './embed-allowlist.js'
import { rehypeEmbeds } from './rehype-embeds.js'
import { rehypeFragmentLinks } from './rehype-fragment-links.js'
import { rehypeHeadingList } from './rehype-heading-list.js'
import { rehypeLiveEntries, remarkLiveEntryAuthors } from './rehype-live-entries.js'
import { rehypeRawHtml } from './rehype-raw-html.js'
import { rehypeRawLinks } from './rehype-raw-links.js'
import { rehypeSanitizeReported } from './rehype-sanitize-reported.js'
import { rehypeSocialEmbeds } from './rehype-social-embeds.js'
import { rehypeTables } from './rehype-tables.js'
import { remarkArticleText } from './remark-article-text.js'
import { remarkGfmFull } from './remark-gfm-full.js'
import { remarkGfmNews } from './remark-gfm-news.js'
import { remarkLinkList } from './remark-link-list.js'
import { NEWS_SCHEMA } from './sanitize-schema.js'

/** What decides the processor; everything here must also go into cache keys. */
export interface ProcessorOptions {
  html: 'sanitize' | 'trusted'
  gfm: boolean | 'news'
  /** Allowed iframe sources (see `DEFAULT_EMBEDS`). */
  embeds: readonly string[]
  remarkPlugins: PluggableList
  rehypePlugins: PluggableList
}

/**
 * Builds the markdown processor, once per build (or per worker), in a fixed order:
 * parse → GFM → site remark plugins → Warta's remark steps (article text, link list, live-entry
 * authors) → remark-rehype → raw HTML (parsed only when a body has
 * some; GFM's tag filter, on sanitized sites for unclosed tags only; comments removed) → social embeds as static cards →
 * sanitize, reporting what it removes (not on trusted sites) → iframe allowlist and media →
 * raw HTML's links and images into the link list →
 * table alignment and scroll regions → heading ids → fragment links to prefixed ids → heading
 * list → live-blog entries → site rehype plugins → stringify.
 */
export function createProcessor(options: ProcessorOptions) {
  const trusted = options.html === 'trusted'
  const embeds = createEmbedAllowlist(options.embeds)
  const prefix = NEWS_SCHEMA.clobberPrefix ?? 'user-content-'
  // No front matter syntax: the content stage hands over the body with the front matter's
  // lines blanked out (see `parseFrontMatter`), so the parser never meets it.
  const processor = unified().use(remarkParse)
  if (options.gfm === 'news') processor.use(remarkGfmNews)
  else if (options.gfm) processor.use(remarkGfmFull)
  return (
    processor
      .use(options.remarkPlugins)
      .use(remarkArticleText)
      .use(remarkLinkList)
      .use(remarkLiveEntryAuthors)
      // Sanitized sites: footnote ids get the prefix once, from the sanitizer, and their links
      // follow it (rehypeFragmentLinks); trusted sites: from remark-rehype, links included.
      .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: trusted ? prefix : '' })
      .use(rehypeRawHtml, { trusted })
      .use(rehypeSocialEmbeds)
      .use(trusted ? [] : [[rehypeSanitizeReported, NEWS_SCHEMA]])
      .use(rehypeEmbeds, embeds)
      .use(rehypeRawLinks)
      .use(rehypeTables)
      .use(rehypeSlug)
      .use(trusted ? [] : [[rehypeFragmentLinks, prefix]])
      .use(rehypeHeadingList)
      .use(rehypeLiveEntries)
      .use(options.rehypePlugins)
      .use(rehypeStringify)
      .freeze()
  )
}

/** A built markdown processor. */
export type MarkdownProcessor = ReturnType<typeof createProcessor>
