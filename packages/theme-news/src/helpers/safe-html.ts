/**
 * HTML the theme built itself from escaped parts. Handlebars inserts any value with a
 * `toHTML()` method as is (that is how its own SafeString works), so the theme needs no
 * runtime dependency on Handlebars. Never wrap text that was not escaped first.
 */
export class SafeHtml {
  constructor(private readonly html: string) {}
  toHTML(): string {
    return this.html
  }
  toString(): string {
    return this.html
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
}

/** Escapes text for HTML content and quoted attributes, like Handlebars' `{{ }}`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (char) => ESCAPES[char] ?? char)
}
