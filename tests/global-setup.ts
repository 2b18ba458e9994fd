import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The image cache the generated news sites of every test file share (see `tests/theme/news-site.ts`). */
    newsImageCache: string
  }
}

/**
 * One image cache for the whole run, removed when it ends: a folder per test worker was left
 * behind whenever vitest stopped its workers without an `exit` event, a few MiB each run.
 */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'warta-news-images-'))
  project.provide('newsImageCache', dir)
  return () => rmSync(dir, { recursive: true, force: true })
}
