// pnpm bench --peers (or node scripts/bench-peers.mjs [--articles 4000] [--runs 3]): a cold build of the
// bench corpus by Warta and by Eleventy 3.1.8 with the same pages (article pages, the home page, tag
// pages, an RSS feed and a sitemap), runs interleaved, medians and the ratio. Eleventy is installed on
// first use into node_modules/.bench/peers from the npm registry; it is not a dependency of the project.
import { execFile, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import { generateSite } from './generate-corpus.mjs'

const ELEVENTY = '3.1.8'
const run = promisify(execFile)
const here = path.dirname(fileURLToPath(import.meta.url))
const benchDir = path.join(here, '..', 'node_modules', '.bench')
const { values } = parseArgs({
  options: { articles: { type: 'string', default: '4000' }, runs: { type: 'string', default: '3' } },
})
const count = Number(values.articles)
const runs = Number(values.runs)

const peersDir = path.join(benchDir, 'peers')
const eleventyBin = path.join(peersDir, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs')
if (!existsSync(eleventyBin)) {
  console.log(`Installing Eleventy ${ELEVENTY} into ${path.relative(process.cwd(), peersDir)}…`)
  await mkdir(peersDir, { recursive: true })
  await writeFile(path.join(peersDir, 'package.json'), '{ "private": true }\n')
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', `@11ty/eleventy@${ELEVENTY}`], {
    cwd: peersDir,
    stdio: 'inherit',
  })
}

const siteRoot = path.join(benchDir, `site-${count}`)
console.log(`Generating ${count} articles…`)
await generateSite(siteRoot, count)
await mkdir(path.join(siteRoot, 'node_modules'), { recursive: true })

// The Eleventy project reads the same markdown files, through a link to the corpus' content folder.
const project = path.join(benchDir, `eleventy-${count}`)
await rm(project, { recursive: true, force: true })
await mkdir(path.join(project, 'src', '_includes'), { recursive: true })
await symlink(path.join(siteRoot, 'content'), path.join(project, 'src', 'berita'))
const files = {
  'eleventy.config.mjs': `export default function (config) {
  config.addGlobalData('layout', 'article.njk')
  config.addCollection('berita', (api) => api.getFilteredByGlob('src/berita/**/*.md').sort((a, b) => b.date - a.date))
  config.addFilter('iso', (date) => new Date(date).toISOString())
  config.addFilter('head', (list, n) => list.slice(0, n))
  return { dir: { input: 'src', output: '_site' }, markdownTemplateEngine: false }
}
`,
  'src/_includes/base.njk': `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{{ title }} | Bench</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>
<body><header><a href="/">Bench</a></header><main>{{ content | safe }}</main><footer>© Bench</footer></body></html>
`,
  'src/_includes/article.njk': `---
layout: base.njk
---
<article><h1>{{ title }}</h1><p>{{ author }} · <time datetime="{{ page.date | iso }}">{{ page.date | iso }}</time> · {{ category }}</p>
<p>{{ summary }}</p>{{ content | safe }}
<ul>{% for tag in tags %}<li><a href="/tag/{{ tag | slugify }}/">{{ tag }}</a></li>{% endfor %}</ul></article>
`,
  'src/index.njk': `---
layout: base.njk
title: Beranda
---
{% for item in collections.berita | head(30) %}<h2><a href="{{ item.url }}">{{ item.data.title }}</a></h2><p>{{ item.data.summary }}</p>{% endfor %}
`,
  'src/tags.njk': `---
layout: base.njk
pagination: { data: collections, size: 1, alias: tag, filter: ['all', 'berita'] }
permalink: /tag/{{ tag | slugify }}/
eleventyComputed: { title: "{{ tag }}" }
---
<h1>{{ tag }}</h1>{% for item in collections[tag] | reverse | head(12) %}<h2><a href="{{ item.url }}">{{ item.data.title }}</a></h2>{% endfor %}
`,
  'src/feed.njk': `---
layout: false
permalink: /feed.xml
eleventyExcludeFromCollections: true
---
<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title><link>https://bench.example/</link>
{% for item in collections.berita | head(20) %}<item><title>{{ item.data.title }}</title><link>https://bench.example{{ item.url }}</link><description>{{ item.content }}</description></item>{% endfor %}
</channel></rss>
`,
  'src/sitemap.njk': `---
layout: false
permalink: /sitemap.xml
eleventyExcludeFromCollections: true
---
<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{% for item in collections.all %}<url><loc>https://bench.example{{ item.url }}</loc></url>{% endfor %}</urlset>
`,
}
for (const [name, text] of Object.entries(files)) await writeFile(path.join(project, name), text)
// Tags in the corpus are front matter lists: Eleventy makes a collection of each, as the tag pages need.

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const timeIt = async (fn) => {
  const started = performance.now()
  await fn()
  return performance.now() - started
}
const warta = []
const eleventy = []
let eleventyPages = 0
for (let r = 0; r < runs; r++) {
  await rm(path.join(siteRoot, 'dist'), { recursive: true, force: true })
  // The pages Eleventy makes too: no search index, no generated share cards.
  const { stdout } = await run(process.execPath, [path.join(here, 'bench-child.mjs'), 'cold', siteRoot], {
    maxBuffer: 1 << 24,
    env: { ...process.env, WARTA_BENCH_SEARCH: 'off', BENCH_ARTICLE_CARDS: 'false' },
  })
  warta.push(JSON.parse(stdout.trim().split('\n').at(-1)).ms)
  await rm(path.join(project, '_site'), { recursive: true, force: true })
  eleventy.push(
    await timeIt(async () => {
      const { stdout: out } = await run(process.execPath, [eleventyBin], { cwd: project, maxBuffer: 1 << 26 })
      eleventyPages = Number(/Wrote (\d+) files/.exec(out)?.[1] ?? 0)
    }),
  )
  console.log(
    `run ${r + 1}/${runs}: Warta ${warta.at(-1).toFixed(0)} ms, Eleventy ${eleventy.at(-1).toFixed(0)} ms`,
  )
}
const fmt = (xs) =>
  `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`
console.log(`\nCold build of ${count} articles, ${runs} interleaved runs, medians (min–max):`)
console.log(`  Warta ${fmt(warta)}   Eleventy ${ELEVENTY} ${fmt(eleventy)} (${eleventyPages} files)`)
console.log(`  ratio Warta / Eleventy ${(median(warta) / median(eleventy)).toFixed(2)}×  (target ≤ 1.5×)`)
