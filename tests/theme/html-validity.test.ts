// Quality gate: every HTML page of the example site, and of a generated site with author
// profiles, a live blog and photos, passes the Nu Html Checker with no errors.
import { readdir } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltSite, buildExample } from './example-site.js'
import { createNewsSite } from './news-site.js'
import { runVnu, vnuErrors } from './vnu.js'

describe('theme HTML validity (Nu Html Checker)', () => {
  const sites: BuiltSite[] = []
  beforeAll(async () => {
    sites.push(await buildExample(), await createNewsSite({ stories: 13 }))
  })
  afterAll(async () => {
    for (const site of sites) await site.dispose()
  })

  for (const [i, name] of ['the example site', 'a generated 13-story site with author profiles'].entries()) {
    it(`finds no errors on any page of ${name}`, async () => {
      const site = sites[i] as BuiltSite
      const pages = (await readdir(site.dir, { recursive: true })).filter((file) => file.endsWith('.html'))
      expect(pages.length).toBeGreaterThan(3)
      const { count, report } = vnuErrors(await runVnu(site.dir), site.dir)
      expect(count, `${count} vnu errors in ${pages.length} pages:\n${report}`).toBe(0)
    }, 180_000)
  }
})
