import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import rehypeSlug from 'rehype-slug'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { type PluggableList, unified } from 'unified'
import type { VFile } from 'vfile'
import { rehypeHeadingList } from './rehype-heading-list.js'
import { rehypeLiveEntries } from './rehype-live-entries.js'
import { remarkArticleText } from './remark-article-text.js'
import { mayContainTable, remarkGfmNews } from './remark-gfm-news.js'
import { remarkLinkList } from './remark-link-list.js'

/** What decides the processor; everything here must also go into cache keys. */
export interface ProcessorOptions {
  html: 'sanitize' | 'trusted'
  gfm: boolean | 'news'
  remarkPlugins: PluggableList
  rehypePlugins: PluggableList
}

/** A built markdown processor. */
export interface MarkdownProcessor {
  /** Converts a file's markdown (its `value`) to HTML; what the steps learn is on `file.data`. */
  process(file: VFile): Promise<VFile>
}

/**
 * Builds the markdown processor, once per build (or per worker), in a fixed order:
 * parse → GFM → site remark plugins → remark-rehype → raw HTML (trusted
 * sites only) → sanitize → heading ids → live-blog entries → site rehype plugins → stringify.
 *
 * With `gfm: 'news'` there are two such processors, with and without table syntax, and each
 * document goes to the one it needs: most articles have no table, and the table syntax costs
 * about a tenth of parsing even when nothing matches. Site plugins are set up for each.
 */
export function createProcessor(options: ProcessorOptions): MarkdownProcessor {
  const full = createUnifiedProcessor(options, true)
  if (options.gfm !== 'news') return full
  const withoutTables = createUnifiedProcessor(options, false)
  return {
    process(file) {
      // Safe: without `|`, `:-` or `-:` no table can match, so both give the same output (tested).
      const plain = typeof file.value === 'string' && !mayContainTable(file.value)
      return (plain ? withoutTables : full).process(file)
    },
  }
}

function createUnifiedProcessor(options: ProcessorOptions, tables: boolean) {
  const trusted = options.html === 'trusted'
  // No front matter syntax: the content stage hands over the body with the front matter's
  // lines blanked out (see `parseFrontMatter`), so the parser never meets it.
  const processor = unified().use(remarkParse)
  if (options.gfm === 'news') processor.use(remarkGfmNews, { tables })
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
