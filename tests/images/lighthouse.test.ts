// Lighthouse (mobile preset: a phone on slow 4G with a 4× slower CPU) on a site whose photos are
// ordinary camera JPEGs of ~500 kB: the home page and a photo article score 100 in all four
// categories. Three audits a page, each category's median (see tests/lighthouse.ts). The site is
// built for the origin it is served from, as a deployed site is.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LighthouseRunner, startLighthouse } from '../lighthouse.js'
import { type StaticServer, serveStatic } from '../theme/example-site.js'
import { buildPhotoSite, type PhotoSite } from './photo-site.js'

const PERFECT = { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 }

describe('Lighthouse on a site with camera photos', () => {
  let work: string
  let server: StaticServer
  let site: PhotoSite
  let lighthouse: LighthouseRunner

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'warta-lh-photos-'))
    const dir = path.join(work, 'site')
    server = await serveStatic(dir)
    site = await buildPhotoSite({ url: server.origin, outDir: dir })
    lighthouse = await startLighthouse({ runs: 3 })
  })

  afterAll(async () => {
    await lighthouse?.close()
    await server?.close()
    await site?.dispose()
    if (work) await rm(work, { recursive: true, force: true })
  })

  const audit = async (url: string) => {
    const report = await lighthouse.audit(`${server.origin}${url}`)
    const metrics = ['largest-contentful-paint', 'cumulative-layout-shift', 'total-blocking-time']
      .map((id) => `${id} ${report.lhr.audits[id]?.displayValue}`)
      .join(', ')
    console.log(`Lighthouse ${url}: ${JSON.stringify(report.scores)}; ${metrics}`)
    expect(report.scores, `${url}\n${report.failing.join('\n')}`).toEqual(PERFECT)
    // The image audits the issue names, one by one.
    for (const id of ['uses-responsive-images', 'modern-image-formats', 'unsized-images'])
      if (report.lhr.audits[id]) expect(report.lhr.audits[id]?.score, id).toBe(1)
  }

  it('scores 100 on the home page', () => audit('/'), 240_000)
  it(
    'scores 100 on a photo article',
    () => audit('/2025/05/19/banjir-rendam-tiga-kelurahan-di-samarinda/'),
    240_000,
  )
})
