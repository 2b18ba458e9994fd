import { describe, expect, test } from 'vitest'
import { contentFingerprint } from '../../src/cache/fingerprint.js'
import { resolveConfig } from '../../src/config/resolve-config.js'
import type { MarkdownOptions } from '../../src/config/types.js'
import { DEFAULT_EMBEDS } from '../../src/markdown/embed-allowlist.js'

const fingerprint = (markdown: MarkdownOptions = {}) =>
  contentFingerprint(
    resolveConfig({
      root: '/site',
      site: { title: 'Warta', url: 'https://warta.example' },
      theme: { name: 't', dir: '/t', strings: {} },
      markdown,
    }),
  )

describe('contentFingerprint', () => {
  test('is the same for the same options, defaults written out or not', () => {
    expect(fingerprint()).toBe(fingerprint({ html: 'sanitize', gfm: true, embeds: DEFAULT_EMBEDS }))
  })

  test.each<[string, MarkdownOptions]>([
    ['markdown.html', { html: 'trusted' }],
    ['markdown.gfm', { gfm: 'news' }],
    ['markdown.embeds', { embeds: [...DEFAULT_EMBEDS, 'embed.warta.example/'] }],
    ['an empty embed allowlist', { embeds: [] }],
  ])('changes with %s, which decides what a body becomes', (_, markdown) => {
    expect(fingerprint(markdown)).not.toBe(fingerprint())
  })
})
