// Lighthouse (mobile preset) scores 100 in performance, accessibility, best practices and SEO on
// the example site's home and article pages, its search page showing the results of a search
// (Pagefind's script and index loaded), and on an author's page with portrait and bio (from
// a generated site: the example's real article stays as reported). One Chromium, pages in turn,
// three audits each (the median counts: see tests/lighthouse.ts), after every other suite.
// Each site is built for the origin it is served from, as a deployed site is, so canonical URLs
// and links point where the audit can follow them; the server gzips text as static hosts do.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LighthouseRunner, startLighthouse } from '../lighthouse.js'
import { type BuiltSite, buildExample, type StaticServer, serveStatic } from './example-site.js'
import { createNewsSite } from './news-site.js'

const PERFECT = { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 }

describe('Lighthouse', () => {
  let work: string
  const servers: StaticServer[] = []
  const sites: BuiltSite[] = []
  let lighthouse: LighthouseRunner
  let example: string
  let news: string

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'warta-lh-'))
    const exampleDir = path.join(work, 'example')
    const newsDir = path.join(work, 'news')
    const [exampleServer, newsServer] = await Promise.all([serveStatic(exampleDir), serveStatic(newsDir)])
    servers.push(exampleServer, newsServer)
    example = exampleServer.origin
    news = newsServer.origin
    sites.push(
      await buildExample({ outDir: exampleDir, url: example }),
      await createNewsSite({ stories: 13, url: news, outDir: newsDir }),
    )
    lighthouse = await startLighthouse({ runs: 3 })
  })

  afterAll(async () => {
    await lighthouse?.close()
    for (const server of servers) await server.close()
    for (const site of sites) await site.dispose()
    if (work) await rm(work, { recursive: true, force: true })
  })

  const scores = async (url: string) => {
    const report = await lighthouse.audit(url)
    expect(report.scores, `${url}\n${report.failing.join('\n')}`).toEqual(PERFECT)
  }

  it('scores 100 on the example home page', () => scores(`${example}/`), 180_000)
  it('scores 100 on the example article', async () => {
    const response = await fetch(`${example}/`)
    const href = /<h2 class="card__title"><a href="([^"]+)"/.exec(await response.text())?.[1]
    expect(href).toMatch(/^\/2025\//)
    await scores(`${example}${href}`)
  }, 180_000)
  it('scores 100 on the example search page with results', async () => {
    // As a reader lands from the masthead's field: the page searches as it loads.
    const report = await lighthouse.audit(`${example}/cari/?q=osteoporosis`)
    expect(report.scores, report.failing.join('\n')).toEqual(PERFECT)
    const requests = report.lhr.audits['network-requests']?.details as { items: { url: string }[] }
    expect(requests.items.some((r) => r.url.includes('/pagefind/pagefind.js'))).toBe(true)
  }, 180_000)
  it(
    "scores 100 on an author's page with portrait and bio",
    () => scores(`${news}/penulis/rina-wati/`),
    180_000,
  )
})
