// Bundles the markdown stage (unified, micromark, the mdast and hast utilities: about 300
// ES modules) into the one file dist/markdown/create-processor.js. Node resolves and links
// each module separately, which costs ~300 ms per process and per worker thread; one
// bundled file loads in ~40 ms. Run after tsc, which writes the unbundled file first.
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const file = fileURLToPath(new URL('../dist/markdown/create-processor.js', import.meta.url))
await build({
  entryPoints: [file],
  outfile: file,
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
})
