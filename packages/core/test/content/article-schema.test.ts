import { describe, expect, test } from 'vitest'
import { createArticleSchema, isSafeUrl } from '../../src/content/article-schema.js'

describe('isSafeUrl', () => {
  test.each([
    'https://swarakaltim.com/berita/1',
    'http://example.com',
    'HTTPS://EXAMPLE.COM/',
    '/images/banjir.jpg',
    'images/banjir.jpg',
    '../banjir.jpg',
    '#lead',
    '?page=2',
  ])('accepts %j', (url) => {
    expect(isSafeUrl(url)).toBe(true)
  })

  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml;base64,PHN2Zz4=',
    'file:///etc/passwd',
    'mailto:redaksi@example.com',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    ' javascript:alert(1)',
    'javascript\u0000:alert(1)',
    '//evil.example/x.jpg',
    '\\\\evil.example\\x.jpg',
    '/\\evil.example',
    'https://exa mple.com',
    'http://',
  ])('refuses %j', (url) => {
    expect(isSafeUrl(url)).toBe(false)
  })
})

describe('createArticleSchema', () => {
  const schema = createArticleSchema('Asia/Makassar')
  const base = { title: 'Banjir', date: '2025-05-16' }

  test('needs a title and a date, nothing else', () => {
    expect(schema.safeParse(base).success).toBe(true)
    expect(schema.safeParse({ date: '2025-05-16' }).success).toBe(false)
    expect(schema.safeParse({ title: 'Banjir' }).success).toBe(false)
  })

  test('refuses a blank title', () => {
    expect(schema.safeParse({ ...base, title: '   ' }).success).toBe(false)
  })

  test('reads date and updated in the site’s zone', () => {
    const result = schema.parse({ ...base, updated: '2025-05-17T09:15' })
    expect(result.date.iso).toBe('2025-05-16T00:00:00+08:00')
    expect(result.updated?.iso).toBe('2025-05-17T09:15:00+08:00')
  })

  test.each([
    ['canonical', { canonical: 'javascript:alert(1)' }],
    ['image', { image: 'javascript:alert(1)' }],
    ['image.src', { image: { src: 'data:text/html,x' } }],
    ['author.url', { author: { name: 'DHV', url: 'vbscript:x' } }],
    ['source.url', { source: { name: 'Swarakaltim.com', url: 'javascript:x' } }],
  ])('refuses a script URL in %s', (_, fields) => {
    expect(schema.safeParse({ ...base, ...fields }).success).toBe(false)
  })

  test('accepts the same fields with safe URLs', () => {
    const result = schema.parse({
      ...base,
      canonical: 'https://swarakaltim.com/a',
      image: { src: '/a.jpg', alt: 'Banjir', width: 1200, height: 800 },
      author: { name: 'DHV', url: 'https://swarakaltim.com/dhv' },
      source: { name: 'Swarakaltim.com', url: 'https://swarakaltim.com' },
    })
    expect(result.image).toEqual({ src: '/a.jpg', alt: 'Banjir', width: 1200, height: 800 })
  })

  test('refuses an image size that is not a positive whole number', () => {
    expect(schema.safeParse({ ...base, image: { src: '/a.jpg', width: -1 } }).success).toBe(false)
    expect(schema.safeParse({ ...base, image: { src: '/a.jpg', width: 1.5 } }).success).toBe(false)
  })

  test('takes several authors as names or objects', () => {
    const result = schema.parse({ ...base, authors: ['Rina', { name: 'DHV', url: 'https://x.example' }] })
    // A name may be an author file's id (`ref`); an object is always a person as given.
    expect(result.authors).toEqual([
      { name: 'Rina', ref: 'Rina' },
      { name: 'DHV', url: 'https://x.example' },
    ])
  })

  test('draft must be a boolean, so that "false" in quotes is not silently true', () => {
    expect(schema.safeParse({ ...base, draft: 'false' }).success).toBe(false)
    expect(schema.parse({ ...base, draft: false }).draft).toBe(false)
  })
})
