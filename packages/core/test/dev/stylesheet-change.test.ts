import { describe, expect, it } from 'vitest'
import { differsOnlyInStylesheetLinks } from '../../src/dev/stylesheet-change.js'

const page = (head: string, body = '<p>Berita</p>') => `<html><head>${head}</head><body>${body}</body></html>`

describe('differsOnlyInStylesheetLinks', () => {
  it('is true when only a hashed stylesheet name changed', () => {
    expect(
      differsOnlyInStylesheetLinks(
        page('<link rel="stylesheet" href="/assets/style.1a2b.css">'),
        page('<link rel="stylesheet" href="/assets/style.9f8e.css">'),
      ),
    ).toBe(true)
  })

  it('covers preload links, single quotes, unquoted values and queries', () => {
    expect(
      differsOnlyInStylesheetLinks(
        page(`<link rel=preload as=style href=/a.1.css><link rel='stylesheet' href='/b.1.css?v=1'>`),
        page(`<link rel=preload as=style href=/a.2.css><link rel='stylesheet' href='/b.2.css?v=2'>`),
      ),
    ).toBe(true)
  })

  it('is true for identical pages', () => {
    expect(differsOnlyInStylesheetLinks(page(''), page(''))).toBe(true)
  })

  it('is false when the content changed too', () => {
    expect(
      differsOnlyInStylesheetLinks(
        page('<link rel="stylesheet" href="/s.1.css">', '<p>Berita</p>'),
        page('<link rel="stylesheet" href="/s.2.css">', '<p>Berita baru</p>'),
      ),
    ).toBe(false)
  })

  it('is false when another link changed', () => {
    expect(
      differsOnlyInStylesheetLinks(
        page('<link rel="canonical" href="/a/">'),
        page('<link rel="canonical" href="/b/">'),
      ),
    ).toBe(false)
  })

  it('is false when a stylesheet was added or removed', () => {
    expect(differsOnlyInStylesheetLinks(page(''), page('<link rel="stylesheet" href="/s.css">'))).toBe(false)
  })

  it('is false when a CSS URL changed outside a link tag', () => {
    expect(
      differsOnlyInStylesheetLinks(
        page('', '<a href="/s.1.css">css</a>'),
        page('', '<a href="/s.2.css">css</a>'),
      ),
    ).toBe(false)
  })
})
