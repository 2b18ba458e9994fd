import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import { afterEach, describe, expect, it } from 'vitest'
import { dev, type RebuildErrorEvent } from '../../packages/core/src/dev/dev.js'
import { article, createSite, NOW, siteConfig } from './helpers.js'

// Running out of inotify watches (ENOSPC) or file descriptors (EMFILE) while the preview
// starts: chokidar reports it as an error; the preview must say what to do, and keep serving.
// fs.watch is made to fail the way Linux makes it fail; chokidar picks it up from node:fs.

const realWatch = fs.watch

function failWatches(code: 'ENOSPC' | 'EMFILE', message: string) {
  fs.watch = (() => {
    throw Object.assign(new Error(`${code}: ${message}, watch`), { code, syscall: 'watch' })
  }) as typeof fs.watch
  syncBuiltinESMExports()
}

afterEach(() => {
  fs.watch = realWatch
  syncBuiltinESMExports()
})

/** Starts the preview with failing watches; returns the first error it reports and a page. */
async function previewWithFailingWatches(code: 'ENOSPC' | 'EMFILE', message: string) {
  const site = await createSite({ 'content/a.md': article({ title: 'A', slug: 'a' }) })
  failWatches(code, message)
  const errors: RebuildErrorEvent[] = []
  const server = await dev(siteConfig(site.root, { permalinks: { article: '/:slug/' } }), {
    port: 0,
    now: () => NOW.getTime(),
  })
  server.on('error', (event) => errors.push(event))
  try {
    await new Promise((resolve) => setTimeout(resolve, 200))
    const response = await fetch(new URL('/a/', server.url))
    return { errors, status: response.status, page: await response.text() }
  } finally {
    await server.close()
    await site.dispose()
  }
}

describe('running out of watches', () => {
  it('ENOSPC (inotify watches) says which limit to raise, and the preview still serves', async () => {
    const { errors, status, page } = await previewWithFailingWatches(
      'ENOSPC',
      'System limit for number of file watchers reached',
    )
    expect(errors.length).toBeGreaterThan(0)
    expect(errors[0]?.diagnostics).toEqual([
      expect.objectContaining({ file: '(watcher)', ruleId: 'watch', severity: 'error' }),
    ])
    expect(errors[0]?.text).toMatch(/ran out of file watches/)
    expect(errors[0]?.text).toMatch(/sudo sysctl fs\.inotify\.max_user_watches=\d+/)
    expect(status).toBe(200)
    expect(page).toContain('<h1 class="title">A</h1>')
  })

  it('EMFILE is reported, and the preview still serves', async () => {
    const { errors, status } = await previewWithFailingWatches('EMFILE', 'too many open files')
    expect(errors[0]?.diagnostics).toEqual([expect.objectContaining({ file: '(watcher)', ruleId: 'watch' })])
    expect(status).toBe(200)
  })

  // EMFILE is "too many open files" (ulimit -n) or, from inotify_init, too many inotify
  // instances (fs.inotify.max_user_instances): raising max_user_watches, the ENOSPC advice,
  // does not help.
  it('EMFILE advice names the limits that may have run out, not the watch limit', async () => {
    const { errors } = await previewWithFailingWatches('EMFILE', 'too many open files')
    expect(errors[0]?.text).toMatch(/ulimit -n 65536/)
    expect(errors[0]?.text).toMatch(/fs\.inotify\.max_user_instances=1024/)
    expect(errors[0]?.text).not.toMatch(/max_user_watches/)
  })

  it('any other watch error is reported with its own message', async () => {
    const site = await createSite({ 'content/a.md': article({ title: 'A' }) })
    failWatches('EACCES' as 'EMFILE', 'permission denied')
    const errors: RebuildErrorEvent[] = []
    const server = await dev(siteConfig(site.root), { port: 0, now: () => NOW.getTime() })
    server.on('error', (event) => errors.push(event))
    try {
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(errors[0]?.text).toMatch(/^Watching failed: EACCES: permission denied/)
    } finally {
      await server.close()
      await site.dispose()
    }
  })
})
