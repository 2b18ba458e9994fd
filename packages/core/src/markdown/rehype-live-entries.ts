import type { Element, ElementContent, Root, RootContent } from 'hast'
import { toString as hastToString } from 'hast-util-to-string'
import type { Root as MdastRoot } from 'mdast'
import type { VFile } from 'vfile'
import { compareText } from '../util/compare-text.js'
import { type NewsDate, parseNewsDate } from '../util/news-date.js'

/** One entry of a live blog. */
export interface LiveEntry {
  /** The entry heading's id: its anchor on the page. */
  id: string
  headline: string
  time: NewsDate
  /** Who wrote the entry, as its heading names them (`{author=rina}`): an author file's id or a name. */
  author?: string
  /** The entry's first image, as written in the body. */
  image?: { src: string; alt?: string }
  /** The entry's text without its heading, for structured data. */
  text: string
}

/** What the live-blog step needs to know, set on `file.data.liveblog` for live blogs only. */
export interface LiveBlogSettings {
  /** The article's date: entries giving only a time of day are on this day. */
  date: NewsDate
  timeZone: string
}

declare module 'vfile' {
  interface DataMap {
    liveblog: LiveBlogSettings
    liveEntries: LiveEntry[]
    /** Entry authors by the line of their heading, from `remarkLiveEntryAuthors`. */
    liveAuthors: ReadonlyMap<number, string>
  }
}

// `## 14.30 — Evakuasi dimulai {author=rina}` or `{author="Rina Wati"}` at the end of the heading.
const AUTHOR_MARK = /\s*\{author=(?:"([^"]+)"|([^\s}"]+))\}\s*$/

/**
 * Takes the `{author=…}` mark off the end of a live blog's `##` headings, before heading ids
 * are made from their text, and keeps it for `rehypeLiveEntries` by the heading's line.
 */
export function remarkLiveEntryAuthors() {
  return (tree: MdastRoot, file: VFile) => {
    if (!file.data.liveblog) return
    const authors = new Map<number, string>()
    for (const node of tree.children) {
      if (node.type !== 'heading' || node.depth !== 2) continue
      const last = node.children.at(-1)
      const match = last?.type === 'text' ? AUTHOR_MARK.exec(last.value) : null
      const line = node.position?.start.line
      if (!match || !last || last.type !== 'text' || line === undefined) continue
      last.value = last.value.slice(0, match.index)
      authors.set(line, (match[1] ?? match[2] ?? '').trim())
    }
    file.data.liveAuthors = authors
  }
}

/** The first image among an entry's nodes. */
function firstImage(nodes: readonly ElementContent[]): LiveEntry['image'] {
  const stack = [...nodes]
  while (stack.length > 0) {
    const node = stack.shift() as ElementContent
    if (node.type !== 'element') continue
    if (node.tagName === 'img' && typeof node.properties.src === 'string')
      return {
        src: node.properties.src,
        ...(typeof node.properties.alt === 'string' && node.properties.alt
          ? { alt: node.properties.alt }
          : {}),
      }
    stack.unshift(...node.children)
  }
  return undefined
}

// `## 14.30 — Headline`, `## 14:30 WITA Headline`, `## 2025-05-16 14:30 Headline`
const ENTRY_HEADING =
  /^\s*(?:(\d{4}-\d{2}-\d{2})[T ])?(\d{1,2})[:.](\d{2})(?:\s*(?:WIB|WITA|WIT|UTC))?\s*[—–-]?\s*(.*)$/

function entryTime(
  text: string,
  settings: LiveBlogSettings,
): { time: NewsDate; headline: string } | undefined {
  const match = ENTRY_HEADING.exec(text)
  if (!match) return undefined
  const [, day, hour = '', minute = '', headline = ''] = match
  const parsed = parseNewsDate(
    `${day ?? settings.date.iso.slice(0, 10)}T${hour.padStart(2, '0')}:${minute}`,
    settings.timeZone,
  )
  return 'error' in parsed ? undefined : { time: parsed, headline: headline.trim() || text.trim() }
}

/**
 * Turns a live blog's body into entries: every `##` heading that starts with a time opens
 * an entry, and entries are shown newest first after the introduction. Other articles pass
 * through untouched.
 */
export function rehypeLiveEntries() {
  return (tree: Root, file: VFile) => {
    const settings = file.data.liveblog
    if (!settings) return
    const intro: RootContent[] = []
    const entries: { entry: LiveEntry; nodes: ElementContent[] }[] = []
    for (const node of tree.children) {
      const timed =
        node.type === 'element' && node.tagName === 'h2' ? entryTime(hastToString(node), settings) : undefined
      if (timed && node.type === 'element') {
        const author = node.position && file.data.liveAuthors?.get(node.position.start.line)
        const entry: LiveEntry = { id: String(node.properties.id ?? ''), ...timed, text: '' }
        if (author) entry.author = author
        entries.push({ entry, nodes: [node] })
      } else if (entries.length > 0) {
        entries.at(-1)?.nodes.push(node as ElementContent)
      } else {
        intro.push(node)
      }
    }
    for (const { entry, nodes } of entries) {
      const rest = nodes.slice(1)
      entry.text = rest
        .map((node) => hastToString(node).trim())
        .filter(Boolean)
        .join('\n\n')
      const image = firstImage(rest)
      if (image) entry.image = image
    }
    entries.sort((a, b) => b.entry.time.time - a.entry.time.time || compareText(a.entry.id, b.entry.id))
    const sections: Element[] = entries.map(({ entry, nodes }) => ({
      type: 'element',
      tagName: 'section',
      properties: { className: ['live-entry'], dataTime: entry.time.iso },
      children: nodes,
    }))
    tree.children = [
      ...intro,
      { type: 'element', tagName: 'div', properties: { className: ['live-entries'] }, children: sections },
    ]
    file.data.liveEntries = entries.map((e) => e.entry)
  }
}
