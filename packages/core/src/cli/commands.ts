import { parseArgs } from 'node:util'
import { closestOption } from '../util/closest-word.js'

/** One command-line option. */
interface Flag {
  type: 'string' | 'boolean'
  short?: string
  /** The value's placeholder in help, for string options. */
  value?: string
  /** What it does, for help. */
  text: string
}

/** Every option of every command; each command lists the ones it takes. */
export const FLAGS = {
  root: {
    type: 'string',
    value: '<dir>',
    text: 'Site folder holding warta.config.(ts|mts|js|mjs) (default: .)',
  },
  config: { type: 'string', value: '<file>', text: 'Config file, when not in the site folder' },
  out: { type: 'string', value: '<dir>', text: 'Output folder (default: the config’s outDir, else dist)' },
  drafts: { type: 'boolean', text: 'Include articles with draft: true' },
  future: { type: 'boolean', text: 'Include articles dated in the future (pages get noindex)' },
  'no-cache': { type: 'boolean', text: 'Process every article afresh, ignoring the build cache' },
  strict: { type: 'boolean', text: 'Quality warnings (alt text, broken links, long titles…) fail the build' },
  verbose: { type: 'boolean', text: 'Print every warning, not only the first 20' },
  shard: {
    type: 'string',
    value: '<i/n>',
    text: 'Process only shard i of n (for CI matrices); then `warta merge`',
  },
  port: { type: 'string', value: '<n>', text: 'Port (default 4321; 0 picks a free one)' },
  host: { type: 'string', value: '<name>', text: 'Interface to listen on (default 127.0.0.1)' },
  open: { type: 'boolean', text: 'Open the browser' },
  from: {
    type: 'string',
    value: '<generator>',
    text: 'The generator an archive comes from: hugo, jekyll, eleventy or astro',
  },
  help: { type: 'boolean', short: 'h', text: 'Show this help' },
  version: { type: 'boolean', short: 'v', text: 'Show the version' },
} as const satisfies Record<string, Flag>

/** An option's name, without its dashes. */
export type FlagName = keyof typeof FLAGS

/** One command: what it does, the options it takes, and how many words follow it. */
interface Command {
  usage: string
  summary: string
  flags: readonly FlagName[]
  /** How many arguments follow the command word, and what they are, for the message when they are missing. */
  args: { min: number; max: number; what?: string }
}

const SITE: readonly FlagName[] = ['root', 'config']

/** The commands, in the order help lists them. */
export const COMMANDS: Record<string, Command> = {
  build: {
    usage: 'warta build [options]',
    summary: 'Build the site into its output folder.',
    flags: [...SITE, 'out', 'drafts', 'future', 'no-cache', 'strict', 'verbose', 'shard'],
    args: { min: 0, max: 0 },
  },
  dev: {
    usage: 'warta dev [options]',
    summary: 'Build, serve on 127.0.0.1 and rebuild on every change.',
    flags: [...SITE, 'out', 'drafts', 'future', 'port', 'host', 'open'],
    args: { min: 0, max: 0 },
  },
  merge: {
    usage: 'warta merge <shard dirs…> [options]',
    summary: 'Build the whole site from the outputs of `warta build --shard`.',
    flags: [...SITE, 'out', 'drafts', 'future', 'no-cache', 'strict', 'verbose'],
    args: {
      min: 1,
      max: Number.POSITIVE_INFINITY,
      what: 'the shard output folders, e.g. `warta merge shard-1 shard-2 shard-3`',
    },
  },
  import: {
    usage: 'warta import <dir> --from hugo|jekyll|eleventy|astro [--root <site>]',
    summary: 'Import another generator’s posts into content/, never replacing a file.',
    flags: ['root', 'from'],
    args: { min: 1, max: 1, what: 'the archive folder, e.g. `warta import ../old-blog --from hugo`' },
  },
  theme: {
    usage: 'warta theme eject <partial> [options]',
    summary: 'Copy a theme partial into partials/ to edit it (e.g. card, icons/whatsapp).',
    flags: SITE,
    args: { min: 0, max: 2 },
  },
}

const optionLine = (name: FlagName) => {
  const flag: Flag = FLAGS[name]
  const label = `${flag.short ? `-${flag.short}, ` : ''}--${name}${'value' in flag ? ` ${flag.value}` : ''}`
  return `  ${label.padEnd(18)} ${flag.text}`
}

/** `warta --help`: every command, and the options they share. */
export const HELP = `Usage: warta <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(18)} ${command.summary.replace(/\.$/, '')}`)
  .join('\n')}

