// pnpm bench [--articles 1000] [--runs 3] [--search off]: builds a generated news site several
// times and prints medians (min–max) for cold, warm, one-changed, one-added builds and watch-mode
// edits, and what the search stage (Pagefind) took of each build and how big its index is
// (`--search off` builds the same site with `search: false`, for the difference; `--cards off`
// without the share cards generated for articles without a photo, which all of the corpus' are).
// pnpm bench --markdown [--corpus bench|archive]: what each GFM extension costs per article
// (scripts/bench-markdown.mjs). pnpm bench --peers [--articles 4000]: Warta against Eleventy
// (scripts/bench-peers.mjs).
// pnpm bench --images [--photos 8] [--runs 3]: the image stage's cost per photo (bench-images.mjs).
import { execFile, spawnSync } from 'node:child_process'
import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import { generateSite } from './generate-corpus.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))

// Each in its own process; the markdown bench with a garbage collection before each measured run.
for (const [flag, script, flags] of [
  ['--markdown', 'bench-markdown.mjs', ['--expose-gc']],
  ['--peers', 'bench-peers.mjs', []],
]) {
  if (!process.argv.includes(flag)) continue
  const args = process.argv.slice(2).filter((a) => a !== flag)
  const child = spawnSync(process.execPath, [...flags, path.join(here, script), ...args], {
    stdio: 'inherit',
  })
  process.exit(child.status ?? 1)
}

const run = promisify(execFile)
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    edits: { type: 'string', default: '7' },
    skip: { type: 'string', default: '' },
    search: { type: 'string', default: 'on' },
    cards: { type: 'string', default: 'on' },
    images: { type: 'boolean', default: false },
    photos: { type: 'string', default: '8' },
  },
  strict: false,
})
if (values.images) {
  const { benchImages } = await import('./bench-images.mjs')
  await benchImages({ photos: Number(values.photos), runs: Number(values.runs) })
  process.exit(0)
}
const count = Number(values.articles)
const runs = Number(values.runs)
const skip = new Set(values.skip.split(',').filter(Boolean))
const root = path.join(here, '..', 'node_modules', '.bench', `site-${count}`)

