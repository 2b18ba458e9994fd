/** The part of Handlebars' helper options the theme's helpers read. */
export interface HelperOptions {
  hash: Record<string, unknown>
  data?: { root?: unknown }
  fn?: (context: unknown) => string
  inverse?: (context: unknown) => string
}

/** True when a helper argument is Handlebars' trailing options object. */
export function isOptions(value: unknown): value is HelperOptions {
  return typeof value === 'object' && value !== null && 'hash' in value && 'data' in value
}

/** Splits a helper's arguments into the positional ones and the options object. */
export function splitArgs(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  const last = args[args.length - 1]
  if (isOptions(last)) return { params: args.slice(0, -1), options: last }
  return { params: args, options: { hash: {} } }
}
