// pnpm bench --markdown [--articles 1000] [--runs 5] [--corpus bench|archive]: what each GFM
// extension costs per article. Parses the bench corpus's bodies (or a generated blog archive's:
// bare links, raw HTML, footnotes) with CommonMark alone, with each GFM extension on its own,
// with all of GFM, and converts them with Warta's processor (gfm: false, 'news', true), printing
// the best time per article and the cost over CommonMark and over the lean preset.
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { createProcessor } from '../packages/core/dist/markdown/create-processor.js'
import { useGatedTable } from '../packages/core/dist/markdown/gfm-table-gate.js'
import { remarkGfmFull } from '../packages/core/dist/markdown/remark-gfm-full.js'
import { remarkGfmNews } from '../packages/core/dist/markdown/remark-gfm-news.js'
import { createPostWriter } from './generate-archive.mjs'
import { createArticleWriter } from './generate-corpus.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
// The GFM packages are @warta/core's dependencies, resolved from there.
const core = createRequire(path.join(here, '..', 'packages', 'core', 'package.json'))
const gfmUtil = createRequire(core.resolve('mdast-util-gfm'))
const load = (require, name) => import(pathToFileURL(require.resolve(name)).href)
const [
  { unified },
  { default: remarkParse },
  autolink,
  autolinkMd,
  footnote,
  footnoteMd,
  strike,
  strikeMd,
  table,
  tableMd,
  task,
  taskMd,
] = await Promise.all([
  load(core, 'unified'),
  load(core, 'remark-parse'),
  load(core, 'micromark-extension-gfm-autolink-literal'),
  load(gfmUtil, 'mdast-util-gfm-autolink-literal'),
  load(core, 'micromark-extension-gfm-footnote'),
  load(gfmUtil, 'mdast-util-gfm-footnote'),
  load(core, 'micromark-extension-gfm-strikethrough'),
  load(core, 'mdast-util-gfm-strikethrough'),
  load(core, 'micromark-extension-gfm-table'),
  load(core, 'mdast-util-gfm-table'),
  load(core, 'micromark-extension-gfm-task-list-item'),
  load(gfmUtil, 'mdast-util-gfm-task-list-item'),
])

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    corpus: { type: 'string', default: 'bench' },
    markdown: { type: 'boolean' },
  },
})
const count = Number(values.articles)
const runs = Number(values.runs)

function bodies() {
  if (values.corpus === 'archive') {
    const write = createPostWriter()
    return Array.from({ length: count }, (_, i) => write(i).body)
  }
  const write = createArticleWriter()
  return Array.from({ length: count }, (_, i) => write(i).text.replace(/^---\n[\s\S]*?\n---\n/, ''))
}

/** A remark plugin adding one syntax extension and its mdast handler. */
const only = (micromark, fromMarkdown) =>
  function () {
    const data = this.data()
    data.micromarkExtensions = [...(data.micromarkExtensions ?? []), micromark]
    data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), fromMarkdown]
  }
const gatedTable = function () {
  const data = this.data()
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), useGatedTable(this)]
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), tableMd.gfmTableFromMarkdown()]
}

const parsers = [
  ['CommonMark (no GFM)', []],
  ['+ autolink literals', [only(autolink.gfmAutolinkLiteral(), autolinkMd.gfmAutolinkLiteralFromMarkdown())]],
  ['+ footnotes', [only(footnote.gfmFootnote(), footnoteMd.gfmFootnoteFromMarkdown())]],
  ['+ strikethrough (~ and ~~)', [only(strike.gfmStrikethrough(), strikeMd.gfmStrikethroughFromMarkdown())]],
  ['+ tables, as published', [only(table.gfmTable(), tableMd.gfmTableFromMarkdown())]],
  ['+ tables, gated (Warta)', [gatedTable]],
  ['+ task lists', [only(task.gfmTaskListItem(), taskMd.gfmTaskListItemFromMarkdown())]],
  ["lean preset (gfm: 'news')", [remarkGfmNews]],
  ['all of GFM (gfm: true, default)', [remarkGfmFull]],
].map(([name, plugins]) => [name, unified().use(remarkParse).use(plugins).freeze()])

const processors = [false, 'news', true].map((gfm) => [
  `Warta processor, gfm: ${typeof gfm === 'string' ? `'${gfm}'` : gfm}`,
  createProcessor({ html: 'sanitize', gfm, embeds: [], remarkPlugins: [], rehypePlugins: [] }),
])

const docs = bodies()
const kib = docs.reduce((sum, d) => sum + d.length, 0) / docs.length / 1024
console.log(
  `Markdown cost per article, ${count} articles of the ${values.corpus} corpus (${kib.toFixed(1)} KiB each), best of ${runs} runs:`,
)
const variants = [
  ...parsers.map(([name, processor]) => [
    name,
    () => {
      for (const d of docs) processor.parse(d)
    },
  ]),
  ...processors.map(([name, processor]) => [
    name,
    () => {
      for (const d of docs) processor.processSync(d)
    },
  ]),
]
// Every variant once to warm up (JIT, caches), then the runs round-robin, so that neither the
// warm-up nor the machine's other work favours the variants measured first.
for (const [, run] of variants) run()
const times = variants.map(() => [])
for (let r = 0; r < runs; r++)
  variants.forEach(([, run], v) => {
    globalThis.gc?.()
    const started = performance.now()
    run()
    times[v].push(performance.now() - started)
  })
// The fastest run: on a shared machine, other work only ever adds time.
const rows = variants.map(([name], v) => [name, Math.min(...times[v]) / count])
const base = rows[0][1]
const lean = rows.find(([name]) => name.startsWith('lean'))[1]
for (const [name, ms] of rows) {
  const parse = !name.startsWith('Warta')
  const over = parse
    ? `  ${ms >= base ? '+' : ''}${(((ms - base) / base) * 100).toFixed(0)}% over CommonMark`
    : ''
  console.log(`  ${name.padEnd(36)} ${ms.toFixed(3)} ms${over}`)
}
const full = rows.find(([name]) => name.startsWith('all'))[1]
console.log(
  `  parse: all of GFM costs ${(full - lean).toFixed(3)} ms per article more than the lean preset (+${(((full - lean) / lean) * 100).toFixed(0)}%)`,
)
const [convertNone, convertLean, convertFull] = rows.slice(-3).map(([, ms]) => ms)
console.log(
  `  whole conversion: all of GFM ${convertFull.toFixed(3)} ms vs lean ${convertLean.toFixed(3)} ms (+${(((convertFull - convertLean) / convertLean) * 100).toFixed(0)}%), CommonMark ${convertNone.toFixed(3)} ms`,
)
