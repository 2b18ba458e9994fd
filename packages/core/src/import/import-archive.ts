import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fg from 'fast-glob'
import { stringify } from 'yaml'
import { createArticleSchema } from '../content/article-schema.js'
import { type Diagnostic, sortDiagnostics } from '../errors/diagnostic.js'
import { PERMALINK_HISTORY_FILE, parsePermalinkHistory } from '../routes/permalink-history.js'
import { copyNewFile, writeNewFile } from '../write/write-new-file.js'
import { writePermalinkHistory } from '../write/write-site-files.js'
import { convertBody } from './convert-body.js'
import { type FoundPost, type Generator, LAYOUTS } from './generators.js'
import { mapFrontMatter } from './map-front-matter.js'
import { readSourcePost } from './read-source.js'

/** What `importArchive` needs. */
export interface ImportOptions {
  /** The other generator's project folder (absolute). */
  from: string
  generator: Generator
  /** The Warta site folder to import into (absolute); its `content/` and `public/` receive the files. */
  root: string
  /** How messages name the archive folder (e.g. as typed on the command line). Default: `from`. */
  label?: string
}

/** What an import did. */
export interface ImportReport {
  /** Posts found in the archive. */
  found: number
  /** Articles written into the site's content folder. */
  imported: number
  /** Static files and page-bundle files copied into the site's public folder. */
  copied: number
  /** Earlier URLs recorded in warta.permalinks.json, which the build turns into redirects. */
  redirects: number
  diagnostics: Diagnostic[]
  summary: string
}

// Validation only: dates without an offset read in any zone are still dates.
const SCHEMA = createArticleSchema('UTC')

const toPosix = (file: string) => file.split(path.sep).join('/')
/** A URL as a site path: no origin, query or fragment; a folder (`/x` → `/x/`) unless it names a file. */
const sitePath = (url: string) => {
  const pathname = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, '').split(/[?#]/)[0] ?? ''
  const rooted = pathname.startsWith('/') ? pathname : `/${pathname}`
  return rooted.endsWith('/') || /\.[a-z0-9]+$/i.test(rooted) ? rooted : `${rooted}/`
}

/**
 * Imports a Hugo, Jekyll, Eleventy or Astro archive into a Warta site: every post becomes a
 * markdown article under `content/` with its front matter mapped to Warta's (see
 * `mapFrontMatter`) and its generator's common template tags converted (`convertBody`); static
 * files and page bundles' files go to `public/`; each post's old URL and aliases go into
 * `warta.permalinks.json`, so the build writes a redirect from each to the article's new URL.
 * It never replaces a file that exists (`import-exists`) and reports every file or field it
 * could not map, and every template tag it left, with its line and column. Importing again
 * after fixing the archive adds what was missing.
 */
export async function importArchive(options: ImportOptions): Promise<ImportReport> {
  const layout = LAYOUTS[options.generator]
  const label = options.label ?? options.from
  const shown = (source: string) => toPosix(path.join(label, source))
  const diagnostics: Diagnostic[] = []
  const skip = (source: string, message: string, hint: string, severity: 'warning' | 'error' = 'warning') =>
    diagnostics.push({
      file: shown(source),
      place: { line: 1, column: 1 },
      message,
      hint,
      ruleId: 'import-file',
      severity,
    })
  const sources = (
    await fg(layout.posts, { cwd: options.from, ignore: layout.ignore, onlyFiles: true, dot: false })
  ).sort()
  for (const mdx of (await fg('**/*.mdx', { cwd: options.from, ignore: layout.ignore })).sort())
    skip(
      mdx,
      'An .mdx file was not imported: Warta reads markdown, not MDX components.',
      'Rewrite it as .md (components as HTML), then import again.',
    )

  const history = parsePermalinkHistory(
    await readFile(path.join(options.root, PERMALINK_HISTORY_FILE), 'utf8').catch(() => undefined),
  )
  let imported = 0
  let redirects = 0
  const bundles: { post: FoundPost; url: string }[] = []
  for (const source of sources) {
    const found = layout.describe(source)
    if ('skip' in found) {
      skip(
        source,
        `Not imported: ${found.skip}.`,
        'Warta imports posts; recreate this page in the theme if the site needs it.',
      )
      continue
    }
    const file = shown(source)
    const post = await preparePost(options, found, file, diagnostics)
    if (!post) continue
    const { id, body, oldUrl } = post
    if (found.bundle) bundles.push({ post: found, url: oldUrl })
    const text = `---\n${stringify(post.data, { lineWidth: 0 })}---\n\n${body}`
    const target = path.join(options.root, 'content', found.target)
    if ((await writeNewFile(target, text)) === 'exists') {
      diagnostics.push({
        file,
        message: `Not imported: content/${found.target} exists, and the import never replaces a file.`,
        hint: 'Move the existing file away if the imported one should replace it, then import again.',
        ruleId: 'import-exists',
        severity: 'warning',
      })
      continue
    }
    imported++
    // A draft never had a public URL to keep.
    if (post.data.draft === true) continue
    const earlier = [
      oldUrl,
      ...post.aliases.map((alias) =>
        sitePath(alias.startsWith('/') ? alias : path.posix.join(oldUrl, '..', alias)),
      ),
    ]
    const known = history.articles[id] ?? []
    const added = [...new Set(earlier)].filter((url) => !known.includes(url))
    history.articles[id] = [...added, ...known]
    redirects += added.length
  }
  const copied = await copyStatics(options, bundles, diagnostics, shown)
  if (redirects > 0) await writePermalinkHistory(options.root, history)
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  return {
    found: sources.length,
    imported,
    copied,
    redirects,
    diagnostics: sortDiagnostics(diagnostics),
    summary: `Imported ${imported} of ${sources.length} ${options.generator} posts into content/, copied ${copied} files into public/, recorded ${redirects} earlier URLs in ${PERMALINK_HISTORY_FILE}${errors ? `; ${errors} error${errors === 1 ? '' : 's'}: those files were not imported` : ''}.`,
  }
}

/** One post read, mapped, validated and converted; undefined (with diagnostics) when it cannot be. */
async function preparePost(
  options: ImportOptions,
  found: FoundPost,
  file: string,
  diagnostics: Diagnostic[],
) {
  const layout = LAYOUTS[options.generator]
  const read = readSourcePost(file, await readFile(path.join(options.from, found.source), 'utf8'))
  if ('diagnostics' in read) {
    diagnostics.push(...read.diagnostics)
    return undefined
  }
  const mapped = mapFrontMatter(file, read.data, read.locate, found, options.generator)
  diagnostics.push(...mapped.diagnostics)
  if (mapped.diagnostics.some((d) => d.severity === 'error')) return undefined
  const id = typeof read.data.id === 'string' ? read.data.id : found.target.replace(/\.md$/, '')
  const checked = SCHEMA.safeParse({ ...mapped.data, id })
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = String(issue.path[0] ?? 'title')
      diagnostics.push({
        file,
        place: read.locate(mapped.origins[key] ?? key),
        message: `Not imported: ${key} ${issue.message} (after mapping, Warta’s front matter would not validate).`,
        hint: 'Correct the field in the archive, then import again.',
        ruleId: 'import-file',
        severity: 'error',
      })
    }
    return undefined
  }
  const oldUrl = sitePath(layout.defaultUrl(found, read.data, String(mapped.data.slug)))
  const converted = convertBody(file, read.body, read.bodyLine, options.generator)
  diagnostics.push(...converted.diagnostics)
  let body = converted.body
  if (found.bundle) {
    body = await pointAtBundle(options.from, found.bundle, body, oldUrl)
    const image = mapped.data.image
    if (typeof image === 'string' && !/^([a-z][a-z0-9+.-]*:|\/)/i.test(image))
      mapped.data.image = `${oldUrl}${image.replace(/^\.\//, '')}`
  }
  const data: Record<string, unknown> = { ...mapped.data, id }
  return { data, id, aliases: mapped.aliases, body, oldUrl }
}

