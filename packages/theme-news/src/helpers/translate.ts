/** Language strings: key → text with `{name}` placeholders. */
export type Strings = Record<string, string>

/** Replaces `{name}` placeholders with values; unknown placeholders stay as written. */
export function interpolate(text: string, values: Record<string, unknown>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) && values[name] != null ? String(values[name]) : whole,
  )
}

/**
 * Looks a string up and fills its placeholders. A missing key returns the key itself,
 * so a forgotten string shows on the page instead of vanishing.
 */
export function translate(strings: Strings, key: string, values: Record<string, unknown> = {}): string {
  const text = Object.hasOwn(strings, key) ? strings[key] : undefined
  return interpolate(text ?? key, values)
}
