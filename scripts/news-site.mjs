// Writes a small news site of any number of stories (front page fixtures for the theme's tests and
// screenshots), with author profiles, lead photos made as real-size PNG files, a live blog, and
// bodies written the way reporters write them (bare links, raw HTML, a dateline). Only writes the
// source folder: building it is the caller's (tests/theme/news-site.ts, scripts/screenshots.mjs).
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'

/** The eight sections of the generated sites, in navigation order. */
export const SECTIONS = [
  'Pemerintahan',
  'Ekonomi',
  'Hukum',
  'Pendidikan',
  'Kesehatan',
  'Olahraga',
  'Lingkungan',
  'Budaya',
]

const HEADLINES = [
  'Pemkot Samarinda Percepat Perbaikan Jalan Rusak Jelang Musim Hujan',
  'Harga Cabai di Pasar Segiri Naik Dua Kali Lipat dalam Sepekan',
  'Sidang Dugaan Korupsi Proyek Drainase Hadirkan Lima Saksi',
  'Ratusan Guru Honorer Ikuti Seleksi PPPK di Balikpapan',
  'Puskesmas Diminta Siaga Hadapi Lonjakan Kasus Demam Berdarah',
  'Tim Sepak Bola Kaltim Lolos ke Semifinal Porwil',
  'Warga Bantaran Sungai Karang Mumus Tanam Seribu Pohon',
  'Festival Erau Kembali Digelar dengan Pawai Budaya Sepanjang Tepian',
  'DPRD Setujui Perubahan APBD untuk Program Air Bersih Desa',
  'UMKM Kuliner Bontang Tembus Pasar Ekspor Lewat Pameran Daring',
  'Polisi Ungkap Jaringan Penipuan Daring Berkedok Arisan',
  'Beasiswa Kuliah untuk Lulusan SMA Dibuka hingga Akhir Bulan',
  'Rumah Sakit Daerah Tambah Ruang Rawat Intensif Anak',
  'Atlet Dayung Muda Raih Tiga Medali Emas di Kejuaraan Nasional',
  'Banjir Rob Genangi Permukiman Pesisir, Warga Mengungsi ke Masjid',
  'Sanggar Tari Kutai Latih Anak Muda Lestarikan Tari Jepen',
  'Gubernur Lantik Pejabat Baru di Lingkungan Pemerintah Provinsi',
  'Inflasi Daerah Terkendali, Harga Beras Mulai Turun',
  'Kejaksaan Tahan Tersangka Pungutan Liar Pembuatan Sertifikat',
  'Kampus Negeri Buka Program Studi Teknik Pertambangan Berkelanjutan',
]

const PLACES = ['SAMARINDA', 'BALIKPAPAN', 'BONTANG', 'TENGGARONG', 'PENAJAM']

/** Author files of the generated sites: one full profile, one with a role only, one bare name. */
const AUTHORS = {
  'rina-wati': `name: Rina Wati
role: Redaktur Pelaksana
bio: |
  Rina Wati meliput **pemerintahan daerah** dan anggaran publik di Kalimantan Timur sejak 2012.
  Ia memimpin liputan _Jejak Anggaran_ dan mengajar di kelas jurnalisme data
  [Sekolah Wartawan](https://sekolah.warta.example/).

  Kirim informasi secara aman: https://warta.example/kirim-informasi
  <script>alert("bio")</script>
photo: /images/penulis/rina-wati.png
links:
  - label: X
    url: https://x.com/rinawati
  - label: Mastodon
    url: https://mastodon.social/@rinawati
  - label: Situs pribadi
    url: https://rinawati.example
`,
  'budi-santoso': `name: Budi Santoso
role: Wartawan
`,
  'siti-aminah': `name: Siti Aminah
`,
}
const AUTHOR_IDS = Object.keys(AUTHORS)

export const DEFAULT_NOW = Date.parse('2025-06-02T10:00:00+08:00')

/**
 * A PNG of `width`×`height` with soft colour fields, as sized as a real photo and about as heavy
 * as a news JPEG of that size (1200×675: ~100 KB): 32 levels per channel and PNG's "Sub" filter.
 */
