import v8 from 'node:v8'

/**
 * How far V8 lets the heap grow past what the last full collection kept, while a build (or
 * the preview's first) runs. By default V8 grows it up to fourfold while a program allocates
 * fast, which a build does all the time (page contexts, rendered pages): at 16,000 articles
 * the process peaked at 0.9–1.2 GiB with ~260 MiB alive, and at 630–645 MiB with this bound,
 * for cold times within the noise.
 */
const GROWTH_PERCENT = 25

let holders = 0

/** Whether the program was started with its own growth (`NODE_OPTIONS` may not hold one): Warta leaves it alone. */
const setByUser = (): boolean => process.execArgv.some((flag) => /^--heap[-_]growing[-_]percent\b/.test(flag))

/**
 * Bounds V8's heap growth (a process-wide setting: worker threads follow it) until the
 * returned function is called; nested and concurrent holders share it, and the last one to
 * let go restores V8's own policy.
 */
export function boundHeapGrowth(): () => void {
  if (setByUser()) return () => {}
  if (holders++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`)
  let released = false
  return () => {
    if (released) return
    released = true
    if (--holders === 0) v8.setFlagsFromString('--heap-growing-percent=0')
  }
}
