// Test-only: a news site as a new user makes one: three ordinary camera photos (2400 × 1600
// JPEGs of ~500 kB, as a newsroom uploads them) dropped into public/images and beside an article,
// referenced from front matter and a body, built with the news theme into a temp folder.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { writePhoto } from '../../scripts/photo.mjs'
import { exampleRoot } from '../theme/example-site.js'

type Core = typeof import('../../packages/core/src/index.js')
type ThemeModule = typeof import('../../packages/theme-news/src/index.js')

/** The site's clock: after its stories. */
export const PHOTO_SITE_NOW = Date.parse('2025-05-20T10:00:00+08:00')

/** Core and the theme as the example site resolves them (their built packages). */
async function load(): Promise<{ core: Core; theme: ThemeModule }> {
  const require = createRequire(path.join(exampleRoot, 'package.json'))
  const core = (await import(pathToFileURL(require.resolve('@warta/core')).href)) as Core
  const theme = (await import(pathToFileURL(require.resolve('@warta/theme-news')).href)) as ThemeModule
  return { core, theme }
}

const STORIES = [
  {
    file: 'content/2025/05/banjir.md',
    title: 'Banjir rendam tiga kelurahan di Samarinda',
    date: '2025-05-19T07:30',
    category: 'Daerah',
    summary: 'Hujan deras sejak Senin malam membuat Sungai Karang Mumus meluap ke permukiman warga.',
    image:
      '{ src: /images/banjir.jpg, alt: Warga menuntun sepeda motor melewati jalan yang tergenang, caption: Jalan Pahlawan pada Selasa pagi, credit: Redaksi }',
    body: 'Air mulai naik sekitar pukul 02.00 WITA.\n\n![Peta tiga kelurahan yang terendam](peta-banjir.jpg)\n\nWarga mengungsi ke masjid terdekat.',
  },
  {
    file: 'content/2025/05/pasar.md',
    title: 'Harga beras di Pasar Segiri turun menjelang panen',
    date: '2025-05-18T09:00',
    category: 'Ekonomi',
    summary: 'Pedagang menyebut pasokan dari Kutai Kartanegara mulai lancar.',
    image: '{ src: /images/pasar.jpg, alt: Pedagang beras menata karung di Pasar Segiri }',
    body: 'Harga beras medium turun dua ribu rupiah per kilogram.',
  },
  {
    file: 'content/2025/05/rapat.md',
    title: 'DPRD Kaltim bahas anggaran pendidikan',
    date: '2025-05-17T10:00',
    category: 'Pemerintahan',
    summary: 'Rapat paripurna membahas tambahan anggaran untuk sekolah di daerah terpencil.',
    body: 'Rapat berlangsung hingga sore.',
  },
]

/** A built photo site: its output folder; `dispose()` removes it. */
export interface PhotoSite {
  root: string
  dir: string
  dispose(): Promise<void>
}

/** Writes the site into a fresh temp folder and builds it for `url` (the origin it is served from). */
export async function buildPhotoSite(options: { url: string; outDir?: string }): Promise<PhotoSite> {
  const work = await mkdtemp(path.join(tmpdir(), 'warta-photos-'))
  const root = path.join(work, 'site')
  await mkdir(path.join(root, 'public/images'), { recursive: true })
  await mkdir(path.join(root, 'content/2025/05'), { recursive: true })
  const camera = { grain: 9, quality: 80 }
  await writePhoto(path.join(root, 'public/images/banjir.jpg'), 2400, 1600, { seed: 3, ...camera })
  await writePhoto(path.join(root, 'public/images/pasar.jpg'), 2400, 1600, { seed: 5, ...camera })
  await writePhoto(path.join(root, 'content/2025/05/peta-banjir.jpg'), 2400, 1600, { seed: 8, ...camera })
  for (const story of STORIES) {
    const front = [
      `title: ${story.title}`,
      `date: ${story.date}`,
      `category: ${story.category}`,
      `summary: ${story.summary}`,
      'author: Rina Wati',
      ...(story.image ? [`image: ${story.image}`] : []),
    ]
    await writeFile(path.join(root, story.file), `---\n${front.join('\n')}\n---\n\n${story.body}\n`)
  }
  const { core, theme } = await load()
  const dir = options.outDir ?? path.join(root, 'dist')
  await core.build(
    {
      root,
      site: {
        title: 'Warta Kaltim',
        description: 'Berita terkini dari Samarinda dan seluruh Kalimantan Timur.',
        url: options.url,
        lang: 'id-ID',
        timezone: 'Asia/Makassar',
      },
      theme: theme.newsTheme(),
    },
    { now: PHOTO_SITE_NOW, outDir: dir },
  )
  return { root, dir, dispose: () => rm(work, { recursive: true, force: true }) }
}
