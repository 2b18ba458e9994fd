/**
 * Appends items to an array in place. `target.push(...items)` passes every item as an
 * argument and overflows the call stack past about 100,000 (a huge archive's warnings).
 */
export function append<T>(target: T[], ...lists: readonly (readonly T[])[]): T[] {
  for (const list of lists) for (const item of list) target.push(item)
  return target
}
