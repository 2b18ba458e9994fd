import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config/load-config.js'
import { WartaBuildError, WartaConfigError } from '../errors/build-error.js'
import { type Diagnostic, formatDiagnostic } from '../errors/diagnostic.js'
import { build } from '../pipeline/build.js'
import { buildShard, merge, parseShard } from '../pipeline/shards.js'

const HELP = `Usage: warta <command> [options]

Commands:
  build            Build the site into its output folder
  dev              Build, serve on 127.0.0.1 and rebuild on every change
  merge <dirs…>    Build the whole site from the outputs of \`build --shard\`
  theme eject <partial>  Copy a theme partial into partials/ to edit it (e.g. card, icons/whatsapp)
  import <dir> --from hugo|jekyll|eleventy|astro
                   Import another generator's posts into content/ (never replacing a file)

Options:
  --root <dir>     Site folder holding warta.config.(ts|js|mjs) (default: .)
  --config <file>  Config file, when not in the site folder
  --out <dir>      Output folder (default: the config's outDir, else dist)
  --drafts         Include articles with draft: true
  --future         Include articles dated in the future (pages get noindex)
  --no-cache       build: process every article afresh, ignoring the build cache
  --strict         build: quality warnings (alt text, broken links, long titles…) fail the build
  --verbose        build: print every warning, not only the first 20
  --shard <i/n>    build: process only shard i of n (for CI matrices); then \`warta merge\`
  --port <n>       dev: port (default 4321; 0 picks a free one)
  --host <name>    dev: interface to listen on (default 127.0.0.1)
  --open           dev: open the browser
  -h, --help       Show this help
  -v, --version    Show the version
`

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

/** Runs the CLI; returns the exit code. */
export async function main(
  argv: string[],
  out: Print = console.log,
  err: Print = console.error,
): Promise<number> {
  let args: ReturnType<typeof parse>
  try {
    args = parse(argv)
  } catch (error) {
    err(`${(error as Error).message}\n\n${HELP}`)
    return 2
  }
  const { values, positionals } = args
  if (values.version) {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    out(pkg.version)
    return 0
  }
  const command = positionals[0]
  if (values.help || !command) {
    out(HELP)
    return command || values.help ? 0 : 2
  }
  if (command === 'import') {
    // Before any config: a site being started by an import may have none yet.
    const { runImportCommand } = await import('./import-command.js')
    return await runImportCommand(positionals.slice(1), { from: values.from, root: values.root }, out, err)
  }
  try {
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
      const dirs = positionals.slice(1)
      if (dirs.length === 0) {
        err('warta merge needs the shard output folders, e.g. `warta merge shard-1 shard-2 shard-3`.')
        return 2
      }
      const report = await merge(config, dirs, { ...overrides, cache: !values['no-cache'] })
      printWarnings(report.diagnostics, err, values.verbose)
      out(report.summary)
      return 0
    }
    if (command === 'theme') {
      const { runThemeCommand } = await import('./theme-eject.js')
      return await runThemeCommand(config, positionals.slice(1), out, err, overrides)
    }
    if (command === 'build') {
      const progress = createProgress(process.stderr)
      const report = await build(config, {
        ...overrides,
        cache: !values['no-cache'],
        onProgress: progress.update,
      })
      progress.clear()
      printWarnings(report.diagnostics, err, values.verbose)
      for (const redirect of report.redirectsAdded)
        out(`Added redirect ${redirect.from} → ${redirect.to} (${redirect.source})`)
      out(report.summary)
      return 0
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
    err(`Unknown command "${command}".\n\n${HELP}`)
    return 2
  } catch (error) {
    if (error instanceof WartaBuildError) {
      err(error.diagnostics.map(formatDiagnostic).join('\n'))
      const count = error.diagnostics.filter((d) => d.severity === 'error').length
      err(`\nBuild failed: ${count} error${count === 1 ? '' : 's'}. The previous output was left as it was.`)
      return 1
    }
    if (error instanceof WartaConfigError) {
      err(`Config error: ${error.message}`)
      return 1
    }
    throw error
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      config: { type: 'string' },
      out: { type: 'string' },
      drafts: { type: 'boolean' },
      future: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      open: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      shard: { type: 'string' },
      from: { type: 'string' },
      strict: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  })
}
