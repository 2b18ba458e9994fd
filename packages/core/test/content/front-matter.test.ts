import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { createArticleSchema } from '../../src/content/article-schema.js'
import { type FrontMatter, normalizeSource, parseFrontMatter } from '../../src/content/front-matter.js'
import { validateFrontMatter } from '../../src/content/validate-front-matter.js'
import type { Diagnostic } from '../../src/errors/diagnostic.js'

const schema = createArticleSchema('Asia/Makassar')
const source = (...lines: string[]) => `${lines.join('\n')}\n`

function parsed(text: string): FrontMatter {
  const result = parseFrontMatter('content/a.md', text)
  if ('diagnostics' in result) throw new Error(result.diagnostics.map((d) => d.message).join('; '))
  return result
}

function parseErrors(text: string): Diagnostic[] {
  const result = parseFrontMatter('content/a.md', text)
  if (!('diagnostics' in result)) throw new Error('expected the front matter to be refused')
  return result.diagnostics
}

function validationErrors(text: string, against: z.ZodType = schema): Diagnostic[] {
  const result = validateFrontMatter('content/a.md', parsed(text), against)
  if (!('diagnostics' in result)) throw new Error('expected the front matter to be invalid')
  return result.diagnostics
}

describe('parseFrontMatter', () => {
  test('returns the YAML as data and the body with the front matter’s lines left empty', () => {
    const result = parsed(source('---', 'title: Banjir', 'date: 2025-05-16', '---', '', 'Isi berita.'))
    expect(result.data).toEqual({ title: 'Banjir', date: '2025-05-16' })
    expect(result.body).toBe('\n\n\n\n\nIsi berita.\n')
  })

  test('keeps dates as text, so that the site’s time zone decides what they mean', () => {
    const result = parsed(source('---', 'title: x', 'date: 2025-05-16T10:00:00Z', '---'))
    expect(result.data.date).toBe('2025-05-16T10:00:00Z')
  })

  test('locates keys and values by line and column', () => {
    const result = parsed(source('---', 'title: Banjir', 'image:', '  src: /a.jpg', '  alt:   Foto', '---'))
    expect(result.locate(['title'], 'key')).toEqual({ line: 2, column: 1 })
    expect(result.locate(['title'], 'value')).toEqual({ line: 2, column: 8 })
    expect(result.locate(['image', 'alt'], 'value')).toEqual({ line: 5, column: 10 })
    expect(result.locate(['image', 'caption'], 'value')).toEqual({ line: 3, column: 1 })
    expect(result.locate(['missing'], 'key')).toEqual({ line: 1, column: 1 })
  })

  test('accepts "..." as the closing fence', () => {
    const result = parsed(source('---', 'title: x', '...', 'Body'))
    expect(result.data).toEqual({ title: 'x' })
    expect(result.body).toBe('\n\n\nBody\n')
  })

  test('an empty file is an error', () => {
    expect(parseErrors('')).toEqual([
      expect.objectContaining({ ruleId: 'empty-file', place: { line: 1, column: 1 } }),
    ])
    expect(parseErrors(' \n\n ')).toEqual([expect.objectContaining({ ruleId: 'empty-file' })])
  })

  test('a file without front matter is an error', () => {
    expect(parseErrors('Just text.\n')).toEqual([expect.objectContaining({ ruleId: 'front-matter-missing' })])
  })

  test('front matter that is never closed is an error', () => {
    expect(parseErrors(source('---', 'title: x', 'Body'))).toEqual([
      expect.objectContaining({ ruleId: 'front-matter-unclosed' }),
    ])
  })

  test('refuses ---js front matter without evaluating it', () => {
    const marker = `__warta_front_matter_ran_${Date.now()}`
    const text = source('---js', `{ title: (globalThis["${marker}"] = "ran") }`, '---', 'Body')
    expect(parseErrors(text)).toEqual([
      expect.objectContaining({
        ruleId: 'front-matter-dialect',
        place: { line: 1, column: 4 },
        message: expect.stringContaining('"js" is not supported'),
      }),
    ])
    expect(marker in globalThis).toBe(false)
  })

  test('refuses other dialects such as ---javascript and ---toml too', () => {
    expect(parseErrors(source('---javascript', 'module.exports = {}', '---'))[0]?.ruleId).toBe(
      'front-matter-dialect',
    )
    expect(parseErrors(source('---toml', 'title = "x"', '---'))[0]?.ruleId).toBe('front-matter-dialect')
  })

  // The mistakes people make in front matter, each pointed at the token to fix, with a hint
  // that says what to write: the parser itself notices several of them a line or more later.
  test.each([
    [
      'an unclosed [ (at the bracket, not the next line)',
      ['title: [unclosed', 'date: 2025-05-16'],
      '2:8',
      'Invalid YAML: this [ opens a list that is never closed with ].',
      'Close it with ] on the same line, e.g. tags: [Banjir, Samarinda]. If the [ is part of the text, quote the value: title: "[unclosed".',
    ],
    [
      'an unclosed { in a nested value',
      ['title: Banjir', 'image: { src: /foto/banjir.jpg, alt: Banjir', 'date: 2025-05-16'],
      '3:8',
      'Invalid YAML: this { opens a group of keys that is never closed with }.',
      'Close it with } on the same line, e.g. image: { src: /foto.jpg, alt: Banjir }. If the { is part of the text, quote the value: image: "{ src: /foto/banjir.jpg, alt: Banjir".',
    ],
    [
      'an unclosed [ inside a list of tags that is closed with the wrong bracket',
      ['title: Banjir', 'tags: [Banjir, Samarinda}', 'date: 2025-05-16'],
      '3:7',
      'Invalid YAML: this [ opens a list that is never closed with ].',
      'Close it with ] on the same line, e.g. tags: [Banjir, Samarinda]. If the [ is part of the text, quote the value: tags: "[Banjir, Samarinda}".',
    ],
    [
      'an unclosed double quote (at the quote, not where the text runs out)',
      ['title: "Banjir di Samarinda', 'date: 2025-05-16'],
      '2:8',
      'Invalid YAML: this " opens a quoted value that is never closed.',
      'End the value with " on the same line; a " inside the value is written \\".',
    ],
    [
      'an unclosed single quote',
      ['title: x', "summary: 'Hujan deras semalam", 'date: 2025-05-16'],
      '3:10',
      "Invalid YAML: this ' opens a quoted value that is never closed.",
      "End the value with ' on the same line; a ' inside the value is written ''.",
    ],
    [
      'a tab as indentation (at the tab)',
      ['title: Banjir', 'image:', '\tsrc: /a.jpg', 'date: 2025-05-16'],
      '4:1',
      'Invalid YAML: a tab indents this line; YAML indents with spaces only.',
      'Replace the tab with spaces (two per level).',
    ],
    [
      'a colon in an unquoted title (at the colon)',
      ['title: Kaltim: kerja sama baru', 'date: 2025-05-16'],
      '2:14',
      'Invalid YAML: this ": " makes the rest of the value a nested key.',
      'Quote the value: title: "Kaltim: kerja sama baru".',
    ],
    [
      'a colon in a title that has double quotes in it',
      ['title: Gubernur: "Kami siap"', 'date: 2025-05-16'],
      '2:16',
      'Invalid YAML: this ": " makes the rest of the value a nested key.',
      `Quote the value: title: 'Gubernur: "Kami siap"'.`,
    ],
    [
      'a duplicate key (at the repetition, naming the first)',
      ['title: Banjir', 'date: 2025-05-16', 'title: Banjir lagi'],
      '4:1',
      'Invalid YAML: the key "title" is given twice (first on line 2).',
      'Each key may appear once: remove or rename the repeated one.',
    ],
    [
      'a key indented one space too far (at that line)',
      ['title: Banjir', 'image:', '  src: /a.jpg', '   alt: Banjir', 'date: 2025-05-16'],
      '5:4',
      'Invalid YAML: this line is indented more than the key above it, so it is read as part of that value.',
      'Indent it as far as the key above (same number of spaces), or less to end the group.',
    ],
    [
      'a key indented one space too little',
      ['title: Banjir', 'image:', '  src: /a.jpg', ' alt: Banjir', 'date: 2025-05-16'],
      '5:2',
      'Invalid YAML: this key does not line up with the keys above it.',
      'Indent it exactly as far as the other keys of its group.',
    ],
  ])('%s', (_, lines, where, message, hint) => {
    const errors = parseErrors(source('---', ...lines, '---'))
    expect(errors.map((e) => `${e.place?.line}:${e.place?.column}`)).toEqual([where])
    expect(errors[0]).toMatchObject({ ruleId: 'front-matter-yaml', message, hint })
  })

  test('points an unclosed quote at the quote, not where the text runs out', () => {
    const [error] = parseErrors(
      source('---', 'title: x', 'summary: "tidak ditutup', 'date: 2025-05-16', '---'),
    )
    expect(error).toMatchObject({ ruleId: 'front-matter-yaml', place: { line: 3, column: 10 } })
    const [single] = parseErrors(source('---', "title: 'Banjir", 'date: 2025-05-16', '---'))
    expect(single).toMatchObject({ place: { line: 2, column: 8 } })
  })

  test('points a value starting with a reserved character at that character', () => {
    const [error] = parseErrors(source('---', 'title: x', 'author: @dhv', '---'))
    expect(error).toMatchObject({ place: { line: 3, column: 9 }, hint: expect.stringContaining('"@"') })
  })

  test('points a tab used as indentation at the tab', () => {
    const [error] = parseErrors(source('---', 'image:', '\tsrc: /a.jpg', '---'))
    expect(error).toMatchObject({ ruleId: 'front-matter-yaml', place: { line: 3, column: 1 } })
  })

  test('reports a repeated key at the repetition', () => {
    const [error] = parseErrors(source('---', 'title: a', 'date: 2025-05-16', 'title: b', '---'))
    expect(error).toMatchObject({
      ruleId: 'front-matter-yaml',
      place: { line: 4, column: 1 },
      hint: expect.stringContaining('Each key may appear once'),
    })
  })

  test('refuses a YAML alias bomb instead of expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (const [i, name] of [...'bcdefghi'].entries()) {
      const previous = 'abcdefghi'[i]
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`)
    }
    const started = performance.now()
    const errors = parseErrors(source('---', ...levels, 'title: x', 'date: 2025-05-16', '---'))
    expect(errors).toEqual([
      expect.objectContaining({ ruleId: 'front-matter-yaml', message: expect.stringContaining('alias') }),
    ])
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  test('allows a few ordinary aliases', () => {
    const result = parsed(source('---', 'author: &who Rina', 'editor: *who', '---'))
    expect(result.data).toEqual({ author: 'Rina', editor: 'Rina' })
  })

  test('refuses front matter that is a list rather than keys', () => {
    expect(parseErrors(source('---', '- a', '- b', '---'))).toEqual([
      expect.objectContaining({ ruleId: 'front-matter-yaml', place: { line: 2, column: 1 } }),
    ])
  })
})

describe('normalizeSource', () => {
  test('removes a byte-order mark and turns CRLF and CR into LF', () => {
    expect(normalizeSource('\uFEFF---\r\ntitle: x\r---\r\n')).toBe('---\ntitle: x\n---\n')
  })

  test('parsing a BOM and CRLF file gives the same data and positions as the LF file', () => {
    const lf = source('---', 'title: Banjir', 'date:  2025-05-16', '---', 'Body')
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`
    const a = parsed(normalizeSource(lf))
    const b = parsed(normalizeSource(crlf))
    expect(b.data).toEqual(a.data)
    expect(b.body).toBe(a.body)
    expect(b.locate(['date'], 'value')).toEqual({ line: 3, column: 8 })
  })
})

