import path from 'node:path'
import type { ImageFile } from '../images/site-images-of.js'
import type { PathRegistry } from '../routes/route-site.js'
import type { BuiltFile, BuiltFiles } from './built-files.js'
import type { SiteInputs } from './site-inputs.js'

// The files of a run besides its pages, in the order their paths are claimed: a path already
// taken (by a page, or a file before) is the later one's collision, reported by the registry.

/** Redirects, then generated files (feeds, sitemaps) where no page took their path. */
export async function addOtherFiles(
  files: BuiltFiles,
  registry: PathRegistry,
  redirects: readonly BuiltFile[],
  generated: readonly BuiltFile[],
): Promise<void> {
  for (const file of redirects) await files.add(file)
  for (const file of generated)
    if (registry.claim(`/${file.path}`, 'generated outputs')) await files.add(file)
}

/** The image stage's files, where nothing took their path. */
export async function addImageFiles(
  files: BuiltFiles,
  registry: PathRegistry,
  made: readonly ImageFile[],
): Promise<void> {
  for (const file of made) if (registry.claim(`/${file.path}`, 'the image stage')) await files.add(file)
}

/** The theme's assets, then the site's public files where no page took their path, but for SVGs the image stage refused. */
export async function addStaticFiles(
  files: BuiltFiles,
  registry: PathRegistry,
  inputs: SiteInputs,
  root: string,
  refused: ReadonlySet<string>,
): Promise<void> {
  for (const asset of inputs.assets)
    await files.add({ path: asset.outputPath, key: asset.outputPath, contents: asset.contents })
  for (const file of inputs.publicFiles) {
    const source = path.relative(root, file.from).split(path.sep).join('/')
    if (refused.has(source)) continue
    if (registry.claim(`/${file.path}`, source)) await files.add(file)
  }
}
