import { expect, test } from 'vitest'
import * as core from '../src/index.js'

test('the public API exports exactly these values', () => {
  expect(Object.keys(core).sort()).toEqual([
    'CONFIG_FILES',
    'DEFAULT_EMBEDS',
    'RULES',
    'WartaBuildError',
    'WartaConfigError',
    'build',
    'buildShard',
    'createArticleSchema',
    'createSiteBuilder',
    'defineConfig',
    'dev',
    'findConfigFile',
    'formatDiagnostic',
    'isSafeUrl',
    'loadConfig',
    'merge',
    'parseShard',
    'resolveConfig',
  ])
})

test('defineConfig returns its argument', () => {
  const config = {
    site: { title: 'x', url: 'https://x.example' },
    theme: { name: 't', dir: '/t', strings: {} },
  }
  expect(core.defineConfig(config)).toBe(config)
})
