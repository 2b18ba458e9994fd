/** Shortens text to at most `length` characters (plus `…`), cutting at a word boundary when one is near. */
export function excerpt(text: string, length = 160): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= length) return clean
  const boundary = clean[length] === ' ' ? length : clean.lastIndexOf(' ', length)
  const cut = clean.slice(0, boundary > length * 0.6 ? boundary : length)
  return `${cut.replace(/[\s,.;:–—-]+$/, '')}…`
}
