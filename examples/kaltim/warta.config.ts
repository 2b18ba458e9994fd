import { defineConfig } from '@warta/core'
import { newsTheme } from '@warta/theme-news'

export default defineConfig({
  site: {
    title: 'Warta Kaltim',
    description: 'Berita terkini dari Samarinda dan seluruh Kalimantan Timur.',
    url: 'https://kaltim.warta.example',
    lang: 'id-ID',
    timezone: 'Asia/Makassar',
    // The brand, drawn in code by scripts/kaltim-brand.mjs: the masthead's wordmark, the square
    // logo structured data names (Google asks for 112 × 112 at least) and the share image of
    // the home page and listings. Articles without a photo share a card with their headline.
    logo: '/images/logo.svg',
    publisher: { name: 'Warta Kaltim', logo: { src: '/images/logo-512.png' } },
    image: '/images/share.png',
    footerLinks: [{ label: 'Arsip', url: '/arsip/' }],
  },
  theme: newsTheme({ logoWidth: 364, logoHeight: 64 }),
})
