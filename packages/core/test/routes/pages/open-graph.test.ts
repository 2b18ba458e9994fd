import { describe, expect, test } from 'vitest'
import { articleOpenGraph } from '../../../src/routes/pages/open-graph.js'
import { article, site } from '../../outputs/fixtures.js'

const story = article({
  slug: 'banjir-samarinda',
  title: 'Banjir merendam Samarinda',
  published: '2025-05-16T14:30',
  modified: '2025-05-16T18:05',
  category: 'Daerah',
  tags: ['Banjir', 'Samarinda'],
  image: { src: '/img/banjir.jpg', alt: 'Warga mengungsi', width: 1200, height: 800 },
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

describe('articleOpenGraph', () => {
  test('gives the article times, section, tags, author profile URLs and the share image under the base path', () => {
    expect(articleOpenGraph(site(), story)).toEqual({
      article: {
        publishedTime: '2025-05-16T14:30:00+08:00',
        modifiedTime: '2025-05-16T18:05:00+08:00',
        section: 'Daerah',
        tags: ['Banjir', 'Samarinda'],
        authors: [
          'https://kaltim.example/news/penulis/siti-rahma/',
          'https://kaltim.example/news/penulis/budi-santoso/',
        ],
      },
      image: {
        url: 'https://kaltim.example/news/img/banjir.jpg',
        width: 1200,
        height: 800,
        alt: 'Warga mengungsi',
      },
    })
  })
})
