// The README's examples, run as a reader runs them: the "Use it from code" script saved in a
// copy of the example site and run with node there, and `warta build` in it. What they print
// must be what the README says they print (the time aside). Needs `pnpm build` first.
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ProcessRun, runProcess } from '../run-process.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
let readme: string
let site: string

async function run(args: string[], cwd: string): Promise<ProcessRun> {
  // A reader's terminal: no package manager's variables (INIT_CWD changes how paths print).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(npm_|pnpm_|INIT_CWD$)/i.test(k)),
  )
  const { code, out, err } = await runProcess(process.execPath, args, { cwd, env, timeout: 60_000 })
  return { code, out: out.trimEnd(), err: err.trimEnd() }
}

/** The first fenced block after a heading of the README. */
function blockAfter(heading: string): string {
  const start = readme.indexOf(heading)
  if (start < 0) throw new Error(`README has no "${heading}"`)
  const block = /```\w*\n([\s\S]*?)```/.exec(readme.slice(start))
  if (!block?.[1]) throw new Error(`README has no code block after "${heading}"`)
  return block[1]
}

/** A build summary with its time taken out. */
const untimed = (line: string) => line.replace(/in \d+ ms/, 'in … ms')

beforeAll(async () => {
  readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8')
  // A copy of the example, with its packages linked as the workspace links them.
  const folder = await mkdtemp(path.join(repoRoot, 'examples', '.tmp-readme-'))
  site = path.join(folder, 'kaltim')
  await cp(path.join(repoRoot, 'examples', 'kaltim'), site, {
    recursive: true,
    filter: (source) => !/[/\\](dist|\.warta|node_modules)$/.test(source),
  })
  await mkdir(path.join(site, 'node_modules', '@warta'), { recursive: true })
  for (const name of ['core', 'theme-news'])
    await symlink(path.join(repoRoot, 'packages', name), path.join(site, 'node_modules', '@warta', name))
})

afterAll(() => rm(path.dirname(site), { recursive: true, force: true }))

describe('the README', () => {
  it('“Use it from code” runs as written in the example folder, and prints what its comment says', async () => {
    const script = blockAfter('## Use it from code')
    const printed = /console\.log\(report\.summary\) \/\/ (.+)$/m.exec(script)?.[1]
    expect(printed).toBeDefined()
    await writeFile(path.join(site, 'build.mjs'), script)
    const result = await run(['build.mjs'], site)
    expect(result.code, result.err).toBe(0)
    expect(untimed(result.out)).toBe(untimed(printed as string))
  })

  it('the same script works from another folder: its root is its own folder', async () => {
    const result = await run([path.join(site, 'build.mjs')], repoRoot)
    expect(result.code, result.err).toBe(0)
    expect(result.out).toMatch(
      /^Built 12 pages from 1 article in \d+ ms → examples\/\.tmp-readme-\w+\/kaltim\/dist$/,
    )
  })

  it('the CLI section’s summary and the quality report are what `warta build` prints for the example', async () => {
    const result = await run(
      [path.join(site, 'node_modules', '@warta', 'core', 'bin', 'warta.js'), 'build'],
      site,
    )
    expect(result.code, result.err).toBe(0)
    const cliLine = /`(Built \d+ pages? from \d+ articles? in \d+ ms → dist)` for the example/.exec(
      readme,
    )?.[1]
    expect(untimed(result.out)).toBe(untimed(cliLine as string))
    const report = blockAfter("The example site's report:")
      .trim()
      .split('\n')
      .map((line) => line.trim())
    const printed = result.err.split('\n').filter((line) => /: warning /.test(line))
    expect(printed).toEqual(report)
  })
})
