// pnpm bench [--articles 1000] [--runs 3]: builds a generated news site several times and
// prints medians (min–max) for cold, warm, one-changed, one-added builds and watch-mode edits.
// pnpm bench --markdown [--corpus bench|archive]: what each GFM extension costs per article
// (scripts/bench-markdown.mjs).
import { execFile, spawnSync } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import { generateSite } from './generate-corpus.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))

if (process.argv.includes('--markdown')) {
  // Its own process, with a garbage collection before each measured run.
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', path.join(here, 'bench-markdown.mjs'), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  )
  process.exit(child.status ?? 1)
}

const run = promisify(execFile)
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    edits: { type: 'string', default: '7' },
    skip: { type: 'string', default: '' },
  },
  strict: false,
})
const count = Number(values.articles)
const runs = Number(values.runs)
const skip = new Set(values.skip.split(',').filter(Boolean))
const root = path.join(here, '..', 'node_modules', '.bench', `site-${count}`)

async function child(mode, extra) {
  const { stdout } = await run(
    process.execPath,
    [path.join(here, 'bench-child.mjs'), mode, root, ...(extra ? [String(extra)] : [])],
    { maxBuffer: 1 << 24 },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1))
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const fmt = (xs, unit = 'ms') =>
  `${median(xs).toFixed(unit === 'ms' ? 0 : 1)} ${unit} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`

console.log(`Generating ${count} articles…`)
const writeArticle = await generateSite(root, count)
await mkdir(path.join(root, 'node_modules'), { recursive: true })
const cleanCache = () => rm(path.join(root, 'node_modules', '.cache'), { recursive: true, force: true })
const results = {
  cold: [],
  warm: [],
  changed: [],
  added: [],
  coldRss: [],
  pages: 0,
  watchBody: [],
  watchTitle: [],
  watchRss: [],
}
const changedFile = path.join(root, 'content', '2015/01/artikel-3.md')
const original = await readFile(changedFile, 'utf8')

for (let r = 0; r < runs; r++) {
  await cleanCache()
  await rm(path.join(root, 'dist'), { recursive: true, force: true })
  const cold = await child('cold')
  results.cold.push(cold.ms)
  results.coldRss.push(cold.rssMiB)
  results.pages = cold.pages
  await child('build') // fills the cache
  results.warm.push((await child('build')).ms)
  await writeFile(changedFile, original.replace('## ', `## Perubahan ${r} `))
  results.changed.push((await child('build')).ms)
  await writeFile(changedFile, original)
  const added = writeArticle(count + r)
  const addedFile = path.join(root, 'content', `bench-added-${r}.md`)
  await writeFile(addedFile, added.text)
  results.added.push((await child('build')).ms)
  await rm(addedFile)
  process.stdout.write(`run ${r + 1}/${runs}: cold ${cold.ms.toFixed(0)} ms\n`)
}
if (!skip.has('watch')) {
  const watch = await child('watch', values.edits)
  results.watchBody.push(...watch.body)
  results.watchTitle.push(...watch.title)
  results.watchRss.push(watch.rssMiB)
}

const coldMedian = median(results.cold)
console.log(
  `\nWarta, ${count} articles → ${results.pages} pages (+ feeds, sitemaps), ${runs} runs, medians (min–max):`,
)
console.log(
  `  cold build (no cache)        ${fmt(results.cold)}   ${((results.pages / coldMedian) * 1000).toFixed(0)} pages/s   peak RSS ${fmt(results.coldRss, 'MiB')}`,
)
console.log(`  warm build (nothing changed) ${fmt(results.warm)}`)
console.log(`  one article changed          ${fmt(results.changed)}`)
console.log(`  one article added            ${fmt(results.added)}`)
if (results.watchBody.length) {
  console.log(`  watch: body edit → page      ${fmt(results.watchBody)}  (${results.watchBody.length} edits)`)
  console.log(
    `  watch: title edit → page     ${fmt(results.watchTitle)}  (${results.watchTitle.length} edits)   peak RSS ${fmt(results.watchRss, 'MiB')}`,
  )
}
