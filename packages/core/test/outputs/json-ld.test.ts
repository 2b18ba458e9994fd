import { describe, expect, test } from 'vitest'
import {
  articleJsonLd,
  breadcrumbJsonLd,
  organizationJsonLd,
  personJsonLd,
  profilePageJsonLd,
  serializeJsonLd,
  websiteJsonLd,
} from '../../src/outputs/json-ld.js'
import { article, picture, site } from './fixtures.js'

const story = article({
  slug: 'banjir-samarinda',
  title: 'Banjir merendam Samarinda',
  published: '2025-05-16T14:30',
  modified: '2025-05-16T18:05',
  summary: 'Air setinggi 1 meter merendam tiga kecamatan.',
  category: 'Daerah',
  tags: ['Banjir', 'Samarinda'],
  dateline: 'SAMARINDA',
  image: picture('/news/img/banjir.jpg', 'Warga mengungsi', 1200, 800),
  authors: [
    { name: 'Siti Rahma', slug: 'siti-rahma', url: '/news/penulis/siti-rahma/' },
    {
      name: 'Budi Santoso',
      slug: 'budi-santoso',
      url: '/news/penulis/budi-santoso/',
      homepage: 'https://budi.example/',
    },
  ],
})

/** What a page would get: serialised, then read back as a browser or crawler would. */
const roundTrip = (value: unknown) => JSON.parse(serializeJsonLd(value))

describe('articleJsonLd', () => {
  test('describes the article as a NewsArticle with every property Google reads', () => {
    expect(roundTrip(articleJsonLd(site(), story))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Banjir merendam Samarinda',
      description: 'Air setinggi 1 meter merendam tiga kecamatan.',
      url: 'https://kaltim.example/news/2025/05/16/banjir-samarinda/',
      mainEntityOfPage: {
        '@type': 'WebPage',
        '@id': 'https://kaltim.example/news/2025/05/16/banjir-samarinda/',
      },
      image: [
        {
          '@type': 'ImageObject',
          url: 'https://kaltim.example/news/img/banjir-16x9.jpg',
          width: 1200,
          height: 675,
        },
        {
          '@type': 'ImageObject',
          url: 'https://kaltim.example/news/img/banjir-4x3.jpg',
          width: 1200,
          height: 900,
        },
        {
          '@type': 'ImageObject',
          url: 'https://kaltim.example/news/img/banjir-1x1.jpg',
          width: 1200,
          height: 1200,
        },
      ],
      datePublished: '2025-05-16T14:30:00+08:00',
      dateModified: '2025-05-16T18:05:00+08:00',
      author: [
        { '@type': 'Person', name: 'Siti Rahma', url: 'https://kaltim.example/news/penulis/siti-rahma/' },
        {
          '@type': 'Person',
          name: 'Budi Santoso',
          url: 'https://kaltim.example/news/penulis/budi-santoso/',
          sameAs: ['https://budi.example/'],
        },
      ],
      publisher: {
        '@type': 'Organization',
        '@id': 'https://kaltim.example/news/#organization',
        name: 'Kaltim News',
        url: 'https://kaltim.example/news/',
        logo: { '@type': 'ImageObject', url: 'https://kaltim.example/news/logo.png', width: 600, height: 60 },
      },
      articleSection: 'Daerah',
      keywords: ['Banjir', 'Samarinda'],
      inLanguage: 'id-ID',
      dateline: 'SAMARINDA',
      wordCount: 120,
    })
  })

  test('points mainEntityOfPage at the canonical URL when the article has one', () => {
    const syndicated = { ...story, canonical: 'https://asal.example/berita/1' }
    const ld = articleJsonLd(site(), syndicated)
    expect(ld.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': 'https://asal.example/berita/1' })
    expect(ld.url).toBe('https://kaltim.example/news/2025/05/16/banjir-samarinda/')
  })

  test('keeps a headline longer than 110 characters whole', () => {
    const title = 'Panjang '.repeat(20).trim()
    expect(articleJsonLd(site(), { ...story, title }).headline).toBe(title)
  })

  test('leaves out what the article does not have, and takes a logo from the options', () => {
    const bare = {
      ...story,
      image: undefined,
      tags: [],
      category: undefined,
      dateline: undefined,
      summary: undefined,
    }
    const ld = articleJsonLd(site({ publisher: { name: 'Kaltim News' } }), bare, {
      logo: { src: 'logo-amp.png', width: 600, height: 60 },
    })
    expect(ld).not.toHaveProperty('image')
    expect(ld).not.toHaveProperty('keywords')
    expect(ld).not.toHaveProperty('articleSection')
    expect(ld).not.toHaveProperty('dateline')
    expect(ld.description).toBe('Ringkasan banjir-samarinda.')
    expect(ld.publisher).toMatchObject({
      logo: { '@type': 'ImageObject', url: 'https://kaltim.example/news/logo-amp.png' },
    })
  })
})