Options (\`warta <command> --help\` lists a command's own):
${(Object.keys(FLAGS) as FlagName[]).map(optionLine).join('\n')}
`

/** `warta <command> --help`: what the command does and the options it takes. */
export const commandHelp = (command: Command): string =>
  `Usage: ${command.usage}\n\n${command.summary}\n\nOptions:\n${[...command.flags, 'help' as const]
    .map(optionLine)
    .join('\n')}\n`

type Values = { [K in FlagName]?: (typeof FLAGS)[K]['type'] extends 'string' ? string : boolean }

/** What the command line asks for: a command to run, help or the version, or a mistake to report. */
export type CommandLine =
  | { kind: 'run'; command: string; values: Values; args: string[] }
  | { kind: 'help'; text: string }
  | { kind: 'version' }
  | { kind: 'mistake'; text: string }

/** `warta build, warta merge`: the commands that take an option. */
const ownersOf = (flag: FlagName) =>
  Object.keys(COMMANDS)
    .filter((c) => (COMMANDS[c] as Command).flags.includes(flag))
    .map((c) => `warta ${c}`)
    .join(', ')

const seeHelp = (command?: string) =>
  command ? `Run \`warta ${command} --help\` for its options.` : 'Run `warta --help` for the commands.'

/**
 * Reads the command line, refusing what would be silently ignored: an unknown command or
 * option, an option of another command, arguments a command does not take.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed: { values: Values; positionals: string[] }
  const word = argv.find((a) => !a.startsWith('-'))
  const named = word && word in COMMANDS ? word : undefined
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: FLAGS,
    }) as typeof parsed
  } catch (error) {
    const flag = /'(-{1,2}[^' =]+)/.exec((error as Error).message)?.[1]
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
      const own = (named ? [...(COMMANDS[named] as Command).flags, 'help'] : Object.keys(FLAGS)) as string[]
      const typed = flag.replace(/^-+/, '')
      const meant = closestOption(typed, own)
      const elsewhere = meant ? undefined : closestOption(typed, Object.keys(FLAGS))
      const suggestion = meant
        ? ` Did you mean --${meant}?`
        : elsewhere
          ? ` (--${elsewhere} is an option of ${ownersOf(elsewhere as FlagName)}.)`
          : ''
      return {
        kind: 'mistake',
        text: `Unknown option ${flag}${named ? ` for warta ${named}` : ''}.${suggestion} ${seeHelp(named)}`,
      }
    }
    return {
      kind: 'mistake',
      text: `${(error as Error).message.split('. To specify')[0]}. ${seeHelp(named)}`,
    }
  }
  const { values, positionals } = parsed
  if (values.version) return { kind: 'version' }
  const [name, ...args] = positionals
  if (!name) return values.help ? { kind: 'help', text: HELP } : { kind: 'mistake', text: HELP }
  const command = COMMANDS[name]
  if (!command) {
    const meant = closestOption(name, Object.keys(COMMANDS))
    return {
      kind: 'mistake',
      text: `Unknown command "${name}".${meant ? ` Did you mean "${meant}"?` : ''} The commands are ${Object.keys(COMMANDS).join(', ')}.`,
    }
  }
  if (values.help) return { kind: 'help', text: commandHelp(command) }
  const foreign = (Object.keys(values) as FlagName[]).find((flag) => !command.flags.includes(flag))
  if (foreign)
    return {
      kind: 'mistake',
      text: `--${foreign} is not an option of warta ${name} (it is one of ${ownersOf(foreign)}). ${seeHelp(name)}`,
    }
  if (args.length > command.args.max) {
    const extra = args.slice(command.args.max)
    const asRoot =
      command.args.max === 0 && extra.length === 1 ? ` To build another folder, use --root ${extra[0]}.` : ''
    return {
      kind: 'mistake',
      text: `warta ${name} takes ${command.args.max === 0 ? 'no arguments' : `at most ${command.args.max}`}, but was given ${extra.map((a) => `"${a}"`).join(' ')}.${asRoot} ${seeHelp(name)}`,
    }
  }
  if (name === 'theme' && args[0] !== 'eject')
    return {
      kind: 'mistake',
      text: `${args[0] === undefined ? 'warta theme needs a subcommand' : `Unknown theme command "${args[0]}"`}: warta theme eject <partial> copies a partial of the theme into partials/. ${seeHelp(name)}`,
    }
  if (args.length < command.args.min)
    return { kind: 'mistake', text: `warta ${name} needs ${command.args.what}. ${seeHelp(name)}` }
  return { kind: 'run', command: name, values, args }
}
