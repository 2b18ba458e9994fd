// One measured run in a fresh process, so peak RSS is this run's alone. Prints one JSON line.
import { readFileSync } from 'node:fs'
import { appendFile, readFile, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { build, dev } from '../packages/core/dist/index.js'
import { newsTheme } from '../packages/theme-news/dist/index.js'

const [mode, root, extra, editedFile] = process.argv.slice(2)
const config = {
  root,
  site: {
    title: 'Bench',
    url: 'https://bench.example',
    lang: 'id-ID',
    timezone: 'Asia/Makassar',
    // A newsroom names its sections; the default (the six biggest) reorders, and so re-renders
    // every page, whenever one section overtakes another.
    nav: ['Pemerintahan', 'Ekonomi', 'Hukum', 'Pendidikan', 'Kesehatan', 'Olahraga'],
  },
  theme: newsTheme(),
  search: process.env.WARTA_BENCH_SEARCH !== 'off',
  // The articles of the corpus have no photos: each gets a generated share card unless cards are off.
  // The images bench measures photos alone, without the generated cards of articles without one.
  ...(process.env.BENCH_ARTICLE_CARDS === 'false' ? { images: { articleCards: false } } : {}),
}
const NOW = Date.parse('2026-01-01T00:00:00Z')
const peak = () => Math.round(process.resourceUsage().maxRSS / 1024)
// CPU time of every thread of this process, in ms.
const cpuMs = () => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage()
  return (userCPUTime + systemCPUTime) / 1000
}

if (mode === 'build' || mode === 'cold') {
  const started = performance.now()
  const cpuBefore = cpuMs()
  const report = await build(config, { cache: mode !== 'cold', now: NOW })
  const ms = performance.now() - started
  // Share of the cores kept busy during the build: CPU time over wall time times cores.
  const busy = (cpuMs() - cpuBefore) / (ms * availableParallelism())
  console.log(
    JSON.stringify({
      ms,
      pages: report.pages,
      written: report.written,
      unchanged: report.unchanged,
      search: report.search,
      rssMiB: peak(),
      busy,
    }),
  )
} else if (mode === 'watch') {
  // Edits one article `extra` times (body, then title edits) and measures save → page rewritten.
  const server = await dev(config, { port: 0, now: () => NOW, debounceMs: 5 })
  const file = path.join(root, 'content', editedFile ?? '2015/01/artikel-7.md')
  const original = await readFile(file, 'utf8')
  const body = []
  const title = []
  // With search on: save → index written (the `search` event after the page), and the index's own time.
  const indexed = []
  const indexMs = []
  const edits = Number(extra ?? 7)
  for (let i = 0; i < edits * 2; i++) {
    const isTitle = i >= edits
    const marker = `penanda${i}x`
    const text = isTitle
      ? original.replace(/^title: "/m, `title: "${marker} `)
      : original.replace('## ', `## ${marker} `)
    // Saves can arrive as more than one file event; wait for the rebuild that wrote the page.
    // The page is read at once: through the thread pool, this process's own read would wait
    // behind the preview's work (chokidar re-reading the folder) and count it as latency.
    const rewritten = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`page not rewritten with ${marker}`)), 30_000)
      const onRebuild = (event) => {
        const page = event.written.find((p) => p.endsWith('-7/index.html'))
        if (page && readFileSync(path.join(server.outDir, page), 'utf8').includes(marker)) {
          clearTimeout(timer)
          server.off('rebuild', onRebuild)
          resolve()
        }
      }
      server.on('rebuild', onRebuild)
    })
    // The index event that follows: the first that writes index files (the edited fragment).
    const searched = config.search
      ? new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`index not written after ${marker}`)), 60_000)
          const onSearch = (event) => {
            if (event.written.length === 0) return
            clearTimeout(timer)
            server.off('search', onSearch)
            resolve(event)
          }
          server.on('search', onSearch)
        })
      : undefined
    const started = performance.now()
    await writeFile(file, text)
    await rewritten
    ;(isTitle ? title : body).push(performance.now() - started)
    if (searched) {
      const event = await searched
      indexed.push(performance.now() - started)
      indexMs.push(event.durationMs)
    }
  }
  await writeFile(file, original)
  await server.idle()
  await server.close()
  console.log(JSON.stringify({ body, title, indexed, indexMs, rssMiB: peak() }))
} else {
  await appendFile('/dev/stderr', `unknown mode ${mode}\n`)
  process.exit(2)
}
