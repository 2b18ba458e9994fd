import type { Diagnostic } from '../errors/diagnostic.js'
import type { ArticleHeading } from '../markdown/remark-article-text.js'

/**
 * `heading-order`: headings of the body that skip a level (an h4 after an h2), or an h1
 * in the body. The page's h1 is the headline, so the body's first heading is an h2;
 * people using screen readers move through the page by these levels. Made with the record
 * (see `ArticleRecord.findings`), so that the headings need not stay in memory for the check.
 */
export function findHeadingOrder(sourcePath: string, headings: readonly ArticleHeading[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  // The headline is the level-1 heading every body starts under.
  let previous = 1
  let first = true
  for (const heading of headings) {
    const place = { line: heading.line, column: heading.column }
    const report = (message: string, hint: string) =>
      diagnostics.push({
        file: sourcePath,
        place,
        message,
        hint,
        ruleId: 'heading-order',
        severity: 'warning',
      })
    if (heading.depth === 1) {
      report(
        `The body has an h1 heading (“${heading.text}”); the page’s h1 is the headline.`,
        'Make it an h2 (## in markdown), or make it the title if it is the headline.',
      )
    } else if (heading.depth > previous + 1) {
      const after = first ? 'the headline (h1)' : `an h${previous}`
      report(
        `The heading “${heading.text}” is an h${heading.depth} after ${after}, skipping a level.`,
        `Make it an h${previous + 1} (${'#'.repeat(previous + 1)} in markdown); choose levels by structure, not by size, and style sizes in the theme.`,
      )
    }
    previous = heading.depth
    first = false
  }
  return diagnostics
}
