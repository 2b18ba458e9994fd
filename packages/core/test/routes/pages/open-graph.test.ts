import { describe, expect, test } from 'vitest'
import { articleOpenGraph } from '../../../src/routes/pages/open-graph.js'
import { article, picture, site } from '../../outputs/fixtures.js'

const story = article({
  slug: 'banjir-samarinda',
  title: 'Banjir merendam Samarinda',
  published: '2025-05-16T14:30',
  modified: '2025-05-16T18:05',
  category: 'Daerah',
  tags: ['Banjir', 'Samarinda'],
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

describe('articleOpenGraph', () => {
  test('gives the article times, section, tags, author profile URLs and the image stage’s share image', () => {
    const share = {
      url: 'https://kaltim.example/news/assets/img/banjir-0a1b2c3d4e-og.jpg',
      width: 1200,
      height: 630,
      alt: 'Warga mengungsi',
    }
    expect(articleOpenGraph(site(), story, share)).toEqual({
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
      image: share,
    })
  })

  test('gives no image when there is no share image', () => {
    expect(articleOpenGraph(site(), story, undefined)).not.toHaveProperty('image')
  })
})
