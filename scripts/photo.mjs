// Photo-like test images for benches and tests: colour gradients and shapes under camera grain,
// so that encoders meet what they meet in a real photo (a flat test card compresses like nothing).
import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const core = path.join(path.dirname(fileURLToPath(import.meta.url)), '../packages/core/package.json')
/** sharp as core has it: the scripts and the root package do not depend on it themselves. */
const sharp = createRequire(core)('sharp')

/**
 * Writes a photo of `width` × `height` pixels as JPEG (or PNG, by the extension); `seed` varies
 * the colours, `grain` the noise (default 24), `quality` the JPEG quality (default 90). At
 * 3000 × 2000 a JPEG is about 2.5 MB, like a phone camera's; at 1600 × 1067 with grain 10 and
 * quality 82, about 300 kB. The file's folder is made if it is missing.
 */
export async function writePhoto(file, width, height, options = {}) {
  const seed = options.seed ?? 1
  const hue = (n) => `hsl(${(seed * 67 + n * 53) % 360} 55% ${40 + ((seed + n) % 4) * 8}%)`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hue(0)}"/><stop offset="1" stop-color="${hue(1)}"/></linearGradient>
    <radialGradient id="r"><stop offset="0" stop-color="${hue(2)}"/><stop offset="1" stop-color="${hue(2)}" stop-opacity="0"/></radialGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.3}" cy="${height * 0.4}" r="${height * 0.35}" fill="url(#r)"/>
    <rect x="${width * 0.55}" y="${height * 0.5}" width="${width * 0.3}" height="${height * 0.35}" fill="${hue(3)}" opacity="0.7"/>
  </svg>`
  const scene = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer()
  const grain = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: options.grain ?? 24 },
    },
  })
    .raw()
    .toBuffer()
  for (let i = 0; i < scene.length; i++) scene[i] = Math.max(0, Math.min(255, scene[i] + grain[i] - 128))
  const image = sharp(scene, { raw: { width, height, channels: 3 } })
  await mkdir(path.dirname(file), { recursive: true })
  await (file.endsWith('.png') ? image.png() : image.jpeg({ quality: options.quality ?? 90 })).toFile(file)
}