/** A bundle's files are served beside its old URL: links to them by bare name point there. */
async function pointAtBundle(from: string, bundle: string, body: string, url: string): Promise<string> {
  const files = await fg('**/*', {
    cwd: path.join(from, bundle),
    ignore: ['**/*.md', '**/*.markdown'],
    onlyFiles: true,
  })
  let text = body
  for (const name of files) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const target = `${url.endsWith('/') ? url : `${url}/`}${name}`
    text = text.replace(
      new RegExp(`(\\]\\(\\s*|(?:src|href)=["'])(?:\\./)?${escaped}(?=[\\s)"'])`, 'g'),
      `$1${target}`,
    )
  }
  return text
}

async function copyStatics(
  options: ImportOptions,
  bundles: { post: FoundPost; url: string }[],
  diagnostics: Diagnostic[],
  shown: (source: string) => string,
): Promise<number> {
  const copies: { from: string; to: string }[] = []
  for (const statics of LAYOUTS[options.generator].statics)
    for (const file of await fg('**/*', {
      cwd: path.join(options.from, statics.from),
      onlyFiles: true,
      dot: false,
    }))
      copies.push({ from: path.posix.join(statics.from, file), to: path.posix.join(statics.to, file) })
  for (const { post, url } of bundles)
    for (const file of await fg('**/*', {
      cwd: path.join(options.from, post.bundle ?? ''),
      ignore: ['**/*.md', '**/*.markdown'],
      onlyFiles: true,
    }))
      copies.push({
        from: path.posix.join(post.bundle ?? '', file),
        to: path.posix.join(url, file).replace(/^\//, ''),
      })
  let copied = 0
  for (const copy of copies) {
    const result = await copyNewFile(
      path.join(options.from, copy.from),
      path.join(options.root, 'public', copy.to),
    )
    if (result === 'written') copied++
    else
      diagnostics.push({
        file: shown(copy.from),
        message: `Not copied: public/${copy.to} exists, and the import never replaces a file.`,
        hint: 'Move the existing file away if the archive’s should replace it, then import again.',
        ruleId: 'import-exists',
        severity: 'warning',
      })
  }
  return copied
}
