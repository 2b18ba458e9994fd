// Quality gate: every HTML page of the example site passes the Nu Html Checker with no errors.
import { execFile } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltSite, buildExample } from './example-site.js'

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error'
  subType?: string
  url?: string
  lastLine?: number
  message: string
  extract?: string
}

/** vnu-jar's export is the path of the jar. */
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'))

function runVnu(dir: string): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-jar', vnuJar, '--format', 'json', '--skip-non-html', dir],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = [stderr, stdout].find((text) => text.trim().startsWith('{'))
        if (!output) {
          reject(new Error(`The Nu Html Checker printed no report: ${error?.message ?? ''}\n${stderr}`))
          return
        }
        resolve((JSON.parse(output) as { messages: VnuMessage[] }).messages)
      },
    )
  })
}

describe('theme HTML validity (Nu Html Checker)', () => {
  let site: BuiltSite
  beforeAll(async () => {
    site = await buildExample()
  })
  afterAll(async () => {
    await site?.dispose()
  })

  it('finds no errors on any page of the example site', async () => {
    const pages = (await readdir(site.dir, { recursive: true })).filter((name) => name.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(3)
    const messages = await runVnu(site.dir)
    const errors = messages.filter((m) => m.type !== 'info')
    const report = errors
      .map(
        (m) =>
          `${m.url?.slice(m.url.indexOf(site.dir) + site.dir.length) ?? '?'}:${m.lastLine ?? '?'} ${m.message}\n    ${m.extract?.trim() ?? ''}`,
      )
      .join('\n')
    expect(errors, `${errors.length} vnu errors in ${pages.length} pages:\n${report}`).toHaveLength(0)
  }, 180_000)
})
