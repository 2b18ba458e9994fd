import { createHash } from 'node:crypto'
import { access, readFile } from 'node:fs/promises'
import path from 'node:path'
import fg from 'fast-glob'
import type { Theme } from '../config/theme.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import { compareText } from '../util/compare-text.js'

/** The file in a site's `partials/` folder recording which partials were copied from the theme. */
export const EJECTED_MANIFEST = '.ejected.json'

/** What `.ejected.json` records of one ejected partial. */
export interface EjectedPartial {
  /** `hashPartial` of the theme's original at the time it was copied. */
  hash: string
  /** The name of the theme it was copied from. */
  theme: string
}

/** `.ejected.json`: ejected partials by name (`card`, `icons/whatsapp`). */
export type EjectedPartials = Record<string, EjectedPartial>

/**
 * Hash of a partial's text: SHA-256, hex, of the text with LF line endings, so that a
 * theme checked out with CRLF endings does not count as changed.
 */
export function hashPartial(source: string | Uint8Array): string {
  const text = typeof source === 'string' ? source : Buffer.from(source).toString('utf8')
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n')).digest('hex')
}

/**
 * Checks a partial name as written on the command line or in `.ejected.json`: a path
 * inside `partials/` with forward slashes (`card`, `icons/whatsapp`), `.hbs` optional.
 * Returns the name without `.hbs`, or why it is refused.
 */
export function parsePartialName(name: string): { name: string } | { error: string } {
  const bare = name.trim().replace(/\.hbs$/, '')
  if (bare === '') return { error: 'the name is empty' }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f\\:]/.test(bare))
    return { error: 'it contains a backslash, colon or control character' }
  if (bare.startsWith('/')) return { error: 'it is an absolute path' }
  const segments = bare.split('/')
  if (segments.some((s) => s === '' || s === '.' || s === '..'))
    return { error: 'it has an empty, "." or ".." segment, which could leave the partials folder' }
  return { name: bare }
}

/** The file of partial `name` (already parsed) in a `partials/` folder. */
export const partialFile = (partialsDir: string, name: string): string =>
  `${path.join(partialsDir, ...name.split('/'))}.hbs`

/** The names of a theme's partials, sorted: `card`, `icons/whatsapp`… */
export async function listThemePartials(theme: Pick<Theme, 'dir'>): Promise<string[]> {
  const files = await fg('**/*.hbs', {
    cwd: path.join(theme.dir, 'partials'),
    onlyFiles: true,
    followSymbolicLinks: false,
  })
  return files.map((file) => file.replace(/\.hbs$/, '')).sort()
}

const isEntry = (value: unknown): value is EjectedPartial =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as EjectedPartial).hash === 'string' &&
  typeof (value as EjectedPartial).theme === 'string'

/**
 * Reads a site's `partials/.ejected.json`: `{}` when there is none, an error saying what
 * is wrong when it is not an object of `{ hash, theme }` entries.
 */
export async function readEjectedPartials(
  partialsDir: string,
): Promise<{ partials: EjectedPartials } | { error: string }> {
  const text = await readFile(path.join(partialsDir, EJECTED_MANIFEST), 'utf8').catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw error
    },
  )
  if (text === undefined) return { partials: {} }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { error: `it is not valid JSON (${(error as Error).message})` }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { error: 'it must be an object of partial names' }
  const partials: EjectedPartials = {}
  for (const [name, entry] of Object.entries(data)) {
    if (!isEntry(entry)) return { error: `the entry "${name}" must be { "hash": "…", "theme": "…" }` }
    partials[name] = { hash: entry.hash, theme: entry.theme }
  }
  return { partials }
}

/** What `checkEjectedPartials` needs. */
export interface CheckEjectedPartialsOptions {
  /** The site folder, holding `partials/`. */
  root: string
  /** The theme the site uses now. */
  theme: Theme
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  )

const toSlashes = (file: string) => file.split(path.sep).join('/')

/**
 * Warns (`ejected-partial-outdated`) about partials a site copied from its theme with
 * `warta theme eject` whose original in the theme has changed since: the site's copy
 * replaces the theme's, so the theme's fixes and features no longer reach the site.
 * Also warns when the theme no longer has the partial, or the copy came from another
 * theme, and (`ejected-manifest-invalid`) when `.ejected.json` cannot be read.
 * Reads files, writes none; a partial whose copy was deleted is not checked.
 */
export async function checkEjectedPartials(options: CheckEjectedPartialsOptions): Promise<Diagnostic[]> {
  const { root, theme } = options
  const partialsDir = path.join(root, 'partials')
  const manifestPath = `partials/${EJECTED_MANIFEST}`
  const read = await readEjectedPartials(partialsDir)
  if ('error' in read) {
    return [
      {
        file: manifestPath,
        message: `${manifestPath} cannot be read: ${read.error}.`,
        hint: 'Fix it, or delete it to stop checking ejected partials against the theme.',
        ruleId: 'ejected-manifest-invalid',
        severity: 'warning',
      },
    ]
  }
  const diagnostics: Diagnostic[] = []
  for (const [written, entry] of Object.entries(read.partials).sort(([a], [b]) => compareText(a, b))) {
    const parsed = parsePartialName(written)
    if ('error' in parsed) {
      diagnostics.push({
        file: manifestPath,
        message: `${manifestPath} names the partial "${written}", but ${parsed.error}.`,
        hint: 'Remove the entry; names are paths inside partials/, such as card or icons/whatsapp.',
        ruleId: 'ejected-manifest-invalid',
        severity: 'warning',
      })
      continue
    }
    const name = parsed.name
    const copy = partialFile(partialsDir, name)
    if (!(await exists(copy))) continue
    const file = toSlashes(path.relative(root, copy))
    const original = partialFile(path.join(theme.dir, 'partials'), name)
    const originalShown = toSlashes(path.relative(root, original))
    const report = (message: string, hint: string) =>
      diagnostics.push({ file, message, hint, ruleId: 'ejected-partial-outdated', severity: 'warning' })
    if (entry.theme !== theme.name) {
      report(
        `${file} was ejected from the theme ${entry.theme}, but the site now uses ${theme.name}.`,
        `Compare it with ${originalShown}; then delete it and run \`warta theme eject ${name}\` again, or set its theme in ${manifestPath} to "${theme.name}".`,
      )
      continue
    }
    const source = await readFile(original).catch(() => undefined)
    if (source === undefined) {
      report(
        `${file} was ejected from the theme’s partial "${name}", which ${theme.name} no longer has.`,
        `If no template uses it any more, delete ${file} and its entry in ${manifestPath}.`,
      )
      continue
    }
    const hash = hashPartial(source)
    if (hash === entry.hash) continue
    report(
      `The theme’s original of ${file} has changed since it was ejected; the site’s copy does not have the changes.`,
      `Compare ${file} with ${originalShown} and carry over what you need, then set its hash in ${manifestPath} to "${hash}"; or delete ${file} and run \`warta theme eject ${name}\` again.`,
    )
  }
  return diagnostics
}
