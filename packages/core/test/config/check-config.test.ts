import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { locateOption } from '../../src/config/check-config.js'
import { loadConfig } from '../../src/config/load-config.js'
import { resolveConfig } from '../../src/config/resolve-config.js'
import type { WartaConfig } from '../../src/config/types.js'
import { WartaConfigError } from '../../src/errors/build-error.js'
import { formatDiagnostic } from '../../src/errors/diagnostic.js'
import { closestOption } from '../../src/util/closest-word.js'
import { testTheme } from '../fixtures/theme/index.js'
import { createTempDir, testThemeModule } from '../helpers.js'

/** The error resolving a config throws; fails the test if it resolves. */
function configError(config: unknown): WartaConfigError {
  try {
    resolveConfig(config as WartaConfig)
  } catch (error) {
    if (error instanceof WartaConfigError) return error
    throw error
  }
  throw new Error('expected a WartaConfigError')
}

const base = { site: { title: 'Warta Test', url: 'https://news.example' }, theme: testTheme }

describe('the config schema', () => {
  test.each([
    [
      'a mistyped top-level option',
      { ...base, pagesize: 10 },
      'Unknown option "pagesize". Did you mean "pageSize"?',
    ],
    [
      'a mistyped nested option',
      { ...base, site: { ...base.site, titel: 'x' } },
      'Unknown option "site.titel". Did you mean "site.title"?',
    ],
    [
      'a swapped pair of letters',
      { ...base, feeds: { limti: 3 } },
      'Unknown option "feeds.limti". Did you mean "feeds.limit"?',
    ],
    ['an option nothing is close to', { ...base, colour: 'red' }, 'Unknown option "colour".'],
    [
      'a number where a number of pages goes',
      { ...base, pageSize: '12' },
      'pageSize must be a whole number of at least 1, not "12".',
    ],
    ['zero pages', { ...base, pageSize: 0 }, 'pageSize must be a whole number of at least 1, not 0.'],
    [
      'a flag that is not a boolean',
      { ...base, feeds: { tags: 'yes' } },
      'feeds.tags must be true or false, not "yes".',
    ],
    ['search that is not a flag', { ...base, search: 'off' }, 'search must be true or false, not "off".'],
    ['a mistyped search', { ...base, serach: false }, 'Unknown option "serach". Did you mean "search"?'],
    [
      'a value not among the choices',
      { ...base, markdown: { html: 'raw' } },
      'markdown.html: Invalid option: expected one of "sanitize"|"trusted".',
    ],
    [
      'an expiry that is neither remove nor retract',
      { ...base, content: { expire: 'delete' } },
      'content.expire must be "remove" or "retract", not "delete".',
    ],
    ['no site', { theme: testTheme }, 'site is missing. Set at least `site: { title, url }`.'],
    [
      'no title',
      { ...base, site: { url: 'https://news.example' } },
      'site.title is missing. Set it to the name of the site.',
    ],
    [
      'no theme',
      { site: base.site },
      'theme is missing. Add one, e.g. `theme: newsTheme()` from @warta/theme-news.',
    ],
    [
      'not an object',
      'warta',
      'The config must be an object; export it with `export default defineConfig({...})`.',
    ],
  ])('%s is refused, saying which option and what to write', (_, config, message) => {
    expect(configError(config).message).toBe(message)
  })

  test('an unknown option’s hint lists the options of its object', () => {
    expect(configError({ ...base, sitemap: { maxurl: 5 } }).hint).toBe('sitemap takes enabled, maxUrls.')
  })

  test('every mistake is reported, not only the first', () => {
    const error = configError({
      ...base,
      pagesize: 10,
      feeds: { limt: 3 },
      site: { ...base.site, titel: 'x' },
    })
    expect(error.diagnostics.map((d) => d.message).sort()).toEqual([
      'Unknown option "feeds.limt". Did you mean "feeds.limit"?',
      'Unknown option "pagesize". Did you mean "pageSize"?',
      'Unknown option "site.titel". Did you mean "site.title"?',
    ])
  })

  test('a theme may carry fields of its own', () => {
    expect(resolveConfig({ ...base, theme: { ...testTheme, extra: 1 } as never }).theme.name).toBe(
      testTheme.name,
    )
  })

  test('a valid config with every option resolves', () => {
    const resolved = resolveConfig({
      ...base,
      root: '/srv/site',
      content: { dir: 'artikel', ignore: ['draft/**'], drafts: true, future: false },
      outDir: 'public-html',
      markdown: { html: 'trusted', gfm: true, remarkPlugins: [], rehypePlugins: [] },
      permalinks: { article: '/:slug/' },
      pageSize: 20,
      relatedCount: 0,
      feeds: { enabled: true, limit: 5, content: 'summary', tags: true, categories: false, authors: false },
      sitemap: { enabled: false, maxUrls: 100 },
      search: false,
      schema: (s) => s,
    })
    expect(resolved).toMatchObject({
      search: { enabled: false },
      pageSize: 20,
      relatedCount: 0,
      outDir: path.resolve('/srv/site/public-html'),
    })
  })
})

