import type { Diagnostic } from '../errors/diagnostic.js'
import type { Generator } from './generators.js'

/** A template tag of the old generator that the import turns into markdown or HTML. */
type Converter = (args: Record<string, string>, positional: string[]) => string | undefined

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

const iframe = (src: string, title: string) =>
  `<iframe src="${attr(src)}" width="560" height="315" title="${attr(title)}" allowfullscreen></iframe>`

const CONVERTERS: Record<string, Converter> = {
  youtube: (a, p) => {
    const id = a.id ?? p[0]
    return id
      ? iframe(`https://www.youtube-nocookie.com/embed/${encodeURIComponent(id)}`, a.title ?? 'YouTube video')
      : undefined
  },
  vimeo: (a, p) => {
    const id = a.id ?? p[0]
    return id
      ? iframe(`https://player.vimeo.com/video/${encodeURIComponent(id)}`, a.title ?? 'Vimeo video')
      : undefined
  },
  figure: (a) => {
    if (!a.src) return undefined
    const img = `<img src="${attr(a.src)}" alt="${attr(a.alt ?? a.caption ?? '')}">`
    const linked = a.link ? `<a href="${attr(a.link)}">${img}</a>` : img
    const caption = a.caption ?? a.title
    return `<figure>\n${linked}${caption ? `\n<figcaption>${attr(caption)}</figcaption>` : ''}\n</figure>`
  },
  tweet: (a, p) => {
    const user = a.user ?? (p.length > 1 ? p[0] : undefined)
    const id = a.id ?? p.at(-1)
    if (!id) return undefined
    const url = `https://twitter.com/${encodeURIComponent(user ?? 'i')}/status/${encodeURIComponent(id)}`
    return `<blockquote class="twitter-tweet"><a href="${url}">${url}</a></blockquote>`
  },
  instagram: (a, p) => {
    const id = a.id ?? p[0]
    if (!id) return undefined
    const url = `https://www.instagram.com/p/${encodeURIComponent(id)}/`
    return `<blockquote class="instagram-media" data-instgrm-permalink="${url}"><a href="${url}">${url}</a></blockquote>`
  },
}
CONVERTERS.x = CONVERTERS.tweet as Converter

/** `src="a" alt='b' c` → named and positional arguments. */
function parseArguments(text: string) {
  const named: Record<string, string> = {}
  const positional: string[] = []
  for (const match of text.matchAll(/(?:([\w-]+)\s*=\s*)?(?:"([^"]*)"|'([^']*)'|`([^`]*)`|(\S+))/g)) {
    const value = match[2] ?? match[3] ?? match[4] ?? match[5] ?? ''
    if (match[1]) named[match[1]] = value
    else positional.push(value)
  }
  return { named, positional }
}

// Hugo shortcodes: a highlight pair, or one `{{< name … >}}` / `{{% name … %}}` tag (a closing
// `{{< /name >}}` of a pair it does not know is reported with it).
const HUGO =
  /\{\{[<%]\s*highlight\s+([^>%]*?)\s*[>%]\}\}\n?([\s\S]*?)\n?\{\{[<%]\s*\/\s*highlight\s*[>%]\}\}|\{\{[<%]\s*(\/?)\s*([\w./-]+)([\s\S]*?)\s*[>%]\}\}/g
// Liquid and Nunjucks: raw blocks (kept as written), highlight blocks, `site.baseurl`/`site.url`
// outputs, then any other `{% tag %}` or `{{ output }}`.
const LIQUID =
  /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}|\{%-?\s*highlight\s+(\w+)[^%]*%\}\n?([\s\S]*?)\n?\{%-?\s*endhighlight\s*-?%\}|\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}|\{%-?\s*(\w+)[\s\S]*?-?%\}|\{\{-?\s*([^}]*?)\s*-?\}\}/g

/**
 * Converts the old generator's template tags in a body into what Warta renders: Hugo's
 * youtube, vimeo, figure, tweet/x, instagram and highlight shortcodes, and Liquid's
 * highlight, raw and `site.baseurl`. Every other tag stays as written and is reported at its
 * line and column (`import-template`): it would show as text.
 */
export function convertBody(
  file: string,
  body: string,
  firstLine: number,
  generator: Generator,
): { body: string; diagnostics: Diagnostic[]; converted: number } {
  const diagnostics: Diagnostic[] = []
  let converted = 0
  const placeOf = (index: number) => {
    const before = body.slice(0, index).split('\n')
    return { line: firstLine + before.length - 1, column: (before.at(-1)?.length ?? 0) + 1 }
  }
  const keep = (whole: string, index: number, name: string) => {
    diagnostics.push({
      file,
      place: placeOf(index),
      message: `The template tag ${whole.length > 60 ? `${whole.slice(0, 57)}…` : whole} was not converted; it will show as text.`,
      hint: `Replace the ${name} tag with markdown or HTML (see “Moving an archive to Warta” in the README).`,
      ruleId: 'import-template',
      severity: 'warning',
    })
    return whole
  }
  const fence = (lang: string, code: string) => {
    converted++
    return `\`\`\`${lang}\n${code}\n\`\`\``
  }
  let text = body
  if (generator === 'hugo') {
    text = body.replace(HUGO, (...match) => {
      const [whole, lang, code, closing, name, rest] = match as string[]
      const index = match.at(-2) as number
      if (code !== undefined) return fence((lang ?? '').split(/[\s,]/)[0] ?? '', code)
      if (closing) return keep(whole ?? '', index, name ?? '')
      const { named, positional } = parseArguments(rest ?? '')
      const out = CONVERTERS[name ?? '']?.(named, positional)
      if (out === undefined) return keep(whole ?? '', index, name ?? '')
      converted++
      return out
    })
  } else if (generator === 'jekyll' || generator === 'eleventy') {
    text = body.replace(LIQUID, (...match) => {
      const [whole, raw, lang, code, tag, output] = match as string[]
      const index = match.at(-2) as number
      if (raw !== undefined) {
        converted++
        return raw
      }
      if (code !== undefined) return fence(lang ?? '', code)
      if (tag === undefined && output === undefined) {
        converted++
        return ''
      }
      return keep(whole ?? '', index, tag ?? output?.split(/[\s|]/)[0] ?? 'template')
    })
  }
  return { body: text, diagnostics, converted }
}