describe('validateFrontMatter', () => {
  test('returns the data with dates read in the site’s zone', () => {
    const result = validateFrontMatter(
      'content/a.md',
      parsed(source('---', 'title: Banjir', 'date: 2025-05-16', '---')),
      schema,
    )
    expect(result).toEqual({
      data: {
        title: 'Banjir',
        date: { iso: '2025-05-16T00:00:00+08:00', time: expect.any(Number), hasTime: false },
      },
    })
  })

  test('a missing title points at line 1 and says which field to add', () => {
    const errors = validationErrors(source('---', 'date: 2025-05-16', 'category: Pemerintahan', '---'))
    expect(errors).toEqual([
      {
        file: 'content/a.md',
        place: { line: 1, column: 1 },
        message: 'Missing required field "title".',
        hint: 'Add a `title:` line to the front matter.',
        ruleId: 'front-matter-schema',
        severity: 'error',
      },
    ])
  })

  test('an unparseable date points at the value’s line and column', () => {
    const errors = validationErrors(source('---', 'title: Sidang', 'date:    kemarin sore', '---'))
    expect(errors).toEqual([
      expect.objectContaining({
        place: { line: 3, column: 10 },
        message: expect.stringContaining('"kemarin sore" is not a date'),
        ruleId: 'front-matter-schema',
      }),
    ])
  })

  test('a date that does not exist points at the value', () => {
    const errors = validationErrors(source('---', 'title: Sidang', 'date: 2025-02-30', '---'))
    expect(errors).toEqual([
      expect.objectContaining({ place: { line: 3, column: 7 }, message: expect.stringContaining('28 days') }),
    ])
  })

  test('title: 2024 is an error naming the field and suggesting quotes', () => {
    const errors = validationErrors(source('---', 'title: 2024', 'date: 2025-05-16', '---'))
    expect(errors).toEqual([
      expect.objectContaining({
        place: { line: 2, column: 8 },
        message: 'Field "title" must be text, but it is a number.',
        hint: expect.stringContaining('title: "2024"'),
      }),
    ])
  })

  test('reports every problem in a file, each at its own place', () => {
    const errors = validationErrors(
      source('---', 'date: nanti', 'tags: Banjir', 'image:', '  src: javascript:alert(1)', '---'),
    )
    expect(errors.map((e) => [e.message.split(' ').slice(0, 3).join(' '), e.place])).toEqual([
      ['Missing required field', { line: 1, column: 1 }],
      ['Field "date": "nanti"', { line: 2, column: 7 }],
      ['Field "tags" must', { line: 3, column: 7 }],
      ['Field "image.src" must', { line: 5, column: 8 }],
    ])
  })

  test('points a problem inside a nested value at that value', () => {
    const errors = validationErrors(
      source('---', 'title: x', 'date: 2025-05-16', 'tags:', '  - Banjir', '  - 12', '---'),
    )
    expect(errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('"tags[1]"'),
        place: { line: 6, column: 5 },
      }),
    ])
  })

  test('says which values are allowed when a value is not one of them', () => {
    const extended = schema.extend({ desk: z.enum(['kota', 'daerah']) })
    const errors = validationErrors(
      source('---', 'title: x', 'date: 2025-05-16', 'desk: luar', '---'),
      extended,
    )
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'Field "desk" must be one of "kota", "daerah", but it is "luar".',
        place: { line: 4, column: 7 },
      }),
    ])
  })

  test('a missing field of a site’s own kind (an enum) is reported as missing, at line 1', () => {
    const extended = schema.extend({ desk: z.enum(['kota', 'daerah']) })
    const errors = validationErrors(source('---', 'title: x', 'date: 2025-05-16', '---'), extended)
    expect(errors).toEqual([
      expect.objectContaining({ message: 'Missing required field "desk".', place: { line: 1, column: 1 } }),
    ])
  })

  test('writes zod’s own reasons as a sentence after the field', () => {
    const extended = schema.extend({ kicker: z.string().max(5) })
    const [error] = validationErrors(
      source('---', 'title: x', 'date: 2025-05-16', 'kicker: Eksklusif', '---'),
      extended,
    )
    expect(error?.message).toMatch(/^Field "kicker": Too big: .*5 characters\.$/)
  })

  test('lets unknown keys through for templates', () => {
    const result = validateFrontMatter(
      'content/a.md',
      parsed(source('---', 'title: x', 'date: 2025-05-16', 'kicker: Eksklusif', 'rating: 5', '---')),
      schema,
    )
    expect(result).toHaveProperty('data.kicker', 'Eksklusif')
    expect(result).toHaveProperty('data.rating', 5)
  })

  test('normalises a plain author, source and image into objects', () => {
    const result = validateFrontMatter(
      'content/a.md',
      parsed(
        source(
          '---',
          'title: x',
          'date: 2025-05-16',
          'author: DHV',
          'source: Swarakaltim.com',
          'image: /a.jpg',
          '---',
        ),
      ),
      schema,
    )
    expect(result).toMatchObject({
      data: { author: { name: 'DHV' }, source: { name: 'Swarakaltim.com' }, image: { src: '/a.jpg' } },
    })
  })

  test('a site’s extended schema adds fields, with positions for their errors too', () => {
    const extended = schema.extend({
      priority: z.number().int().min(1).max(5),
      desk: z.enum(['kota', 'daerah']),
    })
    const ok = validateFrontMatter(
      'content/a.md',
      parsed(source('---', 'title: x', 'date: 2025-05-16', 'priority: 2', 'desk: kota', '---')),
      extended,
    )
    expect(ok).toMatchObject({ data: { title: 'x', priority: 2, desk: 'kota' } })
    const errors = validationErrors(
      source('---', 'title: x', 'date: 2025-05-16', 'priority: 9', 'desk: luar', '---'),
      extended,
    )
    expect(errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('"priority"'),
        place: { line: 4, column: 11 },
      }),
      expect.objectContaining({ message: expect.stringContaining('"desk"'), place: { line: 5, column: 7 } }),
    ])
  })
})
