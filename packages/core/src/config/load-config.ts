import { access, readFile } from 'node:fs/promises'
import path from 'node:path'
import { WartaConfigError } from '../errors/build-error.js'
import type { WartaConfig } from './types.js'

/** Config file names, in the order they are looked for. */
export const CONFIG_FILES = [
  'warta.config.ts',
  'warta.config.mts',
  'warta.config.js',
  'warta.config.mjs',
] as const

/** Finds the config file in a site folder. */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  for (const name of CONFIG_FILES) {
    const file = path.join(dir, name)
    if (
      await access(file).then(
        () => true,
        () => false,
      )
    )
      return file
  }
  return undefined
}

/**
 * Loads a site's config file (TypeScript or JavaScript) fresh from disk, so a changed
 * config is seen on reload. `root` defaults to the file's folder.
 */
export async function loadConfig(dirOrFile: string): Promise<{ config: WartaConfig; file: string }> {
  const file = dirOrFile.match(/\.[cm]?[jt]s$/)
    ? path.resolve(dirOrFile)
    : await findConfigFile(path.resolve(dirOrFile))
  if (!file) {
    throw new WartaConfigError(
      `No config file in ${path.resolve(dirOrFile)}. Create warta.config.ts exporting \`defineConfig({ site: { title, url }, theme })\`.`,
    )
  }
  // Loaded only here: a build given a config object never pays for the TypeScript loader.
  const { createJiti } = await import('jiti')
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false, interopDefault: true })
  let loaded: unknown
  try {
    // jiti hands .mjs (and .js of an ESM package) to Node's import(), which caches modules by
    // URL for the life of the process: the preview would never see an edit. Transpiled like
    // a .ts file, it is read afresh each time, with the files it imports.
    if (/\.m?js$/.test(file)) {
      const module = (await jiti.evalModule(await readFile(file, 'utf8'), {
        filename: file,
        async: true,
        forceTranspile: true,
      })) as { default?: unknown }
      loaded = module && typeof module === 'object' && 'default' in module ? module.default : module
    } else loaded = await jiti.import(file, { default: true })
  } catch (error) {
    throw new WartaConfigError(`Could not load ${file}: ${(error as Error).message}`, { cause: error })
  }
  const config = (typeof loaded === 'function' ? await loaded() : loaded) as WartaConfig
  if (!config || typeof config !== 'object')
    throw new WartaConfigError(`${file} must export a config: \`export default defineConfig({...})\`.`)
  return { config: { ...config, root: path.resolve(path.dirname(file), config.root ?? '.') }, file }
}