export function makePng(width, height, seed) {
  const raw = Buffer.alloc((width * 3 + 1) * height)
  const pixel = new Uint8Array(3)
  const last = new Uint8Array(3)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    // PNG filter 1 ("Sub"): each byte stored as the difference from the pixel to its left.
    raw[row] = 1
    last.fill(0)
    for (let x = 0; x < width; x++) {
      const wave = Math.sin((x + seed * 37) / 53) * Math.cos((y - seed * 11) / 41)
      pixel[0] = (90 + 80 * wave + (x * 60) / width + seed * 23) & 0xf8
      pixel[1] = (110 + 60 * Math.sin((x + y) / 97 + seed) + (y * 50) / height) & 0xf8
      pixel[2] = (140 + 70 * Math.cos(y / 67 - seed) - (x * 40) / width) & 0xf8
      for (let c = 0; c < 3; c++) raw[row + 1 + x * 3 + c] = (pixel[c] - last[c]) & 255
      last.set(pixel)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return pngFile(header, deflateSync(raw, { level: 9 }))
}

/** A PNG file from its 13-byte IHDR header and its deflated rows (one IDAT chunk). */
export function pngFile(header, deflatedRows) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflatedRows),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const pad = (n) => String(n).padStart(2, '0')

/** The WITA (UTC+8) wall-clock text of an instant, as a reporter writes it in front matter. */
function wita(time) {
  const d = new Date(time + 8 * 3600_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

function story(i, now, photos) {
  const base = HEADLINES[i % HEADLINES.length]
  const title = i < HEADLINES.length ? base : `${base} (${Math.floor(i / HEADLINES.length) + 1})`
  const section = SECTIONS[i % SECTIONS.length]
  const published = now - (i + 1) * 2 * 3600_000
  const author = AUTHOR_IDS[i % AUTHOR_IDS.length]
  const live = i === 1
  const photo = photos && i % 3 === 0
  const lines = [
    '---',
    `title: "${title}"`,
    `date: ${wita(published)}`,
    `dateline: ${PLACES[i % PLACES.length]}`,
    `category: ${section}`,
    `author: ${author}`,
    'tags:',
    `  - ${section === 'Ekonomi' ? 'Harga Pangan' : 'Kalimantan Timur'}`,
    '  - Pelayanan Publik',
    `summary: Ringkasan berita nomor ${i + 1} tentang ${section.toLowerCase()} di Kalimantan Timur, ditulis untuk pembaca yang hanya membaca sekilas.`,
    ...(photo
      ? [
          'image:',
          `  src: /images/berita-${i}.png`,
          `  alt: Ilustrasi berwarna untuk berita nomor ${i + 1}`,
          '  width: 1200',
          '  height: 675',
        ]
      : []),
    ...(live ? ['liveblog: true'] : []),
    '---',
    '',
    `Paragraf pembuka berita nomor ${i + 1}: warga, pejabat dan pengamat memberi keterangan yang berbeda tentang ${section.toLowerCase()}, dan redaksi memeriksanya satu per satu.`,
    '',
    'Keterangan resmi dapat dibaca di https://kaltimprov.example/siaran-pers dan salinannya disimpan redaksi.',
    '',
    '<div class="catatan" onclick="alert(1)">Catatan redaksi: berita ini diperbarui bila ada keterangan baru.</div>',
    '',
    ...(live
      ? [
          `## ${wita(published + 3600_000)
            .slice(11)
            .replace(':', '.')} — Rapat dimulai`,
          '',
          'Peserta rapat mulai berdatangan.',
          '',
        ]
      : []),
  ]
  return { file: `content/2025/berita-${i}.md`, text: `${lines.join('\n')}\n`, title }
}

/**
 * Writes `stories` stories (two hours apart before `now`, newest first), the author files and the
 * photos into the site folder `root`. Returns the titles, newest first.
 */
export async function writeNewsSite(root, { stories, now = DEFAULT_NOW, photos = true }) {
  const write = async (file, data) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true })
    await writeFile(path.join(root, file), data)
  }
  for (const [id, yaml] of Object.entries(AUTHORS)) await write(`authors/${id}.yml`, yaml)
  await write('public/images/penulis/rina-wati.png', makePng(480, 480, 7))
  const titles = []
  for (let i = 0; i < stories; i++) {
    const { file, text, title } = story(i, now, photos)
    await write(file, text)
    if (photos && i % 3 === 0) await write(`public/images/berita-${i}.png`, makePng(1200, 675, i))
    titles.push(title)
  }
  return titles
}

/** The site config of a generated site (with the news theme passed in). */
export const newsSiteConfig = (root, { lang = 'id-ID', url = 'https://uji.warta.example', theme }) => ({
  root,
  site: {
    title: 'Warta Uji',
    description: 'Situs berita uji untuk tema Warta.',
    url,
    lang,
    timezone: 'Asia/Makassar',
    nav: [...SECTIONS],
    publisher: { name: 'Warta Uji' },
  },
  theme,
})
