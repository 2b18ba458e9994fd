import { symlink } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  article,
  buildFiles,
  buildSite,
  createSite,
  errorLines,
  readOutput,
  type TempSite,
} from './helpers.js'

// A site's own layouts/ reaching for JavaScript through Handlebars: prototype chains,
// constructors, the process, the file system. Prototype access stays off: every probe renders
// as nothing, and no function source or "[object …]" leaks into the page.

const PROBES: [string, string][] = [
  ['constructor.constructor', '{{constructor.constructor}}'],
  ['__proto__', '{{__proto__}}'],
  ['lookup this "constructor"', '{{lookup this "constructor"}}'],
  ['lookup of a lookup', '{{lookup (lookup this "constructor") "constructor"}}'],
  ['lookup this "__proto__"', '{{lookup this "__proto__"}}'],
  ['with constructor', '{{#with constructor}}{{name}}{{/with}}'],
  ['with a looked-up constructor', '{{#with (lookup this "constructor")}}{{lookup this "name"}}{{/with}}'],
  ['a block parameter’s __proto__', '{{#with this as |x|}}{{x.__proto__.constructor}}{{/with}}'],
  ['a string’s constructor', '{{#with article.title}}{{constructor}}{{this.constructor.name}}{{/with}}'],
  ['a view’s constructor name', '{{article.constructor.name}}'],
  [
    'toString and valueOf',
    '{{toString}}{{valueOf}}{{hasOwnProperty}}{{__defineGetter__}}{{__lookupGetter__}}',
  ],
  ['process', '{{process}}{{process.env}}{{process.env.HOME}}{{process.mainModule}}'],
  ['global and require', '{{global}}{{globalThis}}{{require}}{{module}}{{import}}'],
  ['each over a constructor', '{{#each (lookup this "constructor")}}{{@key}}={{this}};{{/each}}'],
  ['each over __proto__', '{{#each __proto__}}{{@key}};{{/each}}'],
  ['a helper’s constructor', '{{lookup asset "constructor"}}{{asset.constructor}}'],
  ['@root’s prototype', '{{@root.__proto__}}{{@root.constructor}}'],
]

const FORBIDDEN = /function|native code|\[object|Object\]|process\.|\/root|\/home|PATH=|root:x:0:0/

let site: TempSite
let page: string

beforeAll(async () => {
  const layout = [
    '{{!< base}}',
    '{{!-- Each probe between markers, so that anything it prints can be found. --}}',
    ...PROBES.map(([name, probe], i) => `<p data-probe="${i}" title="${name}">[[${probe}]]</p>`),
    '<div class="body">{{{article.html}}}</div>',
  ].join('\n')
  site = await createSite({
    'content/probe.md': article({ title: 'Probe', slug: 'probe' }),
    'layouts/article.hbs': layout,
  })
  const outcome = await buildSite(site.root, { permalinks: { article: '/:slug/' } })
  expect(errorLines(outcome)).toEqual([])
  page = await readOutput(site.outDir, 'probe/index.html')
}, 60_000)

afterAll(() => site?.dispose())

describe("a site's template cannot reach JavaScript through Handlebars", () => {
  it.each(PROBES.map(([name], i) => [name, i] as const))('%s renders nothing', (_name, i) => {
    const printed = new RegExp(`data-probe="${i}"[^>]*>\\[\\[([\\s\\S]*?)\\]\\]</p>`).exec(page)?.[1]
    expect(printed).toBeDefined()
    expect(printed).not.toMatch(FORBIDDEN)
    // Only separators the probe itself writes (`=`, `;`) may remain.
    expect(printed?.replace(/[=;]/g, '')).toBe('')
  })

  it('the page as a whole holds no function source and no "[object"', () => {
    expect(page).not.toMatch(FORBIDDEN)
  })
})

describe("a site's template cannot read files", () => {
  it('a partial named like a path outside the site is an error that leaks nothing', async () => {
    const outcome = await buildFiles({
      'content/a.md': article({ title: 'A' }),
      'layouts/article.hbs': '{{!< base}}\n{{> ../../../../../../etc/passwd}}\n',
    })
    expect(outcome.ok).toBe(false)
    expect(JSON.stringify(outcome.diagnostics)).not.toContain('root:x:0:0')
    expect(outcome.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'layouts/article.hbs', severity: 'error' }),
    )
  })

  it('a parent layout named like an absolute path is an error that leaks nothing', async () => {
    const outcome = await buildFiles({
      'content/a.md': article({ title: 'A' }),
      'layouts/article.hbs': '{{!< /etc/passwd}}\n<p>x</p>\n',
    })
    expect(outcome.ok).toBe(false)
    expect(JSON.stringify(outcome.diagnostics)).not.toContain('root:x:0:0')
  })

  it('layouts and partials that are symlinks to files outside the site are not read', async () => {
    const probe = await createSite({
      'content/a.md': article({ title: 'A', slug: 'a' }),
      'partials/.keep': '',
    })
    try {
      await symlink('/etc/passwd', path.join(probe.root, 'partials', 'leak.hbs'))
      await symlink('/etc/passwd', path.join(probe.root, 'layouts-link'))
      const { mkdir } = await import('node:fs/promises')
      await mkdir(path.join(probe.root, 'layouts'))
      await symlink('/etc/passwd', path.join(probe.root, 'layouts', 'article.hbs'))
      const outcome = await buildSite(probe.root, { permalinks: { article: '/:slug/' } })
      expect(errorLines(outcome)).toEqual([])
      // The theme's own article layout was used, not the link.
      const html = await readOutput(probe.outDir, 'a/index.html')
      expect(html).toContain('<h1 class="title">A</h1>')
      expect(html).not.toContain('root:x:0:0')
    } finally {
      await probe.dispose()
    }
  })
})
