import fg from 'fast-glob'

/** Patterns never treated as articles: editor temp files and hidden folders. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.*', '**/.*/**', '**/*~', '**/#*#']

/** Lists markdown sources under the content folder, relative to it, sorted. */
export async function findSources(contentDir: string, ignore: readonly string[] = []): Promise<string[]> {
  const paths = await fg('**/*.md', {
    cwd: contentDir,
    ignore: [...ALWAYS_IGNORED, ...ignore],
    onlyFiles: true,
    followSymbolicLinks: false,
    dot: false,
  })
  return paths.sort()
}