async function child(mode, ...extra) {
  const { stdout } = await run(
    process.execPath,
    [path.join(here, 'bench-child.mjs'), mode, root, ...extra.map(String)],
    {
      maxBuffer: 1 << 24,
      env: {
        ...process.env,
        WARTA_BENCH_SEARCH: values.search,
        BENCH_ARTICLE_CARDS: values.cards === 'off' ? 'false' : 'true',
      },
    },
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
const cleanCache = () => rm(path.join(root, '.warta', 'cache'), { recursive: true, force: true })
const results = {
  cold: [],
  warm: [],
  changed: [],
  added: [],
  coldRss: [],
  busy: [],
  ci: [],
  pages: 0,
  watchBody: [],
  watchTitle: [],
  watchRss: [],
  watchIndexed: [],
  watchIndexMs: [],
  search: { cold: [], warm: [], changed: [], added: [], size: undefined },
}
// Past ~32,000 articles the corpus starts before 2015: the writer says where an article is.
const changedFile = path.join(root, 'content', writeArticle(3).file)
const original = await readFile(changedFile, 'utf8')

const contentFiles = async () =>
  (await readdir(path.join(root, 'content'), { recursive: true }))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(root, 'content', f))

// A CI job: a fresh checkout (no output folder, no output record, every file's mtime new), the
// cache folder restored, one article added since the last publish.
async function ciPublish(r) {
  await rm(path.join(root, 'dist'), { recursive: true, force: true })
  await rm(path.join(root, '.warta', 'output'), { recursive: true, force: true })
  const checkedOut = new Date()
  for (const file of await contentFiles()) await utimes(file, checkedOut, checkedOut)
  const addedFile = path.join(root, 'content', `bench-ci-${r}.md`)
  await writeFile(addedFile, writeArticle(count + runs + r).text)
  const { ms } = await child('build')
  await rm(addedFile)
  return ms
}

for (let r = 0; r < runs; r++) {
  await cleanCache()
  await rm(path.join(root, 'dist'), { recursive: true, force: true })
  const cold = await child('cold')
  results.cold.push(cold.ms)
  results.coldRss.push(cold.rssMiB)
  results.busy.push(cold.busy)
  results.pages = cold.pages
  results.search.cold.push(cold.search)
  results.search.size = cold.search
  await child('build') // fills the cache
  const warm = await child('build')
  results.warm.push(warm.ms)
  results.search.warm.push(warm.search)
  await writeFile(changedFile, original.replace('## ', `## Perubahan ${r} `))
  const changed = await child('build')
  results.changed.push(changed.ms)
  results.search.changed.push(changed.search)
  await writeFile(changedFile, original)
  const added = writeArticle(count + r)
  const addedFile = path.join(root, 'content', `bench-added-${r}.md`)
  await writeFile(addedFile, added.text)
  const addedRun = await child('build')
  results.added.push(addedRun.ms)
  results.search.added.push(addedRun.search)
  await rm(addedFile)
  results.ci.push(await ciPublish(r))
  process.stdout.write(`run ${r + 1}/${runs}: cold ${cold.ms.toFixed(0)} ms\n`)
}
if (!skip.has('watch')) {
  const watch = await child('watch', values.edits, writeArticle(7).file)
  results.watchBody.push(...watch.body)
  results.watchTitle.push(...watch.title)
  results.watchRss.push(watch.rssMiB)
  results.watchIndexed.push(...watch.indexed)
  results.watchIndexMs.push(...watch.indexMs)
}

const coldMedian = median(results.cold)
// The targets of issue 15 at the sizes it names; at other sizes figures print without one.
const TARGETS =
  {
    4000: { changed: 600, added: 1000, watchBody: 50, watchTitle: 150 },
    16000: { cold: 35_000, rss: 512, changed: 1500, watchBody: 100, watchTitle: 400 },
    100000: { rss: 1024 },
  }[count] ?? {}
// `values`: the figures to compare, when not `results[name]` (the preview's RSS against the RSS target).
const target = (name, unit = 'ms', values = results[name]) => {
  const limit = TARGETS[name]
  if (limit === undefined) return ''
  const value = median(values)
  return `   target ≤ ${limit} ${unit}: ${value <= limit ? 'met' : `missed by ${(value / limit).toFixed(2)}×`}`
}
console.log(
  `\nWarta, ${count} articles → ${results.pages} pages (+ feeds, sitemaps), ${runs} runs, medians (min–max):`,
)
console.log(
  `  cold build (no cache)        ${fmt(results.cold)}   ${((results.pages / coldMedian) * 1000).toFixed(0)} pages/s${target('cold')}`,
)
console.log(
  `    peak RSS                   ${fmt(results.coldRss, 'MiB')}${target('rss', 'MiB', results.coldRss)}`,
)
console.log(
  `    cores busy                 ${(median(results.busy) * 100).toFixed(0)} % of ${availableParallelism()} cores × wall time   target ≥ 85 %: ${median(results.busy) >= 0.85 ? 'met' : 'missed'}`,
)
console.log(`  warm build (nothing changed) ${fmt(results.warm)}`)
console.log(`  one article changed          ${fmt(results.changed)}${target('changed')}`)
console.log(`  one article added            ${fmt(results.added)}${target('added')}`)
console.log(`  CI publish (fresh checkout, cache restored, one article added) ${fmt(results.ci)}`)
if (results.watchBody.length) {
  console.log(
    `  watch: body edit → page      ${fmt(results.watchBody)}  (${results.watchBody.length} edits)${target('watchBody')}`,
  )
  console.log(
    `  watch: title edit → page     ${fmt(results.watchTitle)}  (${results.watchTitle.length} edits)${target('watchTitle')}`,
  )
  console.log(
    `    preview peak RSS           ${fmt(results.watchRss, 'MiB')}${target('rss', 'MiB', results.watchRss)}`,
  )
}
const { size } = results.search
if (size) {
  const indexed = (runs) => `${median(runs.map((s) => s.indexed))} indexed`
  console.log(
    `  search index: ${size.documents} articles, ${(size.bytes / 1024 / 1024).toFixed(1)} MiB in ${size.files} files (pagefind/)`,
  )
  for (const [name, label] of [
    ['cold', 'cold build    '],
    ['warm', 'warm build    '],
    ['changed', 'one changed   '],
    ['added', 'one added     '],
  ]) {
    const stats = results.search[name]
    console.log(`    search stage, ${label} ${fmt(stats.map((s) => s.ms))}   ${indexed(stats)}`)
  }
  if (results.watchIndexed.length) {
    // The preview writes an edit's page first; its search index follows (one article re-read).
    console.log(
      `    watch: edit → index written ${fmt(results.watchIndexed)}  (search stage ${fmt(results.watchIndexMs)}, ${results.watchIndexed.length} edits)`,
    )
  }
}
console.log(
  '  cold build against Eleventy 3.1.8 on the same corpus (target ≤ 1.5×): pnpm bench --peers --articles N',
)
