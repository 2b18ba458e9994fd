import { loadConfig } from '../config/load-config.js'
import { resolveConfig } from '../config/resolve-config.js'
import type { Theme } from '../config/theme.js'
import type { WartaConfig } from '../config/types.js'
import type { PageContext } from '../routes/views.js'
import { createRenderer, type Renderer, TemplateRenderError } from './create-renderer.js'
import { createHelperContext, type RenderSetup } from './render-setup.js'

/**
 * A batch of pages for one worker job. The setup travels once per worker and setup key, not
 * with every batch: a worker that has no renderer for `setupKey` answers `NEEDS_SETUP`, and
 * the batch is sent again with `setup`.
 */
export interface RenderTask {
  setupKey: string
  setup?: RenderSetup
  pages: { layout: string; context: PageContext }[]
}

/** One page's result: its HTML, or the error of the template that failed. */
export type RenderedPage = { html: string } | { error: { file?: string; message: string } }

/** A worker's answer to a batch without the setup it has not seen: send it again with it. */
export const NEEDS_SETUP = 'needs-setup'

/**
 * Renderers by setup key, the most recently used last: a site with editions renders each with
 * its own, and the preview makes a new one whenever templates change.
 */
const renderers = new Map<string, Promise<Renderer>>()
/** Renderers a worker keeps: a few editions' worth. */
const KEPT_RENDERERS = 8

async function themeOf(setup: RenderSetup): Promise<Theme> {
  if ('module' in setup.theme) {
    const { url, export: name, args } = setup.theme.module
    const make = (await import(url))[name] as (...args: unknown[]) => Theme
    return make(...args)
  }
  const { config } = await loadConfig(setup.theme.configFile)
  return resolveConfig(config as WartaConfig).theme
}

async function rendererOf(setup: RenderSetup): Promise<Renderer> {
  return createRenderer({
    theme: await themeOf(setup),
    layouts: new Map(setup.layouts.map((t) => [t.name, t])),
    partials: new Map(setup.partials.map((t) => [t.name, t])),
    root: setup.root,
    helperContext: createHelperContext(setup.site, setup.strings, new Map(setup.assets), setup.assetBasePath),
  })
}

/** A worker's render job: renders a batch of pages with a renderer made once per setup key. */
export async function renderBatch(task: RenderTask): Promise<RenderedPage[] | typeof NEEDS_SETUP> {
  let made = renderers.get(task.setupKey)
  if (!made) {
    if (!task.setup) return NEEDS_SETUP
    made = rendererOf(task.setup)
  }
  renderers.delete(task.setupKey)
  renderers.set(task.setupKey, made)
  for (const key of renderers.keys()) if (renderers.size > KEPT_RENDERERS) renderers.delete(key)
  const renderer = await made
  return task.pages.map(({ layout, context }) => {
    try {
      return { html: renderer.render(layout, context) }
    } catch (error) {
      const file = error instanceof TemplateRenderError ? error.file : undefined
      return { error: { file, message: (error as Error).message } }
    }
  })
}
