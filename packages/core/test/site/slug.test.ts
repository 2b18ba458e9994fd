import { describe, expect, test } from 'vitest'
import { createSlugger } from '../../src/site/slug.js'

const toSlug = createSlugger().slug

describe('toSlug', () => {
  test.each([
    ['Dinas Pendidikan Kaltim: 1.000 Guru', 'dinas-pendidikan-kaltim-1-000-guru'],
    [
      'Taipei Tawarkan Kerja Sama Strategis dengan Pemprov Kaltim',
      'taipei-tawarkan-kerja-sama-strategis-dengan-pemprov-kaltim',
    ],
    ['Rp 1,5 Triliun untuk IKN', 'rp-1-5-triliun-untuk-ikn'],
    ['  Banjir   Samarinda  ', 'banjir-samarinda'],
    ['Café Ümlaut', 'cafe-uemlaut'],
    ['Ếch ngồi đáy giếng', 'ech-ngoi-day-gieng'],
    ['Пример заголовка', 'primer-zagolovka'],
    ['Rock & Roll', 'rock-and-roll'],
    ['PemprovKaltim', 'pemprovkaltim'],
  ])('makes %j into %j', (text, slug) => {
    expect(toSlug(text)).toBe(slug)
  })

  test('transliterates an Arabic title into Latin letters', () => {
    expect(toSlug('تايبيه تعرض التعاون')).toMatch(/^[a-z]+(-[a-z]+){2}$/)
  })

  test('keeps the letters of a Chinese title, which has no transliteration', () => {
    expect(toSlug('台北提供战略合作')).toBe('台北提供战略合作')
  })

  test('two different Chinese titles get different slugs', () => {
    expect(toSlug('台北提供战略合作')).not.toBe(toSlug('东加里曼丹省洪水'))
  })

  test('keeps untransliterable words beside the Latin ones, dropping punctuation', () => {
    expect(toSlug('「台北」：Taipei 合作 2025！')).toBe('台北-taipei-合作-2025')
    expect(toSlug('東京の天気 2025')).toBe('東京の天気-2025')
    expect(toSlug('苹果发布iPhone 17')).toBe('苹果发布-iphone-17')
  })

  test('keeps Thai letters with their combining marks', () => {
    expect(toSlug('ข่าวด่วน วันนี้')).toBe('ข่าวด่วน-วันนี้')
  })

  test('text with no letters or digits at all becomes "untitled"', () => {
    expect(toSlug('!!!')).toBe('untitled')
    expect(toSlug('😀🎉')).toBe('untitled')
    expect(toSlug('')).toBe('untitled')
  })
})

describe('slugs kept between processes', () => {
  test('are taken only from the same slugify and transliteration tables', () => {
    const slugger = createSlugger()
    const { maker } = slugger.known()
    expect(maker).toMatch(/^\d+\.\d+\.\d+\+\d+\.\d+\.\d+$/)
    slugger.remember({ maker: `${maker}-other`, slugs: [['Judul dari versi lain', 'lain']] })
    expect(slugger.slug('Judul dari versi lain')).toBe('judul-dari-versi-lain')
    slugger.remember({ maker, slugs: [['Judul yang sudah dikenal', 'dikenal']] })
    expect(slugger.slug('Judul yang sudah dikenal')).toBe('dikenal')
    expect(slugger.known().slugs).toContainEqual(['Judul dari versi lain', 'judul-dari-versi-lain'])
  })

  test('belong to one slugger: another in the same process knows none of them', () => {
    const first = createSlugger()
    first.remember({ maker: first.known().maker, slugs: [['Judul khusus', 'khusus']] })
    expect(first.slug('Judul khusus')).toBe('khusus')
    expect(createSlugger().slug('Judul khusus')).toBe('judul-khusus')
  })
})