describe('personJsonLd and profilePageJsonLd', () => {
  const rina = {
    name: 'Rina Wati',
    slug: 'rina-wati',
    url: '/news/penulis/rina-wati/',
    homepage: 'https://rinawati.example',
    role: 'Redaktur Pelaksana',
    bioHtml: '<p>Rina meliput <strong>anggaran</strong>.</p>',
    bioText: 'Rina meliput anggaran.',
    photo: '/news/images/rina.jpg',
    links: [
      { label: 'X', url: 'https://x.com/rinawati' },
      { label: 'Situs', url: 'https://rinawati.example' },
    ],
    hasProfile: true,
  }

  test('gives a profiled author job title, portrait, description and profiles elsewhere, once each', () => {
    expect(roundTrip(personJsonLd(site(), rina))).toEqual({
      '@type': 'Person',
      name: 'Rina Wati',
      url: 'https://kaltim.example/news/penulis/rina-wati/',
      jobTitle: 'Redaktur Pelaksana',
      image: 'https://kaltim.example/news/images/rina.jpg',
      description: 'Rina meliput anggaran.',
      sameAs: ['https://rinawati.example/', 'https://x.com/rinawati'],
    })
  })

  test("writes the same Person as the article's author and as the main entity of their page", () => {
    const ld = articleJsonLd(site(), { ...story, authors: [rina] })
    expect(ld.author).toEqual([personJsonLd(site(), rina)])
    expect(roundTrip(profilePageJsonLd(site(), rina))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: 'https://kaltim.example/news/penulis/rina-wati/',
      inLanguage: 'id-ID',
      isPartOf: { '@id': 'https://kaltim.example/news/#website' },
      mainEntity: personJsonLd(site(), rina),
    })
  })
})

describe('breadcrumbJsonLd', () => {
  test('numbers the trail from 1 with absolute URLs', () => {
    const ld = breadcrumbJsonLd(site(), [
      { name: 'Beranda', url: '/news/' },
      { name: 'Daerah', url: '/news/kategori/daerah/' },
      { name: 'Banjir merendam Samarinda', url: '/news/2025/05/16/banjir-samarinda/' },
    ])
    expect(roundTrip(ld)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Beranda', item: 'https://kaltim.example/news/' },
        {
          '@type': 'ListItem',
          position: 2,
          name: 'Daerah',
          item: 'https://kaltim.example/news/kategori/daerah/',
        },
        {
          '@type': 'ListItem',
          position: 3,
          name: 'Banjir merendam Samarinda',
          item: 'https://kaltim.example/news/2025/05/16/banjir-samarinda/',
        },
      ],
    })
  })
})

describe('websiteJsonLd and organizationJsonLd', () => {
  test('describe the site and its publisher', () => {
    expect(roundTrip(websiteJsonLd(site()))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      '@id': 'https://kaltim.example/news/#website',
      name: 'Kaltim News',
      url: 'https://kaltim.example/news/',
      description: 'Berita Kalimantan Timur',
      inLanguage: 'id-ID',
      publisher: {
        '@type': 'Organization',
        '@id': 'https://kaltim.example/news/#organization',
        name: 'Kaltim News',
        url: 'https://kaltim.example/news/',
        logo: { '@type': 'ImageObject', url: 'https://kaltim.example/news/logo.png', width: 600, height: 60 },
      },
    })
    expect(roundTrip(organizationJsonLd(site({ publisher: { name: 'PT Kaltim Media' } })))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      '@id': 'https://kaltim.example/news/#organization',
      name: 'PT Kaltim Media',
      url: 'https://kaltim.example/news/',
    })
  })
})

describe('serializeJsonLd', () => {
  const hostile = `</script><script>alert(1)</script> & <> " ' <!-- \u2028\u2029`

  test('keeps a hostile headline inside the script element and gives it back exactly', () => {
    const json = serializeJsonLd(articleJsonLd(site(), { ...story, title: hostile }))
    expect(json).not.toMatch(/<\/script/i)
    expect(json).not.toMatch(/[<>&\u2028\u2029]/)
    expect(json).toContain('\\u003c/script\\u003e')
    expect(JSON.parse(json).headline).toBe(hostile)
  })

  test('round-trips any JSON value', () => {
    const value = { a: [1, 'x<y>&z', null, true], b: { c: '\u2028' } }
    expect(JSON.parse(serializeJsonLd(value))).toEqual(value)
  })
})
