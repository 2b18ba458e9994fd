// Builds the example site, serves it on 127.0.0.1 and writes screenshots of the home and
// article pages at phone (375 px) and desktop (1280 px) widths to docs/screenshots/.
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

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const example = path.join(repo, 'examples/kaltim')
const siteDir = path.resolve(process.argv[2] ?? example)
const outDir = path.join(repo, 'docs/screenshots')
const require = createRequire(path.join(example, 'package.json'))
const { build, loadConfig } = await import(pathToFileURL(require.resolve('@warta/core')).href)

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
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

const work = await mkdtemp(path.join(tmpdir(), 'warta-shots-'))
const site = path.join(work, 'site')
const server = await serve(site)
let context
try {
  const { config, file } = await loadConfig(siteDir)
  await build(config, { configFile: file, outDir: site })
  const base = `http://127.0.0.1:${server.address().port}`
  context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    ...CHROMIUM_LAUNCH,
    viewport: { width: 1280, height: 900 },
  })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`${base}/`)
  const article = await page.locator('.home__top .card__title a, .card__title a').first().getAttribute('href')
  if (!article) throw new Error('The home page links to no article.')
  await mkdir(outDir, { recursive: true })
  for (const [name, url] of [
    ['home', '/'],
    ['article', article],
  ]) {
    for (const [device, width, height] of [
      ['phone', 375, 812],
      ['desktop', 1280, 900],
    ]) {
      await page.setViewportSize({ width, height })
      await page.goto(new URL(url, base).href, { waitUntil: 'load' })
      const target = path.join(outDir, `${name}-${device}.png`)
      await page.screenshot({ path: target, fullPage: true })
      console.log(`wrote ${path.relative(repo, target)}`)
    }
  }
} finally {
  await context?.close()
  server.close()
  await rm(work, { recursive: true, force: true })
}
