// pnpm output-hashes [--save file | --compare file]: the sha256 of every output file of
// (a) the example site, (b) a 1,000-article bench corpus and (c) a preview session of scripted
// edits, all at a fixed clock. A refactoring that must not change behaviour saves the hashes
// before its first commit and compares after its last.
import { createHash } from 'node:crypto'
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { build, dev, loadConfig } from '../packages/core/dist/index.js'
import { newsTheme } from '../packages/theme-news/dist/index.js'
import { generateSite } from './generate-corpus.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const { values } = parseArgs({
  options: {
    save: { type: 'string' },
    compare: { type: 'string' },
    articles: { type: 'string', default: '1000' },
  },
})
const NOW = Date.parse('2026-01-01T00:00:00Z')
const work = path.join(here, '..', 'node_modules', '.output-hashes')

async function hashFolder(dir, prefix = '') {
  const hashes = {}
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) Object.assign(hashes, await hashFolder(dir, relative))
    else
      hashes[relative] = createHash('sha256')
        .update(await readFile(path.join(dir, relative)))
        .digest('hex')
  }
  return hashes
}

const corpusConfig = (root) => ({
  root,
  site: {
    title: 'Bench',
    url: 'https://bench.example',
    lang: 'id-ID',
    timezone: 'Asia/Makassar',
    nav: ['Pemerintahan', 'Ekonomi', 'Hukum', 'Pendidikan', 'Kesehatan', 'Olahraga'],
  },
  theme: newsTheme(),
})

async function exampleSite() {
  const root = path.join(work, 'kaltim')
  await rm(root, { recursive: true, force: true })
  await cp(path.join(here, '..', 'examples', 'kaltim'), root, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|dist|\.warta)$/.test(src),
  })
  const { config } = await loadConfig(path.join(here, '..', 'examples', 'kaltim'))
  await build({ ...config, root }, { cache: false, now: NOW })
  return hashFolder(path.join(root, 'dist'))
}

async function corpus(count) {
  const root = path.join(work, `corpus-${count}`)
  await generateSite(root, count)
  await build(corpusConfig(root), { cache: false, now: NOW })
  return hashFolder(path.join(root, 'dist'))
}

/** A preview of a 200-article site through a body edit, a title edit, an added and a removed article. */
async function previewSession() {
  const root = path.join(work, 'preview')
  const write = await generateSite(root, 200)
  const server = await dev(corpusConfig(root), { port: 0, now: () => NOW, debounceMs: 5 })
  const steps = {}
  const snapshot = async (name) => {
    await new Promise((resolve) => setTimeout(resolve, 150))
    await server.idle()
    steps[name] = await hashFolder(server.outDir)
  }
  try {
    await snapshot('first')
    const file = path.join(root, 'content', '2015/01/artikel-7.md')
    const original = await readFile(file, 'utf8')
    await writeFile(file, original.replace('## ', '## Perubahan isi '))
    await snapshot('body edit')
    await writeFile(file, original.replace(/^title: "/m, 'title: "Judul baru '))
    await snapshot('title edit')
    const added = write(200)
    await writeFile(path.join(root, 'content', 'tambahan.md'), added.text)
    await snapshot('added')
    await rm(path.join(root, 'content', 'tambahan.md'))
    await snapshot('removed')
  } finally {
    await server.close()
  }
  return steps
}

const result = {
  example: await exampleSite(),
  corpus: await corpus(Number(values.articles)),
  preview: await previewSession(),
}
const count = (tree) => Object.keys(tree).length
console.log(
  `example ${count(result.example)} files, corpus ${count(result.corpus)} files, preview ${Object.entries(
    result.preview,
  )
    .map(([step, files]) => `${step}: ${count(files)}`)
    .join(', ')}`,
)
if (values.save) await writeFile(values.save, `${JSON.stringify(result, null, 1)}\n`)
if (values.compare) {
  const expected = JSON.parse(await readFile(values.compare, 'utf8'))
  const differences = []
  const compareTrees = (label, a, b) => {
    for (const file of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (a[file] !== b[file])
        differences.push(`${label}: ${file} ${a[file] ? (b[file] ? 'differs' : 'missing now') : 'new'}`)
  }
  compareTrees('example', expected.example, result.example)
  compareTrees('corpus', expected.corpus, result.corpus)
  for (const step of new Set([...Object.keys(expected.preview), ...Object.keys(result.preview)]))
    compareTrees(`preview ${step}`, expected.preview[step] ?? {}, result.preview[step] ?? {})
  if (differences.length > 0) {
    console.log(`${differences.length} differences:\n${differences.slice(0, 50).join('\n')}`)
    process.exitCode = 1
  } else console.log(`Every output file matches ${values.compare}.`)
}
