import { statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { loadConfig } from '../config/load-config.js'
import { WartaBuildError, WartaConfigError } from '../errors/build-error.js'
import { type Diagnostic, formatDiagnostic } from '../errors/diagnostic.js'
import { build } from '../pipeline/build.js'
import { buildShard, merge, parseShard } from '../pipeline/shards.js'
import { type CommandLine, parseCommandLine } from './commands.js'

type Print = (text: string) => void

/** Shows "articles done/total" on one line of an interactive terminal; nothing elsewhere. */
function createProgress(stream: NodeJS.WriteStream) {
  let last = 0
  return {
    update(done: number, total: number) {
      const now = Date.now()
      if (!stream.isTTY || total < 200 || (now - last < 100 && done < total)) return
      last = now
      const width = 24
      const filled = Math.round((done / total) * width)
      stream.write(`\r[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} articles`)
    },
    clear() {
      if (stream.isTTY && last) stream.write('\r\x1b[K')
    },
  }
}

/** Warnings shown one by one before the rest are only counted: a first build of an old archive can have thousands. */
const WARNINGS_SHOWN = 20

function printWarnings(warnings: readonly Diagnostic[], err: Print, all = false): void {
  const shown = all ? warnings.length : WARNINGS_SHOWN
  for (const warning of warnings.slice(0, shown)) err(formatDiagnostic(warning))
  if (warnings.length <= shown) return
  const byRule = new Map<string, number>()
  for (const warning of warnings.slice(shown))
    byRule.set(warning.ruleId, (byRule.get(warning.ruleId) ?? 0) + 1)
  const counts = [...byRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n}`)
  err(`…and ${warnings.length - shown} more warnings (${counts.join(', ')}); --verbose lists them all.`)
}

/** `--root` and `--config` name things that must exist: say which flag names what, before anything else. */
function missingPath(values: { root?: string; config?: string }): string | undefined {
  for (const [flag, given, kind] of [
    ['--root', values.root, 'folder'],
    ['--config', values.config, 'file'],
  ] as const) {
    if (given === undefined) continue
    const absolute = path.resolve(given)
    const info = statSync(absolute, { throwIfNoEntry: false })
    if (!info)
      return `${flag} ${given}: there is no ${kind} ${absolute}. Check the path, or run warta from the site folder without ${flag}.`
    if (kind === 'folder' && !info.isDirectory())
      return `${flag} ${given}: ${absolute} is a file, not a folder. Use --config for a config file.`
  }
  return undefined
}

/** Prints what made a run fail; returns the exit code, or `undefined` for an error that is not Warta's to explain. */
function reportFailure(error: unknown, err: Print): number | undefined {
  if (error instanceof WartaBuildError) {
    err(error.diagnostics.map(formatDiagnostic).join('\n'))
    const count = error.diagnostics.filter((d) => d.severity === 'error').length
    err(`\nBuild failed: ${count} error${count === 1 ? '' : 's'}. The previous output was left as it was.`)
    return 1
  }
  if (error instanceof WartaConfigError) {
    err(
      error.file
        ? error.diagnostics.map(formatDiagnostic).join('\n')
        : `Config error: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}`,
    )
    return 1
  }
  return undefined
}

/** Runs the CLI; returns the exit code. */
export async function main(
  argv: string[],
  out: Print = console.log,
  err: Print = console.error,
): Promise<number> {
  const line = parseCommandLine(argv)
  if (line.kind === 'mistake') {
    err(line.text)
    return 2
  }
  if (line.kind === 'help') {
    out(line.text)
    return 0
  }
  if (line.kind === 'version') {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    out(pkg.version)
    return 0
  }
  const { command, values, args } = line
  const missing = missingPath(values)
  if (missing) {
    err(missing)
    return 2
  }
  if (command === 'import') {
    // Before any config: a site being started by an import may have none yet.
    const { runImportCommand } = await import('./import-command.js')
    return await runImportCommand(args, { from: values.from, root: values.root }, out, err)
  }
  try {
    return await run(command, values, args, out, err)
  } catch (error) {
    const code = reportFailure(error, err)
    if (code === undefined) throw error
    return code
  }
}

async function run(
  command: string,
  values: Extract<CommandLine, { kind: 'run' }>['values'],
  args: string[],
  out: Print,
  err: Print,
): Promise<number> {
  const { config, file } = await loadConfig(values.config ?? values.root ?? '.')
  const overrides = {
    drafts: values.drafts,
    future: values.future,
    outDir: values.out ? path.resolve(values.out) : undefined,
    configFile: file,
  }
  if (command === 'build' && values.shard) {
    const report = await buildShard(config, parseShard(values.shard), overrides)
    out(report.summary)
    return 0
  }
  if (command === 'merge') {
    const report = await merge(config, args, {
      ...overrides,
      cache: !values['no-cache'],
      strict: values.strict,
    })
    printWarnings(report.diagnostics, err, values.verbose)
    out(report.summary)
    return 0
  }
  if (command === 'theme') {
    const { runThemeCommand } = await import('./theme-eject.js')
    return await runThemeCommand(config, args, out, err, overrides)
  }
  if (command === 'dev') {
    const { runDevCommand } = await import('./dev-command.js')
    return await runDevCommand(
      config,
      { ...overrides, port: values.port, host: values.host, open: values.open },
      out,
      err,
    )
  }
  const progress = createProgress(process.stderr)
  const report = await build(config, {
    ...overrides,
    cache: !values['no-cache'],
    strict: values.strict,
    onProgress: progress.update,
  })
  progress.clear()
  printWarnings(report.diagnostics, err, values.verbose)
  for (const redirect of report.redirectsAdded)
    out(`Added redirect ${redirect.from} → ${redirect.to} (${redirect.source})`)
  out(report.summary)
  return 0
}
