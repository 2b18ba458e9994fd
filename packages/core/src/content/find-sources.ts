import fg from 'fast-glob'

/** Patterns never treated as articles: editor temp files and hidden folders. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.*', '**/.*/**', '**/*~', '**/#*#']

/** Extensions of files that are articles elsewhere (other generators, editors) but that Warta does not read. */
const OTHER_CONTENT = [
  'mdx',
  'markdown',
  'mdown',
  'mkd',
  'mkdn',
  'mdwn',
  'rmd',
  'adoc',
  'asciidoc',
  'rst',
  'org',
  'textile',
  'html',
  'htm',
]

/** The sources of a content folder, and the files there that look like content Warta does not read. */
export interface FoundSources {
  /** Markdown sources relative to the content folder, sorted. */
  paths: string[]
  /** Other content files by extension (`.mdx` → 3), so that none is left out without a word. */
  skipped: Map<string, number>
}

/** Lists markdown sources under the content folder, relative to it, sorted. */
export async function findSources(contentDir: string, ignore: readonly string[] = []): Promise<FoundSources> {
  const found = await fg(`**/*.{md,${OTHER_CONTENT.join(',')}}`, {
    cwd: contentDir,
    ignore: [...ALWAYS_IGNORED, ...ignore],
    onlyFiles: true,
    followSymbolicLinks: false,
    dot: false,
    caseSensitiveMatch: false,
  })
  const paths: string[] = []
  const skipped = new Map<string, number>()
  for (const file of found) {
    const extension = file.slice(file.lastIndexOf('.'))
    if (file.endsWith('.md')) paths.push(file)
    else skipped.set(extension, (skipped.get(extension) ?? 0) + 1)
  }
  return { paths: paths.sort(), skipped: new Map([...skipped].sort(([a], [b]) => (a < b ? -1 : 1))) }
}
