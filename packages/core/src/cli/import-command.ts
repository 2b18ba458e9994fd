import path from 'node:path'
import { formatDiagnostic } from '../errors/diagnostic.js'
import { GENERATORS, type Generator } from '../import/generators.js'
import { importArchive } from '../import/import-archive.js'

type Print = (text: string) => void

/** `warta import <dir> --from hugo|jekyll|eleventy|astro [--root <site>]`; returns the exit code. */
export async function runImportCommand(
  args: string[],
  options: { from?: string; root?: string },
  out: Print,
  err: Print,
): Promise<number> {
  const [dir, ...extra] = args
  const from = options.from as Generator | undefined
  if (!dir || extra.length > 0 || !from || !GENERATORS.includes(from)) {
    err(
      `warta import needs the archive folder and the generator it comes from, e.g. \`warta import ../old-blog --from hugo\` (--from ${GENERATORS.join(', ')}).`,
    )
    return 2
  }
  const report = await importArchive({
    from: path.resolve(dir),
    generator: from,
    root: path.resolve(options.root ?? '.'),
    label: dir,
  })
  for (const diagnostic of report.diagnostics) err(formatDiagnostic(diagnostic))
  out(report.summary)
  return report.diagnostics.some((d) => d.severity === 'error') ? 1 : 0
}
