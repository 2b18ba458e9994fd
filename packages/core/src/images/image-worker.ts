import { isMainThread } from 'node:worker_threads'
import {
  type EncodeResult,
  type EncodeTask,
  encodeImage,
  loadSharp,
  writeAtomically,
} from './encode-image.js'
import { type CardText, cardSvg } from './share-card.js'

/** A generated card to draw and encode as PNG into `file`. */
export interface CardTask {
  card: CardText
  file: string
}

/** What drawing a card made: the characters its fonts could not draw (see `cardSvg`). */
export interface CardResult {
  missing: string[]
  failure?: { message: string }
}

/** One unit of image work, on a worker thread or this one. */
export type ImageTask = { encode: EncodeTask } | { card: CardTask }

/** What a task made. */
export type ImageTaskResult = EncodeResult | CardResult

/** Draws a card: its SVG (text as paths, so no font lookup) rasterized by librsvg, as PNG. */
async function drawCard(task: CardTask): Promise<CardResult> {
  try {
    const sharp = await loadSharp()
    const { svg, missing } = await cardSvg(task.card)
    await writeAtomically(task.file, await sharp(Buffer.from(svg)).png().toBuffer())
    return { missing }
  } catch (error) {
    return { missing: [], failure: { message: (error as Error)?.message ?? String(error) } }
  }
}

// Each worker thread encodes one file at a time: the pool's size is the build's parallelism,
// not the pool's size times libvips' own threads on a machine with that many cores.
if (!isMainThread) void loadSharp().then((sharp) => sharp.concurrency(1))

/** Worker entry: runs one image task. */
export default async function runImageTask(task: ImageTask): Promise<ImageTaskResult> {
  return 'encode' in task ? encodeImage(task.encode) : drawCard(task.card)
}
