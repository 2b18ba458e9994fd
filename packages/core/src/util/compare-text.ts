/**
 * Orders text by code point. `localeCompare` would follow the build machine's locale
 * (`LANG`), so the same sources could list in a different order on another machine.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
