import { SafeHtml } from './safe-html.js'

const NAME = /^--[a-zA-Z0-9_-]+$/
// Nothing that could end the declaration, the rule or the <style> element.
const VALUE = /^[^<>{};\\\n\r]+$/

/**
 * Writes `site.colors` as custom property declarations for a `<style>` element. Names
 * and values that could escape the declaration are left out rather than escaped, since
 * HTML entities mean nothing inside `<style>`.
 */
export function cssVars(colors: unknown): SafeHtml {
  const entries: [string, string][] = Array.isArray(colors)
    ? colors.map((c: { name?: unknown; value?: unknown }) => [String(c?.name ?? ''), String(c?.value ?? '')])
    : typeof colors === 'object' && colors !== null
      ? Object.entries(colors).map(([name, value]) => [name, String(value)])
      : []
  const declarations = entries
    .map(([name, value]) => [name.startsWith('--') ? name : `--${name}`, value.trim()] as const)
    .filter(([name, value]) => NAME.test(name) && VALUE.test(value))
    .map(([name, value]) => `${name}:${value}`)
  return new SafeHtml(declarations.join(';'))
}