describe('mistakes in a config file', () => {
  test('name the file, line and column of the mistyped key', async () => {
    const root = await createTempDir()
    const file = path.join(root, 'warta.config.ts')
    await writeFile(
      file,
      [
        `import { testTheme } from ${JSON.stringify(testThemeModule)}`,
        '',
        'export default {',
        "  site: { title: 'Warta Test', url: 'https://news.example' },",
        '  theme: testTheme,',
        '  feeds: {',
        '    limt: 5,',
        '  },',
        '  pagesize: 10,',
        '}',
        '',
      ].join('\n'),
    )
    const { config } = await loadConfig(root)
    let thrown: unknown
    try {
      resolveConfig(config, { configFile: file })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(WartaConfigError)
    expect((thrown as WartaConfigError).diagnostics.map(formatDiagnostic)).toEqual([
      'warta.config.ts:7:5: error Unknown option "feeds.limt". Did you mean "feeds.limit"? [config]\n  hint: feeds takes enabled, limit, content, tags, categories, authors.',
      'warta.config.ts:9:3: error Unknown option "pagesize". Did you mean "pageSize"? [config]\n  hint: The config takes root, site, theme, content, outDir, markdown, permalinks, pageSize, pageNumbering, relatedCount, feeds, sitemap, search, schema, images, languages.',
    ])
  })

  test('a value checked after the schema (the site URL) is located too', async () => {
    const root = await createTempDir()
    const file = path.join(root, 'warta.config.ts')
    await writeFile(
      file,
      `import { testTheme } from ${JSON.stringify(testThemeModule)}\nexport default {\n  theme: testTheme,\n  site: {\n    title: 'T',\n    url: 'kaltim.example',\n  },\n}\n`,
    )
    const { config } = await loadConfig(root)
    expect(() => resolveConfig(config, { configFile: file })).toThrow(
      expect.objectContaining({ file: 'warta.config.ts', place: { line: 6, column: 5 } }),
    )
  })
})

describe('locateOption', () => {
  const text =
    "export default {\n  site: {\n    'title': 'x',\n  },\n  title: 'not this one',\n  feeds: { limit: 1 },\n}\n"

  test('finds each key after the one before it, quoted or not', () => {
    expect(locateOption(text, ['site', 'title'])).toEqual({ line: 3, column: 5 })
    expect(locateOption(text, ['feeds', 'limit'])).toEqual({ line: 6, column: 12 })
  })

  test('a key that is not written gives nothing', () => {
    expect(locateOption(text, ['sitemap'])).toBeUndefined()
  })
})

describe('closestOption', () => {
  test.each([
    ['pagesize', 'pageSize'],
    ['PAGESIZE', 'pageSize'],
    ['pagSize', 'pageSize'],
    ['relatedcont', 'relatedCount'],
    ['outdir', 'outDir'],
    ['x', undefined],
    ['permalink', 'permalinks'],
  ])('%s → %s', (typed, meant) => {
    expect(
      closestOption(typed, ['pageSize', 'relatedCount', 'outDir', 'permalinks', 'root', 'site', 'theme']),
    ).toBe(meant)
  })
})

describe('language tags', () => {
  test('site.lang and an edition’s lang that are no BCP 47 tag are refused, naming the option', () => {
    const site = configError({ ...base, site: { ...base.site, lang: 'not a tag!' } })
    expect(site.message).toBe(
      'site.lang "not a tag!" is not a language tag. Use one such as "id-ID" or "en".',
    )
    expect(site.option).toEqual(['site', 'lang'])
    const edition = configError({
      ...base,
      site: { ...base.site, lang: 'id' },
      languages: { id: { label: 'Indonesia' }, en: { lang: 'b@d', label: 'English' } },
    })
    expect(edition.message).toBe(
      'languages.en.lang "b@d" is not a language tag. Use one such as "en" or "en-GB".',
    )
    expect(edition.option).toEqual(['languages', 'en', 'lang'])
  })
})
