import { defineConfig } from '@warta/core'
import { newsTheme } from '@warta/theme-news'

export default defineConfig({
  site: {
    title: 'Warta Kaltim',
    description: 'Berita terkini dari Samarinda dan seluruh Kalimantan Timur.',
    url: 'https://kaltim.warta.example',
    lang: 'id-ID',
    timezone: 'Asia/Makassar',
    publisher: { name: 'Warta Kaltim' },
    footerLinks: [{ label: 'Arsip', url: '/arsip/' }],
  },
  theme: newsTheme(),
})
