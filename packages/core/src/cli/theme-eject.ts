import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { type BuildOverrides, resolveConfig } from '../config/resolve-config.js'
import type { Theme } from '../config/theme.js'
import type { WartaConfig } from '../config/types.js'
import {
  EJECTED_MANIFEST,
  type EjectedPartials,
  hashPartial,
  listThemePartials,
  parsePartialName,
  partialFile,
  readEjectedPartials,
} from '../render/ejected-partials.js'
import { compareText } from '../util/compare-text.js'
import { writeEjectedPartial } from '../write/write-site-files.js'

/** Why a partial could not be ejected, said so that the person can act on it. */
export class ThemeEjectError extends Error {
  override name = 'ThemeEjectError'
}

/** What `ejectPartial` needs. */
export interface EjectPartialOptions {
  /** The site folder; the copy goes to its `partials/`. */
  root: string
  /** The theme to copy from: `<theme.dir>/partials/<name>.hbs`. */
  theme: Theme
  /** The partial's name, as templates call it: `card`, `icons/whatsapp` (`.hbs` optional). */
  name: string
}

const USAGE = 'Usage: warta theme eject <partial>'

const listing = (names: readonly string[]) =>
  names.length > 0 ? `Its partials: ${names.join(', ')}.` : 'It has no partials.'

function serialize(partials: EjectedPartials): string {
  const sorted = Object.fromEntries(Object.entries(partials).sort(([a], [b]) => compareText(a, b)))
  return `${JSON.stringify(sorted, null, 2)}\n`
}

/**
 * Copies one of the theme's partials into the site's `partials/` folder, where it replaces
 * the theme's and can be edited, and records the original's hash in
 * `partials/.ejected.json` so that builds can warn when the theme changes it
 * (`checkEjectedPartials`). Never overwrites: rejects with a `ThemeEjectError` when the
 * site already has the partial, when the name would leave the folder, or when the theme
 * has no such partial (listing those it has). Resolves to the copy's absolute path.
 */
export async function ejectPartial(options: EjectPartialOptions): Promise<{ file: string }> {
  const { root, theme } = options
  const parsed = parsePartialName(options.name)
  if ('error' in parsed)
    throw new ThemeEjectError(
      `"${options.name}" is not a partial name: ${parsed.error}. Names are paths inside partials/, such as card or icons/whatsapp.`,
    )
  const name = parsed.name
  const source = await readFile(partialFile(path.join(theme.dir, 'partials'), name)).catch(() => undefined)
  if (source === undefined)
    throw new ThemeEjectError(
      `The theme ${theme.name} has no partial "${name}". ${listing(await listThemePartials(theme))}`,
    )
  const partialsDir = path.join(root, 'partials')
  const manifest = await readEjectedPartials(partialsDir)
  if ('error' in manifest)
    throw new ThemeEjectError(`partials/${EJECTED_MANIFEST} cannot be read: ${manifest.error}. Fix it first.`)
  const file = partialFile(partialsDir, name)
  const partials = { ...manifest.partials, [name]: { hash: hashPartial(source), theme: theme.name } }
  const written = await writeEjectedPartial(
    file,
    source,
    path.join(partialsDir, EJECTED_MANIFEST),
    serialize(partials),
  )
  if (!written)
    throw new ThemeEjectError(
      `partials/${name}.hbs already exists, and ejecting would overwrite it. Rename or delete it first to eject the theme's version again.`,
    )
  return { file }
}

/**
 * `warta theme eject <partial>`: `args` are the words after `theme`. Prints what it did,
 * or why it could not; returns the exit code (2 for a usage mistake, 1 for a refusal).
 */
export async function runThemeCommand(
  config: WartaConfig,
  args: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
  overrides: BuildOverrides = {},
): Promise<number> {
  const [subcommand, name, ...extra] = args
  const resolved = resolveConfig(config, overrides)
  if (subcommand !== 'eject' || extra.length > 0) {
    err(`${USAGE}\n\nCopies a partial of the theme into partials/ to edit it there.`)
    return 2
  }
  if (!name) {
    err(`${USAGE}\n\nThe theme ${resolved.theme.name}: ${listing(await listThemePartials(resolved.theme))}`)
    return 2
  }
  try {
    const { file } = await ejectPartial({ root: resolved.root, theme: resolved.theme, name })
    const shown = path.relative(resolved.root, file).split(path.sep).join('/')
    out(
      `Copied the theme's partial to ${shown}: edit it there. Builds warn when the theme's original changes (recorded in partials/${EJECTED_MANIFEST}).`,
    )
    return 0
  } catch (error) {
    if (!(error instanceof ThemeEjectError)) throw error
    err(error.message)
    return 1
  }
}
