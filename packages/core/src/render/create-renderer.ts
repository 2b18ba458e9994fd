import path from 'node:path'
import Handlebars from 'handlebars'
import type { HelperContext, Theme } from '../config/theme.js'
import type { Diagnostic } from '../errors/diagnostic.js'
import type { PageContext } from '../routes/views.js'
import { hashText } from '../util/hash.js'
import type { TemplateFile } from './template-files.js'

/** Renders pages with one isolated Handlebars environment, templates compiled once. */
export interface Renderer {
  /** Fingerprint of a layout with its parent layouts and every partial they can reach. */
  templateKey(layout: string): string
  /** Renders a page; throws a `TemplateRenderError` naming the template on failure. */
  render(layout: string, context: PageContext): string
  /** Problems found compiling templates. */
  diagnostics: Diagnostic[]
}

/** A failure while rendering, with the template it happened in. */
export class TemplateRenderError extends Error {
  override name = 'TemplateRenderError'
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message)
  }
}

const PARENT = /^\s*\{\{!<\s*([\w/-]+)\s*\}\}/

/** Names of the partials a template refers to; `*` when it picks one dynamically. */
function partialNames(source: string): Set<string> {
  const names = new Set<string>()
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    const n = node as { type?: string; name?: { type?: string; original?: unknown } }
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name) {
      names.add(
        n.name.type === 'PathExpression' || n.name.type === 'StringLiteral' ? String(n.name.original) : '*',
      )
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit)
      else if (value && typeof value === 'object' && value !== n.name) visit(value)
    }
  }
  visit(Handlebars.parse(source))
  return names
}

/** Options of the renderer. */
export interface RendererOptions {
  theme: Theme
  layouts: Map<string, TemplateFile>
  partials: Map<string, TemplateFile>
  helperContext: HelperContext
  /** Makes paths in messages relative to the site root. */
  root: string
}

/** Compiles layouts and registers partials and helpers into a fresh Handlebars environment. */
export function createRenderer(options: RendererOptions): Renderer {
  const env = Handlebars.create()
  const diagnostics: Diagnostic[] = []
  const relative = (file: string) => path.relative(options.root, file).split(path.sep).join('/')
  const report = (file: string, error: unknown) => {
    const message = (error as Error).message
    const line = /line (\d+)/.exec(message)?.[1]
    diagnostics.push({
      file: relative(file),
      place: line ? { line: Number(line), column: 1 } : undefined,
      message: `Template error: ${message.split('\n')[0]}`,
      hint: 'Check the Handlebars syntax near this line: every {{#block}} needs its {{/block}}.',
      ruleId: 'template-syntax',
      severity: 'error',
    })
  }

  const reach = new Map<string, Set<string>>()
  for (const template of [...options.partials.values(), ...options.layouts.values()]) {
    try {
      reach.set(template.file, partialNames(template.source))
    } catch (error) {
      report(template.file, error)
    }
  }
  for (const partial of options.partials.values()) env.registerPartial(partial.name, partial.source)
  env.registerHelper(options.theme.helpers?.(options.helperContext) ?? {})

  const compiled = new Map<string, { template: Handlebars.TemplateDelegate; parent?: string; file: string }>()
  for (const layout of options.layouts.values()) {
    if (!reach.has(layout.file)) continue
    try {
      const template = env.compile(layout.source, { preventIndent: true })
      compiled.set(layout.name, { template, parent: PARENT.exec(layout.source)?.[1], file: layout.file })
    } catch (error) {
      report(layout.file, error)
    }
  }

  const keys = new Map<string, string>()
  const templateKey = (layout: string): string => {
    let key = keys.get(layout)
    if (key) return key
    const sources: string[] = []
    const seen = new Set<string>()
    const addPartials = (file: string) => {
      for (const name of reach.get(file) ?? []) {
        const targets = name === '*' ? [...options.partials.values()] : [options.partials.get(name)]
        for (const partial of targets) {
          if (!partial || seen.has(partial.file)) continue
          seen.add(partial.file)
          sources.push(partial.name, partial.source)
          addPartials(partial.file)
        }
      }
    }
    for (
      let name: string | undefined = layout;
      name && !seen.has(`layout:${name}`);
      name = compiled.get(name)?.parent
    ) {
      seen.add(`layout:${name}`)
      const file = options.layouts.get(name)
      sources.push(name, file?.source ?? '')
      if (file) addPartials(file.file)
    }
    key = hashText(sources.join('\0'))
    keys.set(layout, key)
    return key
  }

  const render = (layout: string, context: PageContext): string => {
    let name: string | undefined = layout
    let body: string | undefined
    const chain = new Set<string>()
    while (name) {
      const entry = compiled.get(name)
      if (!entry)
        throw new TemplateRenderError(
          relative(options.layouts.get(name)?.file ?? name),
          `Layout "${name}" does not exist in the theme or the site's layouts/.`,
        )
      if (chain.has(name))
        throw new TemplateRenderError(relative(entry.file), `Layout "${name}" names itself as its parent.`)
      chain.add(name)
      try {
        const input = body === undefined ? context : { ...context, body: new env.SafeString(body) }
        body = entry.template(input)
      } catch (error) {
        throw new TemplateRenderError(relative(entry.file), (error as Error).message)
      }
      name = entry.parent
    }
    return body ?? ''
  }
  return { templateKey, render, diagnostics }
}
