import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { WartaConfigError } from '../../src/errors/build-error.js'
import { build } from '../../src/pipeline/build.js'
import { createTempDir, NOW, siteConfig } from '../helpers.js'

// A mistyped root once built an empty site into a folder of the wrong name, and said so with
// "Built 2 pages from 0 articles". Now it is an error before anything is written.

async function buildError(config: Parameters<typeof build>[0]): Promise<WartaConfigError> {
  const error = await build(config, { now: NOW }).then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof WartaConfigError))
    throw new Error(`expected a WartaConfigError, got ${String(error)}`)
  return error
}

describe('the site folder and its content folder', () => {
  test('a relative root that does not exist says it was read from the working folder', async () => {
    const error = await buildError(await siteConfig('examples/kaltim/examples/kaltim'))
    expect(error.message).toBe(
      `The site folder ${path.resolve('examples/kaltim/examples/kaltim')} does not exist: root "examples/kaltim/examples/kaltim" is relative, so it is read from the working folder ${process.cwd()}.`,
    )
    expect(error.hint).toMatch(/import\.meta\.url/)
    expect(error.option).toEqual(['root'])
  })

  test('an absolute root that does not exist is named, and nothing is created', async () => {
    const parent = await createTempDir()
    const root = path.join(parent, 'situs')
    const error = await buildError(await siteConfig(root, { outDir: path.join(parent, 'out') }))
    expect(error.message).toBe(`The site folder ${root} does not exist.`)
    const { readdir } = await import('node:fs/promises')
    expect(await readdir(parent)).toEqual([])
  })

  test('a missing content folder names the folder looked for', async () => {
    const root = await createTempDir()
    const error = await buildError(await siteConfig(root, { content: { dir: 'artikel' } }))
    expect(error.message).toBe(
      `The content folder artikel/ does not exist (looked for ${path.join(root, 'artikel')}).`,
    )
    expect(error.option).toEqual(['content', 'dir'])
  })

  test('an empty content folder builds, with a warning saying where it looked', async () => {
    const root = await createTempDir()
    await mkdir(path.join(root, 'content'))
    const report = await build(await siteConfig(root), { now: NOW })
    expect(report.articles).toBe(0)
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/',
        ruleId: 'no-articles',
        severity: 'warning',
        message: `No articles were published: none found in ${path.join(root, 'content')} (**/*.md), or all are drafts, embargoed or expired.`,
      }),
    ])
  })
})
