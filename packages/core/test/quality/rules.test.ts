import { describe, expect, test } from 'vitest'
import { textLength } from '../../src/quality/text-length.js'
import { article, checkArticles, linesOf } from './build-and-check.js'

const WITH_IMAGE = {
  summary: 'Ringkas.',
  image: '{ src: https://img.example/a.jpg, alt: Foto, width: 1600 }',
}

describe('heading-order', () => {
  test('a body whose first heading is an h3 skips the h2 below the headline', async () => {
    const { diagnostics } = await checkArticles({
      'a.md': article(
        WITH_IMAGE,
        '### Warga mengungsi\n\n## Bantuan\n\n### Dapur umum\n\n#### Relawan\n\n## Ringkasan\n\n#### Angka',
      ),
    })
    expect(linesOf(diagnostics, 'heading-order')).toEqual([
      'content/a.md:8:1 The heading “Warga mengungsi” is an h3 after the headline (h1), skipping a level.',
      'content/a.md:18:1 The heading “Angka” is an h4 after an h2, skipping a level.',
    ])
    expect(diagnostics.find((d) => d.ruleId === 'heading-order')?.hint).toMatch(
      /^Make it an h2 \(## in markdown\)/,
    )
  })
})

describe('image-alt and og-image', () => {
  test('a lead image written as a bare URL has no alt text and no known width', async () => {
    const { diagnostics } = await checkArticles({
      'a.md': article({ summary: 'Ringkas.', image: 'https://img.example/a.jpg' }),
    })
    expect(linesOf(diagnostics, 'image-alt')).toEqual(['content/a.md:5:8 The lead image has no alt text.'])
    expect(linesOf(diagnostics, 'og-image')).toEqual([])
  })

  test('alt text of only spaces counts as none', async () => {
    const { diagnostics } = await checkArticles({
      'a.md': article(
        { ...WITH_IMAGE, image: '{ src: https://img.example/a.jpg, alt: "  " }' },
        '![ ](https://img.example/b.jpg)',
      ),
    })
    expect(linesOf(diagnostics, 'image-alt')).toEqual([
      'content/a.md:5:8 The lead image has no alt text.',
      'content/a.md:8:1 The image https://img.example/b.jpg has no alt text.',
    ])
  })
})

describe('title-length', () => {
  test('counts characters as readers see them, not UTF-16 units', () => {
    expect(textLength('Cafe\u0301 🇮🇩')).toBe(6)
    expect(textLength('  Banjir  ')).toBe(6)
  })

  test('a title of exactly 70 characters passes; 71 does not', async () => {
    const { diagnostics } = await checkArticles({
      'a.md': article({ ...WITH_IMAGE, title: 'a'.repeat(70) }),
      'b.md': article({ ...WITH_IMAGE, title: 'b'.repeat(71) }),
    })
    expect(linesOf(diagnostics, 'title-length')).toEqual([
      'content/b.md:2:8 The title is 71 characters long; search results cut titles after about 70.',
    ])
  })
})

describe('duplicate-title and duplicate-canonical', () => {
  test('of three articles with one title, the two later ones name the first', async () => {
    const { diagnostics } = await checkArticles({
      'c.md': article({ ...WITH_IMAGE, date: '2025-05-16' }),
      'a.md': article({ ...WITH_IMAGE, date: '2025-05-14' }),
      'b.md': article({ ...WITH_IMAGE, date: '2025-05-15', title: 'BANJIR  samarinda' }),
    })
    expect(linesOf(diagnostics, 'duplicate-title')).toEqual([
      'content/b.md:2:8 The title “BANJIR  samarinda” is also the title of content/a.md.',
      'content/c.md:2:8 The title “Banjir Samarinda” is also the title of content/a.md.',
    ])
  })

  test('a relative canonical is compared as the page declares it; pointing at another article here is not reported', async () => {
    const { diagnostics } = await checkArticles({
      'a.md': article({ ...WITH_IMAGE, title: 'Satu', canonical: '/asli/' }),
      'b.md': article({ ...WITH_IMAGE, title: 'Dua', canonical: 'https://news.example/asli/#atas' }),
      'c.md': article({ ...WITH_IMAGE, title: 'Tiga', date: '2025-05-10' }),
      'd.md': article({ ...WITH_IMAGE, title: 'Empat', canonical: '/2025/05/10/tiga/' }),
      'e.md': article({ ...WITH_IMAGE, title: 'Lima', canonical: 'https://news.example/2025/05/10/tiga/' }),
    })
    expect(linesOf(diagnostics, 'duplicate-canonical')).toEqual([
      'content/b.md:6:12 The canonical URL https://news.example/asli/ is also that of content/a.md.',
    ])
  })
})
