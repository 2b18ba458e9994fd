import { createProcessor, type MarkdownProcessor } from '../../markdown/create-processor.js'
import type { ArticleAuthor } from '../../site/types.js'
import type { AuthorProfileView } from '../views.js'

/** Adds the rendered bio to author profiles, rendering each bio once per run. */
export type AuthorBios = (author: ArticleAuthor, profile: AuthorProfileView) => Promise<AuthorProfileView>

/**
 * Bios are markdown rendered by core's own processor, always sanitized: a bio is shown on
 * every article of its author, so `markdown.html: 'trusted'` (for article bodies) does not
 * reach it, and neither do the site's remark and rehype plugins, which are written for bodies.
 * GFM is on, so a bare link in a bio becomes a link as it would in an article.
 */
export function createAuthorBios(): AuthorBios {
  let processor: MarkdownProcessor | undefined
  const rendered = new Map<string, Promise<{ html: string; text: string }>>()
  const render = (bio: string) => {
    let result = rendered.get(bio)
    if (!result) {
      // No embeds in a bio: an iframe there is removed like any unknown host's.
      processor ??= createProcessor({
        html: 'sanitize',
        gfm: true,
        embeds: [],
        remarkPlugins: [],
        rehypePlugins: [],
      })
      result = processor.process(bio).then((file) => ({
        html: String(file).trim(),
        text: file.data.text?.firstParagraph ?? '',
      }))
      rendered.set(bio, result)
    }
    return result
  }
  return async (author, profile) => {
    if (!author.bio) return profile
    const { html, text } = await render(author.bio)
    return { ...profile, bioHtml: html || undefined, bioText: text || undefined }
  }
}
