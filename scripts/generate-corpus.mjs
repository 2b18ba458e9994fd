// Writes N synthetic news articles (seeded, so every run makes the same corpus) into a site folder.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

const WORDS = (
  'pemerintah provinsi kalimantan timur gubernur kota samarinda balikpapan bontang kutai warga pembangunan jalan ' +
  'jembatan sekolah rumah sakit anggaran daerah dinas pendidikan kesehatan pertanian perikanan tambang batu bara ' +
  'investasi ekonomi pasar harga beras banjir sungai mahakam hutan lingkungan polisi pengadilan pemilihan dewan ' +
  'rakyat program bantuan sosial masyarakat desa kecamatan kabupaten ibu kota negara nusantara proyek kereta api ' +
  'pelabuhan bandara listrik air bersih guru siswa universitas mahasiswa olahraga sepak bola festival budaya ' +
  'the council said on monday that the new budget would fund roads schools and clinics across the province'
).split(' ')
const CATEGORIES = [
  'Pemerintahan',
  'Ekonomi',
  'Hukum',
  'Pendidikan',
  'Kesehatan',
  'Olahraga',
  'Lingkungan',
  'Budaya',
]
const TAGS = Array.from({ length: 120 }, (_, i) => `Topik ${i + 1}`)
const AUTHORS = [
  'DHV',
  'Rina Wati',
  'Budi Santoso',
  'Siti Aminah',
  'Andi Pratama',
  'Yusuf Hakim',
  'Maria Ulfa',
  'Ahmad Fauzi',
]

/** mulberry32: a tiny seeded generator, so corpora are reproducible. */
export function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Three hours apart, newest last; big corpora start earlier so that none is dated after the bench's clock (2026). */
const SPACING_MS = 3 * 3600_000
const startFor = (count) => Math.min(Date.UTC(2015, 0, 1), Date.UTC(2026, 0, 1) - count * SPACING_MS)

/** Seeded text from a word list: sentences of 8 to 8 + `spread` - 1 words, paragraphs of 3 to 5. */
export function seededText(seed, wordList, spread) {
  const rnd = random(seed)
  const pick = (list) => list[Math.floor(rnd() * list.length)]
  const words = (n) => Array.from({ length: n }, () => pick(wordList)).join(' ')
  const sentence = () => {
    const s = words(8 + Math.floor(rnd() * spread))
    return `${s[0].toUpperCase()}${s.slice(1)}.`
  }
  const paragraph = () => Array.from({ length: 3 + Math.floor(rnd() * 3) }, sentence).join(' ')
  return { rnd, pick, words, sentence, paragraph }
}

export function createArticleWriter(seed = 42, start = Date.UTC(2015, 0, 1)) {
  const { rnd, pick, words, sentence, paragraph } = seededText(seed, WORDS, 14)
  return (i, { titleSuffix = '', bodyExtra = '' } = {}) => {
    const day = new Date(start + i * SPACING_MS)
    const title = `${sentence().slice(0, -1)} ${i}${titleSuffix}`
    const tags = [...new Set([pick(TAGS), pick(TAGS), pick(TAGS)])]
    const body = [
      paragraph(),
      `Menurut ${pick(AUTHORS)}, *${words(6)}* dan **${words(4)}**, seperti dilaporkan [sumber resmi](https://example.org/${i}).`,
      paragraph(),
      `## ${sentence().slice(0, -1)}`,
      paragraph(),
      `> “${sentence()}” ujar ${pick(AUTHORS)}.`,
      paragraph(),
      `- ${words(6)}\n- ${words(7)}\n- ${words(5)}`,
      paragraph(),
      `## ${sentence().slice(0, -1)}`,
      `| Wilayah | Nilai |\n| --- | ---: |\n| Samarinda | ${Math.floor(rnd() * 1000)} |\n| Balikpapan | ${Math.floor(rnd() * 1000)} |`,
      paragraph(),
      paragraph(),
      paragraph(),
      paragraph(),
      bodyExtra,
    ].join('\n\n')
    const front = [
      '---',
      `title: "${title}"`,
      `date: ${day.toISOString().slice(0, 16)}+08:00`,
      `author: ${pick(AUTHORS)}`,
      `category: ${pick(CATEGORIES)}`,
      `tags: [${tags.map((t) => `"${t}"`).join(', ')}]`,
      `summary: "${sentence()}"`,
      '---',
    ].join('\n')
    return {
      file: `${day.toISOString().slice(0, 7).replace('-', '/')}/artikel-${i}.md`,
      text: `${front}\n\n${body}\n`,
    }
  }
}

/** Writes a site folder with `count` articles and a config using the news theme. */
export async function generateSite(dir, count, seed = 42) {
  await rm(dir, { recursive: true, force: true })
  const write = createArticleWriter(seed, startFor(count))
  for (let i = 0; i < count; i++) {
    const { file, text } = write(i)
    await mkdir(path.join(dir, 'content', path.dirname(file)), { recursive: true })
    await writeFile(path.join(dir, 'content', file), text)
  }
  return write
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'bench-site', count = '1000'] = process.argv.slice(2)
  await generateSite(path.resolve(dir), Number(count))
  console.log(`Wrote ${count} articles to ${dir}/content`)
}
