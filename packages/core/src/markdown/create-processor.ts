import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import rehypeSlug from 'rehype-slug'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { type PluggableList, unified } from 'unified'
import { rehypeHeadingList } from './rehype-heading-list.js'
import { rehypeLiveEntries } from './rehype-live-entries.js'
import { remarkArticleText } from './remark-article-text.js'
import { remarkGfmNews } from './remark-gfm-news.js'
import { remarkLinkList } from './remark-link-list.js'

/** What decides the processor; everything here must also go into cache keys. */
export interface ProcessorOptions {
  html: 'sanitize' | 'trusted'
  gfm: boolean | 'news'
  remarkPlugins: PluggableList
  rehypePlugins: PluggableList
}

/**
 * Builds the markdown processor, once per build (or per worker), in a fixed order:
 * parse → GFM → site remark plugins → remark-rehype → raw HTML (trusted
 * sites only) → sanitize → heading ids → live-blog entries → site rehype plugins → stringify.
 */
export function createProcessor(options: ProcessorOptions) {
  const trusted = options.html === 'trusted'
  // No front matter syntax: the content stage hands over the body with the front matter's
  // lines blanked out (see `parseFrontMatter`), so the parser never meets it.
  const processor = unified().use(remarkParse)
  if (options.gfm === 'news') processor.use(remarkGfmNews)
  else if (options.gfm) processor.use(remarkGfm)
  return processor
    .use(options.remarkPlugins)
    .use(remarkArticleText)
    .use(remarkLinkList)
    .use(remarkRehype, { allowDangerousHtml: trusted })
    .use(trusted ? [rehypeRaw] : [rehypeSanitize])
    .use(rehypeSlug)
    .use(rehypeHeadingList)
    .use(rehypeLiveEntries)
    .use(options.rehypePlugins)
    .use(rehypeStringify)
    .freeze()
}

/** A built markdown processor. */
export type MarkdownProcessor = ReturnType<typeof createProcessor>
