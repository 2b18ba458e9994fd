// The images mode of `pnpm bench --images [--photos 8] [--runs 3]`: what the image stage costs
// per photo. A site of articles each with a camera-size lead photo (3000 × 2000, ~2.5 MB) is
// built cold (no cache) with 1 and with 2 worker threads, then warm (cache and output current);
// the same site without the photos is built alike, and the difference, divided by the number of
// photos, is the cost of one photo: all its sizes and formats and its share crops when cold, a
// stat and cache look-ups when warm. Generated share cards are left out of both (articleCards).
import { execFile } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { writePhoto } from './photo.mjs'

const run = promisify(execFile)
const here = path.dirname(fileURLToPath(import.meta.url))

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** One build in a fresh process (bench-child.mjs), with `workers` worker threads. */
async function child(mode, root, workers) {
  const { stdout } = await run(process.execPath, [path.join(here, 'bench-child.mjs'), mode, root], {
    env: { ...process.env, WARTA_WORKERS: String(workers), BENCH_ARTICLE_CARDS: 'false' },
    maxBuffer: 1 << 24,
  })
  return JSON.parse(stdout.trim().split('\n').at(-1))
}

/** Writes the site: `photos` articles, each with its own lead photo when `withPhotos`. */
async function writeSite(root, photos, withPhotos) {
  await rm(root, { recursive: true, force: true })
  await mkdir(path.join(root, 'content'), { recursive: true })
  await mkdir(path.join(root, 'public/images'), { recursive: true })
  await mkdir(path.join(root, 'node_modules'), { recursive: true })
  for (let i = 0; i < photos; i++) {
    const image = withPhotos ? `image: { src: /images/foto-${i}.jpg, alt: Foto berita ${i} }\n` : ''
    const text = `---\ntitle: Berita bergambar nomor ${i}\ndate: 2025-05-${String(1 + (i % 28)).padStart(2, '0')}T08:00\ncategory: Daerah\nsummary: Ringkasan berita ${i}.\n${image}---\n\nIsi berita ${i}.\n`
    await writeFile(path.join(root, 'content', `berita-${i}.md`), text)
  }
}

/** Runs the images bench and prints its figures. */
export async function benchImages({ photos, runs }) {
  const base = path.join(here, '..', 'node_modules', '.bench', 'images')
  const withRoot = path.join(base, 'with')
  const withoutRoot = path.join(base, 'without')
  console.log(`Writing ${photos} photos of 3000 × 2000…`)
  await writeSite(withRoot, photos, true)
  await writeSite(withoutRoot, photos, false)
  const sizes = []
  for (let i = 0; i < photos; i++) {
    const file = path.join(withRoot, 'public/images', `foto-${i}.jpg`)
    await writePhoto(file, 3000, 2000, { seed: i + 1 })
    sizes.push((await readFile(file)).length)
  }
  const clean = (root) =>
    Promise.all([
      rm(path.join(root, '.warta', 'cache'), { recursive: true, force: true }),
      rm(path.join(root, 'dist'), { recursive: true, force: true }),
    ])
  const results = { cold1: [], cold2: [], warm: [], base1: [], base2: [], baseWarm: [] }
  for (let r = 0; r < runs; r++) {
    for (const [key, baseKey, workers] of [
      ['cold1', 'base1', 1],
      ['cold2', 'base2', 2],
    ]) {
      await clean(withRoot)
      await clean(withoutRoot)
      results[key].push((await child('build', withRoot, workers)).ms)
      results[baseKey].push((await child('build', withoutRoot, workers)).ms)
    }
    // Warm: the cache and the output as the last build left them.
    results.warm.push((await child('build', withRoot, 2)).ms)
    results.baseWarm.push((await child('build', withoutRoot, 2)).ms)
    process.stdout.write(`run ${r + 1}/${runs}\n`)
  }
  const perPhoto = (a, b) => (median(results[a]) - median(results[b])) / photos
  const mb = (median(sizes) / 1e6).toFixed(1)
  console.log(`\nWarta images, ${photos} photos of 3000 × 2000 (median ${mb} MB), ${runs} runs, medians:`)
  console.log(
    `  cold, 1 worker     ${perPhoto('cold1', 'base1').toFixed(0)} ms per photo (build ${median(results.cold1).toFixed(0)} ms)`,
  )
  console.log(
    `  cold, 2 workers    ${perPhoto('cold2', 'base2').toFixed(0)} ms per photo (build ${median(results.cold2).toFixed(0)} ms)`,
  )
  console.log(
    `  warm, unchanged    ${perPhoto('warm', 'baseWarm').toFixed(1)} ms per photo (build ${median(results.warm).toFixed(0)} ms, ${median(results.baseWarm).toFixed(0)} ms without photos)`,
  )
}
