/** Names Windows refuses as file names, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const ILLEGAL = /[\u0000-\u001f\u007f<>:"|?*\\]/

/** The longest file name, in UTF-8 bytes, that common file systems (ext4, APFS, NTFS) accept. */
const MAX_NAME_BYTES = 255
/**
 * The longest output path, in UTF-8 bytes: object stores (S3, Google Cloud Storage) refuse
 * longer keys, and a path near the 4,096-byte limit of Linux fails only when written.
 */
const MAX_PATH_BYTES = 1024
const utf8 = new TextEncoder()

/**
 * Maps a site path (`/2025/05/16/slug/`, `/404.html`) to a file path inside the output
 * folder (`2025/05/16/slug/index.html`), or says why it cannot: a segment that would
 * leave the folder, an encoded separator, a `#` that would cut the URL short, or a name
 * some file system refuses.
 */
export function toOutputPath(sitePath: string): { outputPath: string } | { error: string } {
  let result = outputPaths.get(sitePath)
  if (!result) {
    if (outputPaths.size > 200_000) outputPaths.clear()
    result = computeOutputPath(sitePath)
    outputPaths.set(sitePath, result)
  }
  return result
}

/** Every page's path is checked on every rebuild of the preview: remember the answers. */
const outputPaths = new Map<string, { outputPath: string } | { error: string }>()

function computeOutputPath(sitePath: string): { outputPath: string } | { error: string } {
  if (!sitePath.startsWith('/') || sitePath.startsWith('//'))
    return { error: `"${sitePath}" must start with a single /` }
  let decoded: string
  try {
    decoded = decodeURIComponent(sitePath)
  } catch {
    return { error: `"${sitePath}" has a malformed %-escape` }
  }
  if (decoded !== sitePath)
    return { error: `"${sitePath}" must not contain %-escapes; write the characters themselves` }
  const segments = sitePath.slice(1).split('/')
  const directory = sitePath.endsWith('/')
  if (directory) segments.pop()
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..')
      return { error: `"${sitePath}" has an empty, "." or ".." segment that could leave the output folder` }
    if (ILLEGAL.exec(segment))
      return {
        error: `"${sitePath}" contains a character that is not allowed in file names (control characters, \\ < > : " | ? *)`,
      }
    if (segment.includes('#'))
      return { error: `"${sitePath}" contains "#", which would make the rest of the URL a fragment` }
    const bytes = utf8.encode(segment).length
    if (bytes > MAX_NAME_BYTES)
      return { error: `"${sitePath}" has a segment of ${bytes} bytes; file systems allow ${MAX_NAME_BYTES}` }
    if (RESERVED.test(segment)) return { error: `"${sitePath}" uses "${segment}", a name Windows reserves` }
    if (/[. ]$/.test(segment))
      return { error: `"${sitePath}" has a segment ending in a dot or space, which Windows drops` }
  }
  const joined = segments.join('/')
  const outputPath = directory ? (joined ? `${joined}/index.html` : 'index.html') : joined
  const pathBytes = utf8.encode(outputPath).length
  if (pathBytes > MAX_PATH_BYTES)
    return {
      error: `"${sitePath}" makes a file path of ${pathBytes} bytes; at most ${MAX_PATH_BYTES} are allowed`,
    }
  return { outputPath }
}

/** The key two output paths collide under: case-insensitive and Unicode-normalised, as on macOS and Windows. */
export function collisionKey(outputPath: string): string {
  return outputPath.normalize('NFC').toLowerCase()
}
