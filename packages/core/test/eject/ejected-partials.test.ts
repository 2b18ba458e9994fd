import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { ejectPartial } from '../../src/cli/theme-eject.js'
import {
  checkEjectedPartials,
  hashPartial,
  listThemePartials,
  parsePartialName,
} from '../../src/render/ejected-partials.js'
import { changeThemePartial, readSiteFile, siteAndTheme } from './eject-helpers.js'

describe('checkEjectedPartials', () => {
  test('finds nothing to say for a site that ejected nothing', async () => {
    const { root, theme } = await siteAndTheme()
    expect(await checkEjectedPartials({ root, theme })).toEqual([])
  })

  test('finds nothing to say while the theme’s originals are as they were, whatever the site did to its copies', async () => {
    const { root, theme } = await siteAndTheme()
    await ejectPartial({ root, theme, name: 'card' })
    await writeFile(path.join(root, 'partials', 'card.hbs'), '<div class="my-card">{{title}}</div>\n')
    expect(await checkEjectedPartials({ root, theme })).toEqual([])
  })

  test('warns at the site’s copy when the theme’s original changed, with the new hash and how to re-eject', async () => {
    const { root, theme } = await siteAndTheme()
    await ejectPartial({ root, theme, name: 'icons/whatsapp' })
    const changed = '<svg class="icon" viewBox="0 0 32 32"></svg>\n'
    await changeThemePartial(theme, 'icons/whatsapp', changed)
    expect(await checkEjectedPartials({ root, theme })).toEqual([
      {
        file: 'partials/icons/whatsapp.hbs',
        message:
          'The theme’s original of partials/icons/whatsapp.hbs has changed since it was ejected; the site’s copy does not have the changes.',
        hint: `Compare partials/icons/whatsapp.hbs with ../theme/partials/icons/whatsapp.hbs and carry over what you need, then set its hash in partials/.ejected.json to "${hashPartial(changed)}"; or delete partials/icons/whatsapp.hbs and run \`warta theme eject icons/whatsapp\` again.`,
        ruleId: 'ejected-partial-outdated',
        severity: 'warning',
      },
    ])
  })

  test('is quiet again once .ejected.json has the new hash', async () => {
    const { root, theme } = await siteAndTheme()
    await ejectPartial({ root, theme, name: 'card' })
    await changeThemePartial(theme, 'card', 'new card\n')
    const manifest = JSON.parse(await readSiteFile(root, 'partials/.ejected.json'))
    manifest.card.hash = hashPartial('new card\n')
    await writeFile(path.join(root, 'partials', '.ejected.json'), JSON.stringify(manifest))
    expect(await checkEjectedPartials({ root, theme })).toEqual([])
  })

  test('does not count a change of line endings as a change', async () => {
    const { root, theme } = await siteAndTheme()
    await ejectPartial({ root, theme, name: 'card' })
    const original = await readSiteFile(root, 'partials/card.hbs')
    await changeThemePartial(theme, 'card', original.replace(/\n/g, '\r\n'))
    expect(await checkEjectedPartials({ root, theme })).toEqual([])
  })

  test('warns when the theme no longer has the partial, or the site now uses another theme', async () => {
    const { root, theme } = await siteAndTheme()
    await ejectPartial({ root, theme, name: 'card' })
    await ejectPartial({ root, theme, name: 'byline' })
    await rm(path.join(theme.dir, 'partials', 'card.hbs'))
    const diagnostics = await checkEjectedPartials({ root, theme })
    expect(diagnostics.map((d) => `${d.file} ${d.ruleId} ${d.message}`)).toEqual([
      'partials/card.hbs ejected-partial-outdated partials/card.hbs was ejected from the theme’s partial "card", which eject-test-theme no longer has.',
    ])
    const other = await checkEjectedPartials({ root, theme: { ...theme, name: 'other-theme' } })
    expect(other.map((d) => d.message)).toEqual([
      'partials/byline.hbs was ejected from the theme eject-test-theme, but the site now uses other-theme.',
      'partials/card.hbs was ejected from the theme eject-test-theme, but the site now uses other-theme.',
    ])
  })

  test('skips an ejected partial whose copy the site has deleted: the theme’s is in use again', async () => {
    const { root, theme } = await siteAndTheme()
    await ejectPartial({ root, theme, name: 'card' })
    await rm(path.join(root, 'partials', 'card.hbs'))
    await changeThemePartial(theme, 'card', 'new card\n')
    expect(await checkEjectedPartials({ root, theme })).toEqual([])
  })

  test.each([
    ['not JSON', '{ "card": ', /it is not valid JSON/],
    ['not an object', '[]', /it must be an object of partial names/],
    [
      'an entry without a hash',
      '{ "card": { "theme": "t" } }',
      /the entry "card" must be \{ "hash": "…", "theme": "…" \}/,
    ],
  ])('warns (ejected-manifest-invalid) when .ejected.json is %s', async (_, text, message) => {
    const { root, theme } = await siteAndTheme()
    await mkdir(path.join(root, 'partials'))
    await writeFile(path.join(root, 'partials', '.ejected.json'), text)
    const [diagnostic, ...rest] = await checkEjectedPartials({ root, theme })
    expect(rest).toEqual([])
    expect(diagnostic).toMatchObject({
      file: 'partials/.ejected.json',
      ruleId: 'ejected-manifest-invalid',
      severity: 'warning',
    })
    expect(diagnostic?.message).toMatch(message)
  })

  test('warns about an entry whose name would leave the partials folder, and reads nothing there', async () => {
    const { root, theme } = await siteAndTheme()
    await mkdir(path.join(root, 'partials'))
    await writeFile(
      path.join(root, 'partials', '.ejected.json'),
      JSON.stringify({ '../../theme/partials/card': { hash: 'x', theme: theme.name } }),
    )
    expect((await checkEjectedPartials({ root, theme })).map((d) => [d.file, d.ruleId])).toEqual([
      ['partials/.ejected.json', 'ejected-manifest-invalid'],
    ])
  })
})

describe('parsePartialName, hashPartial and listThemePartials', () => {
  test('a name is a path inside partials/, with or without .hbs', () => {
    expect(parsePartialName('icons/whatsapp.hbs')).toEqual({ name: 'icons/whatsapp' })
    expect(parsePartialName(' card ')).toEqual({ name: 'card' })
    expect(parsePartialName('icons/./x')).toHaveProperty('error')
  })

  test('the hash is SHA-256 in hex of the text with LF line endings', () => {
    expect(hashPartial('a\r\nb\rc\n')).toBe(hashPartial('a\nb\nc\n'))
    expect(hashPartial(new TextEncoder().encode('a\n'))).toBe(hashPartial('a\n'))
    expect(hashPartial('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })

  test('lists a theme’s partials by name, nested ones with their folder, sorted', async () => {
    const { theme } = await siteAndTheme()
    expect(await listThemePartials(theme)).toEqual(['byline', 'card', 'icons/whatsapp'])
  })
})
