// Builds the example site and a generated 13-story site (scripts/news-site.mjs), serves them on
// 127.0.0.1 and writes screenshots at phone (375 px) and desktop (1280 px) widths to
// docs/screenshots/: the example's home and article pages and its search page with the results for
// "osteoporosis", the generated site's front page and an author's page (at the generated site's
// clock, so its cards say "2 jam lalu").
// Usage: node scripts/screenshots.mjs [siteDir] (default: examples/kaltim). Run `pnpm build` first.
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { CHROMIUM_LAUNCH } from './chromium.mjs'
import { DEFAULT_NOW, newsSiteConfig, writeNewsSite } from './news-site.mjs'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const example = path.join(repo, 'examples/kaltim')
const siteDir = path.resolve(process.argv[2] ?? example)
const outDir = path.join(repo, 'docs/screenshots')
const require = createRequire(path.join(example, 'package.json'))
const { build, loadConfig } = await import(pathToFileURL(require.resolve('@warta/core')).href)
const { newsTheme } = await import(pathToFileURL(require.resolve('@warta/theme-news')).href)

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.xml': 'application/xml',
  '.json': 'application/json',
}

/** A static file server for a built site: `/x/` serves `/x/index.html`, misses get `/404.html`. */
function serve(root) {
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    let file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname)
    let status = 200
    if (
      !file.startsWith(root) ||
      !(await stat(file).then(
        (s) => s.isFile(),
        () => false,
      ))
    ) {
      file = path.join(root, '404.html')
      status = 404
    }
    res.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

/** Scrolls through the page so that lazy pictures load, then back to the top. */
async function loadLazyImages(page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    window.scrollTo(0, 0)
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)))
  })
}

const work = await mkdtemp(path.join(tmpdir(), 'warta-shots-'))
const site = path.join(work, 'site')
const newsRoot = path.join(work, 'news')
const server = await serve(site)
const newsServer = await serve(path.join(newsRoot, 'dist'))
let context
try {
  const { config, file } = await loadConfig(siteDir)
  await build(config, { configFile: file, outDir: site })
  await writeNewsSite(newsRoot, { stories: 13 })
  await build(newsSiteConfig(newsRoot, { theme: newsTheme() }), { now: DEFAULT_NOW, cache: false })
  const base = `http://127.0.0.1:${server.address().port}`
  const newsBase = `http://127.0.0.1:${newsServer.address().port}`
  context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    ...CHROMIUM_LAUNCH,
    viewport: { width: 1280, height: 900 },
  })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`${base}/`)
  const article = await page.locator('.home__top .card__title a, .card__title a').first().getAttribute('href')
  if (!article) throw new Error('The home page links to no article.')
  await mkdir(outDir, { recursive: true })
  const shots = [
    ['home', new URL('/', base)],
    ['article', new URL(article, base)],
    ['search', new URL('/cari/?q=osteoporosis', base)],
    ['front', new URL('/', newsBase)],
    ['author', new URL('/penulis/rina-wati/', newsBase)],
  ]
  for (const [name, url] of shots) {
    for (const [device, width, height] of [
      ['phone', 375, 812],
      ['desktop', 1280, 900],
    ]) {
      if (url.origin === newsBase) await page.clock.setFixedTime(new Date(DEFAULT_NOW + 30 * 60_000))
      await page.setViewportSize({ width, height })
      await page.goto(url.href, { waitUntil: 'load' })
      // The search page fills its results after Pagefind has loaded the index.
      if (name === 'search') await page.locator('#search-results li').first().waitFor()
      await loadLazyImages(page)
      const target = path.join(outDir, `${name}-${device}.png`)
      await page.screenshot({ path: target, fullPage: true })
      console.log(`wrote ${path.relative(repo, target)}`)
    }
  }
} finally {
  await context?.close()
  server.close()
  newsServer.close()
  await rm(work, { recursive: true, force: true })
}
