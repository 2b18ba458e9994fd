import type { Element, ElementContent, Root, RootContent } from 'hast'
import { toString as hastToString } from 'hast-util-to-string'
import type { VFile } from 'vfile'
import { compareText } from '../util/compare-text.js'
import { type NewsDate, parseNewsDate } from '../util/news-date.js'

/** One entry of a live blog. */
export interface LiveEntry {
  /** The entry heading's id: its anchor on the page. */
  id: string
  headline: string
  time: NewsDate
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
  }
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
        entries.push({ entry: { id: String(node.properties.id ?? ''), ...timed }, nodes: [node] })
      } else if (entries.length > 0) {
        entries.at(-1)?.nodes.push(node as ElementContent)
      } else {
        intro.push(node)
      }
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
