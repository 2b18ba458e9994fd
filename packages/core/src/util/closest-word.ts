/** Edit distance (insertions, deletions, substitutions, swaps of neighbours), for suggestions. */
function distance(a: string, b: string): number {
  const width = b.length + 1
  const d = new Array<number>((a.length + 1) * width).fill(0)
  const at = (i: number, j: number) => d[i * width + j] as number
  for (let i = 0; i <= a.length; i++) d[i * width] = i
  for (let j = 0; j <= b.length; j++) d[j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1)
      d[i * width + j] = best
    }
  }
  return at(a.length, b.length)
}

/**
 * The known word closest to a mistyped one (an option, a command), when one is close enough
 * to be what was meant: the same letters in another case, or a few letters off.
 */
export function closestOption(typed: string, known: readonly string[]): string | undefined {
  const lower = typed.toLowerCase()
  const sameLetters = known.find((k) => k.toLowerCase() === lower)
  if (sameLetters) return sameLetters
  let best: { key: string; score: number } | undefined
  for (const key of known) {
    const score = distance(lower, key.toLowerCase())
    if (score <= Math.max(1, Math.floor(key.length / 3)) && (!best || score < best.score))
      best = { key, score }
  }
  return best?.key
}
