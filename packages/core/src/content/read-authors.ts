import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fg from 'fast-glob'
import { z } from 'zod'
import type { Diagnostic } from '../errors/diagnostic.js'
import { isSafeUrl } from './article-schema.js'
import { normalizeSource, parseYamlData } from './front-matter.js'
import { validateFrontMatter } from './validate-front-matter.js'

/** A person who writes for the site, from the `authors/` folder. */
export interface AuthorEntity {
  /** The file name without extension: what front matter refers to. */
  id: string
  name: string
  role?: string
  bio?: string
  /** Portrait: site-relative or http(s) URL. */
  photo?: string
  /** Profiles elsewhere (the author's own site, social accounts). */
  links: { label: string; url: string }[]
}

const safeUrl = z
  .string()
  .trim()
  .min(1)
  .refine(isSafeUrl, { message: 'must be an http(s) URL or a site-relative path' })

const authorSchema = z.object({
  name: z.string().trim().min(1),
  role: z.string().trim().min(1).optional(),
  bio: z.string().trim().min(1).optional(),
  photo: safeUrl.optional(),
  links: z.array(z.object({ label: z.string().trim().min(1), url: safeUrl })).optional(),
})

/**
 * Reads `authors/<id>.yml` (or `.yaml`) files: one person each. A site without the folder
 * has no author entities, and front matter authors are plain names.
 */
export async function readAuthors(
  root: string,
): Promise<{ authors: Map<string, AuthorEntity>; diagnostics: Diagnostic[]; files: string[] }> {
  const dir = path.join(root, 'authors')
  const names = (await fg('*.{yml,yaml}', { cwd: dir, onlyFiles: true, followSymbolicLinks: false })).sort()
  const authors = new Map<string, AuthorEntity>()
  const diagnostics: Diagnostic[] = []
  for (const name of names) {
    const file = `authors/${name}`
    const parsed = parseYamlData(file, normalizeSource(await readFile(path.join(dir, name), 'utf8')))
    if ('diagnostics' in parsed) {
      diagnostics.push(...parsed.diagnostics)
      continue
    }
    const validated = validateFrontMatter(file, parsed, authorSchema)
    if ('diagnostics' in validated) {
      diagnostics.push(...validated.diagnostics)
      continue
    }
    const id = name.replace(/\.ya?ml$/, '')
    authors.set(id, { id, ...validated.data, links: validated.data.links ?? [] })
  }
  return { authors, diagnostics, files: names.map((n) => path.join(dir, n)) }
}
