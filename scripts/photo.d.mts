/** Writes a photo-like JPEG (or PNG, by the extension) of `width` × `height` pixels (see photo.mjs). */
export function writePhoto(
  file: string,
  width: number,
  height: number,
  options?: { seed?: number; grain?: number; quality?: number },
): Promise<void>
