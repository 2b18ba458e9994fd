import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { ejectPartial, runThemeCommand, ThemeEjectError } from '../../src/cli/theme-eject.js'
import { hashPartial } from '../../src/render/ejected-partials.js'
import { readManifest, readSiteFile, siteAndTheme } from './eject-helpers.js'

/** Runs `warta theme <args>` against a site, collecting what it prints. */
async function runTheme(root: string, theme: Parameters<typeof ejectPartial>[0]['theme'], args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const config = { root, site: { title: 'T', url: 'https://t.example' }, theme }
  const code = await runThemeCommand(
    config,
    args,
    (text) => out.push(text),
    (text) => err.push(text),
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('ejectPartial', () => {
  test('copies the theme’s partial into the site’s partials/ and records its hash and theme', async () => {
    const { root, theme } = await siteAndTheme()
    const original = await readFile(path.join(theme.dir, 'partials', 'card.hbs'), 'utf8')
    const { file } = await ejectPartial({ root, theme, name: 'card' })
    expect(file).toBe(path.join(root, 'partials', 'card.hbs'))
    expect(await readSiteFile(root, 'partials/card.hbs')).toBe(original)
    expect(await readManifest(root)).toEqual({
      card: { hash: hashPartial(original), theme: 'eject-test-theme' },
    })
  })

  test('copies a nested partial such as icons/whatsapp into the same folders; .hbs may be written', async () => {
    const { root, theme } = await siteAndTheme()
    await ejectPartial({ root, theme, name: 'icons/whatsapp.hbs' })
    expect(await readSiteFile(root, 'partials/icons/whatsapp.hbs')).toContain('<svg class="icon"')
    expect(Object.keys((await readManifest(root)) as object)).toEqual(['icons/whatsapp'])
  })

  test('adds to .ejected.json, keeping earlier entries, sorted by name', async () => {
    const { root, theme } = await siteAndTheme()
    await ejectPartial({ root, theme, name: 'icons/whatsapp' })
    await ejectPartial({ root, theme, name: 'card' })
    await ejectPartial({ root, theme, name: 'byline' })
    const text = await readSiteFile(root, 'partials/.ejected.json')
    expect(Object.keys(JSON.parse(text))).toEqual(['byline', 'card', 'icons/whatsapp'])
    expect(text.endsWith('}\n')).toBe(true)
  })

  test('refuses to overwrite a partial the site already has, and leaves it and .ejected.json alone', async () => {
    const { root, theme } = await siteAndTheme()
    await mkdir(path.join(root, 'partials'))
    await writeFile(path.join(root, 'partials', 'card.hbs'), 'mine')
    await expect(ejectPartial({ root, theme, name: 'card' })).rejects.toThrow(
      new ThemeEjectError(
        "partials/card.hbs already exists, and ejecting would overwrite it. Rename or delete it first to eject the theme's version again.",
      ),
    )
    expect(await readSiteFile(root, 'partials/card.hbs')).toBe('mine')
    expect(await readdir(path.join(root, 'partials'))).toEqual(['card.hbs'])
  })

  test('refuses to eject the same partial twice', async () => {
    const { root, theme } = await siteAndTheme()
    await ejectPartial({ root, theme, name: 'card' })
    await expect(ejectPartial({ root, theme, name: 'card' })).rejects.toThrow(/already exists/)
  })

  test.each([
    ['a parent folder', '../card'],
    ['a parent folder further in', 'icons/../../card'],
    ['an absolute path', '/etc/passwd'],
    ['a backslash', 'icons\\whatsapp'],
    ['a drive letter', 'C:card'],
    ['an empty segment', 'icons//whatsapp'],
    ['nothing', ''],
  ])('refuses a name with %s, writing nothing', async (_, name) => {
    const { root, theme } = await siteAndTheme()
    await expect(ejectPartial({ root, theme, name })).rejects.toThrow(
      /is not a partial name: .*such as card or icons\/whatsapp/,
    )
    await expect(readdir(root)).resolves.toEqual([])
  })

  test('names the theme’s partials when it has none of that name', async () => {
    const { root, theme } = await siteAndTheme()
    await expect(ejectPartial({ root, theme, name: 'masthead' })).rejects.toThrow(
      'The theme eject-test-theme has no partial "masthead". Its partials: byline, card, icons/whatsapp.',
    )
    await expect(ejectPartial({ root, theme, name: 'icons' })).rejects.toThrow(/has no partial "icons"/)
    await expect(readdir(root)).resolves.toEqual([])
  })

  test('refuses while .ejected.json is broken, rather than lose what it records', async () => {
    const { root, theme } = await siteAndTheme()
    await mkdir(path.join(root, 'partials'))
    await writeFile(path.join(root, 'partials', '.ejected.json'), '{ "card": ')
    await expect(ejectPartial({ root, theme, name: 'byline' })).rejects.toThrow(
      /^partials\/\.ejected\.json cannot be read: it is not valid JSON/,
    )
    expect(await readdir(path.join(root, 'partials'))).toEqual(['.ejected.json'])
  })
})

describe('warta theme eject', () => {
  test('ejects the named partial and says where it went', async () => {
    const { root, theme } = await siteAndTheme()
    const result = await runTheme(root, theme, ['eject', 'icons/whatsapp'])
    expect(result).toMatchObject({ code: 0, err: '' })
    expect(result.out).toMatch(
      /^Copied the theme's partial to partials\/icons\/whatsapp\.hbs: edit it there\./,
    )
    expect(await readSiteFile(root, 'partials/icons/whatsapp.hbs')).toContain('<svg')
  })

  test('without a name, shows the usage and the theme’s partials', async () => {
    const { root, theme } = await siteAndTheme()
    const result = await runTheme(root, theme, ['eject'])
    expect(result.code).toBe(2)
    expect(result.err).toContain('Usage: warta theme eject <partial>')
    expect(result.err).toContain('Its partials: byline, card, icons/whatsapp.')
  })

  test('prints a refusal and exits with 1', async () => {
    const { root, theme } = await siteAndTheme()
    const result = await runTheme(root, theme, ['eject', 'nope'])
    expect(result).toMatchObject({ code: 1, out: '' })
    expect(result.err).toMatch(/^The theme eject-test-theme has no partial "nope"/)
  })

  test('rejects another subcommand or extra words with the usage', async () => {
    const { root, theme } = await siteAndTheme()
    expect((await runTheme(root, theme, ['copy', 'card'])).code).toBe(2)
    expect((await runTheme(root, theme, ['eject', 'card', 'byline'])).code).toBe(2)
    expect((await runTheme(root, theme, [])).err).toContain('Usage: warta theme eject <partial>')
  })
})
