const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
}

/** The media type of an image from its URL's extension, when it is a known one. */
export function imageMediaType(url: string): string | undefined {
  let pathname: string
  try {
    pathname = new URL(url).pathname
  } catch {
    return undefined
  }
  const match = /\.([a-z0-9]+)$/i.exec(pathname)
  return match?.[1] ? IMAGE_TYPES[match[1].toLowerCase()] : undefined
}

/**
 * What `feed` writes as an Atom enclosure type: `image/` plus the text after the last dot
 * of the path (so `image/jpg`, `image/JPG`, `image/svg`). Mapped back to the real type.
 */
export function fixAtomEnclosureType(libraryType: string): string | undefined {
  const extension = libraryType.startsWith('image/') ? libraryType.slice('image/'.length) : ''
  return IMAGE_TYPES[extension.toLowerCase()]
}
