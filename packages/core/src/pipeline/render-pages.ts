import type { Diagnostic } from '../errors/diagnostic.js'
import { type Renderer, TemplateRenderError } from '../render/create-renderer.js'
import type { Page } from '../routes/pages/page.js'
import type { BuiltFiles } from './built-files.js'
import type { PlannedPage } from './render-plan.js'

/** A page whose template threw, as a diagnostic on the template (or the theme). */
export function renderFailure(page: Page, error: unknown, themeName: string): Diagnostic {
  return {
    file: error instanceof TemplateRenderError ? error.file : themeName,
    message: `Rendering ${page.path} failed: ${(error as Error).message}`,
    hint: 'Check the template and the helpers it calls.',
    ruleId: 'template-render',
    severity: 'error',
  }
}

/** Renders the planned pages that are not current; current ones are listed as they are on disk. */
export async function renderPages(
  plan: readonly PlannedPage[],
  renderer: Renderer,
  files: BuiltFiles,
  themeName: string,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = []
  for (const { page, key, current } of plan) {
    if (current) {
      await files.add({ path: page.outputPath, key })
      continue
    }
    try {
      await files.add({
        path: page.outputPath,
        key,
        contents: renderer.render(page.layout, await page.context()),
      })
    } catch (error) {
      diagnostics.push(renderFailure(page, error, themeName))
    }
  }
  return diagnostics
}
