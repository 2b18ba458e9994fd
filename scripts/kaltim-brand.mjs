// Draws the example site's brand in code: the "Warta Kaltim" wordmark (SVG, with a dark-mode
// variant), its PNGs for structured data (512 × 512, Google's Organization logo; 600 × 60, the
// wordmark for places that want a banner) and the site's share image (1200 × 630): the wordmark,
// the tagline and the Mahakam drawn as a river of lines. Letters are paths from the fonts core
// ships (Source Serif 4 and Source Sans 3), so every machine draws them the same.
// Usage: pnpm build, then node scripts/kaltim-brand.mjs → examples/kaltim/public/images/.
import { mkdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const core = createRequire(path.join(repo, 'packages/core/package.json'))
const sharp = core('sharp')
// Core's own text setting: a glyph per character, kerned, no shaping tables (share-card.ts).
const { loadFaces, pathData, shape } = await import(
  path.join(repo, 'packages/core/dist/images/text-paths.js')
)
const { serif, sans } = await loadFaces()
const out = path.join(repo, 'examples/kaltim/public/images')

const INK = '#161616'
const ACCENT = '#b3121f'
const PAPER = '#ffffff'

/** Text as one path at (x, baseline y), and its advance width. */
function word(fonts, text, x, y, size) {
  const shaped = shape(fonts, text, size)
  return { d: pathData(shaped, x, y, size), width: shaped.width }
}

/** The wordmark "Warta Kaltim" at `size` px, from (x, baseline): its paths and width. */
function wordmark(x, baseline, size) {
  const mark = size * 0.62
  const gap = size * 0.22
  const first = word(serif, 'Warta', x + mark + gap, baseline, size)
  const space = size * 0.24
  const second = word(serif, 'Kaltim', x + mark + gap + first.width + space, baseline, size)
  // The mark: the favicon's square with three lines of type, as tall as the capitals.
  const top = baseline - size * 0.66
  const line = (dy, w) => `M${x + mark * 0.2} ${top + mark * dy}h${mark * w}v${mark * 0.1}h${-mark * w}z`
  const markPath = `M${x} ${top}h${mark}v${mark}h${-mark}z`
  const markLines = [line(0.22, 0.6), line(0.44, 0.6), line(0.66, 0.42)].join('')
  return {
    markPath,
    markLines,
    first: first.d,
    second: second.d,
    width: mark + gap + first.width + space + second.width,
  }
}

async function main() {
  await mkdir(out, { recursive: true })
  // The masthead's logo: ink on paper, paper on night in dark mode (an <img> follows the page's scheme).
  const size = 48
  const w = wordmark(2, 50, size)
  const width = Math.ceil(w.width + 4)
  const height = 64
  const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>Warta Kaltim</title><style>.i{fill:${INK}}.a{fill:${ACCENT}}.p{fill:${PAPER}}@media (prefers-color-scheme:dark){.i{fill:#ebebea}.a{fill:#ff7b72}.p{fill:#121314}}</style><path class="a" d="${w.markPath}"/><path class="p" d="${w.markLines}"/><path class="i" d="${w.first}"/><path class="a" d="${w.second}"/></svg>\n`
  await writeFile(path.join(out, 'logo.svg'), logo)
  console.log(`logo.svg ${width} × ${height}`)

  // 600 × 60: the wordmark on white, as wide as fits.
  const banner = wordmark(12, 45, 40)
  const bannerSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60"><rect width="600" height="60" fill="${PAPER}"/><path fill="${ACCENT}" d="${banner.markPath}"/><path fill="${PAPER}" d="${banner.markLines}"/><path fill="${INK}" d="${banner.first}"/><path fill="${ACCENT}" d="${banner.second}"/></svg>`
  await sharp(Buffer.from(bannerSvg)).png().toFile(path.join(out, 'logo-600x60.png'))

  // 512 × 512: the mark large, the name under it.
  const k = 512
  const name = word(serif, 'Warta Kaltim', 0, 0, 70)
  const nameX = (k - name.width) / 2
  const square = `<svg xmlns="http://www.w3.org/2000/svg" width="${k}" height="${k}"><rect width="${k}" height="${k}" fill="${PAPER}"/>
    <rect x="156" y="70" width="200" height="200" fill="${ACCENT}"/>
    <path fill="${PAPER}" d="M196 114h120v20H196zM196 158h120v20H196zM196 202h84v20H196z"/>
    <path fill="${INK}" d="${word(serif, 'Warta Kaltim', nameX, 380, 70).d}"/>
    <rect x="${nameX}" y="412" width="${name.width}" height="8" fill="${ACCENT}"/></svg>`
  await sharp(Buffer.from(square)).png().toFile(path.join(out, 'logo-512.png'))

  // The share image: the river of lines across the bottom, the wordmark and the tagline above.
  const river = Array.from({ length: 9 }, (_, i) => {
    const y = 470 + i * 17
    const amp = 22 - i * 1.5
    const d = Array.from({ length: 13 }, (_, j) => {
      const x = j * 100
      return `${j === 0 ? 'M' : 'S'}${x - 50} ${y + (j % 2 ? amp : -amp)} ${x} ${y}`
    }).join(' ')
    return `<path d="${d}" fill="none" stroke="${i % 3 === 0 ? ACCENT : '#3a3a3a'}" stroke-width="${i % 3 === 0 ? 5 : 3}" opacity="${1 - i * 0.07}"/>`
  }).join('')
  const big = wordmark(80, 250, 112)
  const tagline = word(sans, 'Berita terkini dari Samarinda dan seluruh Kalimantan Timur', 80, 330, 38)
  const share = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="${INK}"/>
    <rect width="1200" height="14" fill="${ACCENT}"/>${river}
    <path fill="${ACCENT}" d="${big.markPath}"/><path fill="${INK}" d="${big.markLines}"/>
    <path fill="#f2f2f2" d="${big.first}"/><path fill="${ACCENT}" d="${big.second}"/>
    <path fill="#bdbdbd" d="${tagline.d}"/>
    <path fill="#f2f2f2" d="${word(sans, 'kaltim.warta.example', 80, 400, 30).d}"/></svg>`
  await sharp(Buffer.from(share)).png().toFile(path.join(out, 'share.png'))
  console.log('logo-600x60.png, logo-512.png, share.png')
}

await main()
