import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../packages/core/src/errors/diagnostic.js'
import { writePhoto } from '../../scripts/photo.mjs'
import { buildSite, createSite, errorLines, type TempSite } from './helpers.js'

// URL-valued front matter (canonical, image, source.url, author urls) takes http(s) or
// site-relative URLs only; anything else is a validation error at the value's line and column.

const BAD_URLS: [string, string][] = [
  ['javascript:', 'javascript:alert(1)'],
  ['javascript: in mixed case', 'JaVaScRiPt:alert(1)'],
  ['javascript: after spaces', '   javascript:alert(1)'],
  ['javascript: with a tab inside', 'java\tscript:alert(1)'],
  ['javascript: with a NUL inside', 'java\u0000script:alert(1)'],
  ['javascript: with an entity for its first letter', '&#106;avascript:alert(1)'],
  ['javascript: with an entity for its colon', 'javascript&colon;alert(1)'],
  ['data:text/html', 'data:text/html,<script>alert(1)</script>'],
  ['a data: image', 'data:image/png;base64,iVBORw0KGgo='],
  ['a protocol-relative URL', '//evil.example/x.jpg'],
  ['a protocol-relative URL with backslashes', '\\\\evil.example\\x.jpg'],
  ['a slash-backslash URL', '/\\evil.example/x.jpg'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['file:', 'file:///etc/passwd'],
  ['ftp:', 'ftp://files.example/x.jpg'],
  ['an unparseable http URL', 'http://'],
]

const GOOD_URLS = [
  'https://photos.example/a.jpg?w=1&h=2',
  'HTTP://PHOTOS.EXAMPLE/A.JPG',
  '/images/a.jpg',
  'images/a.jpg',
  '/images/a%20b.jpg',
]

/** Where each URL field is written: its YAML, the field name in messages, and the value's position. */
const FIELDS: { name: string; yaml: (value: string) => string; line: number; column: number }[] = [
  { name: 'canonical', yaml: (v) => `canonical: ${v}`, line: 4, column: 12 },
  { name: 'image', yaml: (v) => `image: ${v}`, line: 4, column: 8 },
  { name: 'image.src', yaml: (v) => `image:\n  src: ${v}\n  alt: Photo`, line: 5, column: 8 },
  { name: 'source.url', yaml: (v) => `source:\n  name: Antara\n  url: ${v}`, line: 6, column: 8 },
  { name: 'author.url', yaml: (v) => `author:\n  name: Siti\n  url: ${v}`, line: 6, column: 8 },
  { name: 'authors[0].url', yaml: (v) => `authors:\n  - name: Siti\n    url: ${v}`, line: 6, column: 10 },
]

const source = (yaml: string) => `---\ntitle: Headline\ndate: 2025-05-01\n${yaml}\n---\nBody.\n`

interface Case {
  file: string
  field: (typeof FIELDS)[number]
}

const badCases = new Map<string, Case>()
const badFiles: Record<string, string> = {}
BAD_URLS.forEach(([name, url], i) => {
  FIELDS.forEach((field, j) => {
    const file = `content/bad-${i}-${j}.md`
    badFiles[file] = source(field.yaml(JSON.stringify(url)))
    badCases.set(`${name} in ${field.name}`, { file, field })
  })
})

let bad: TempSite
let good: TempSite
let diagnostics: Diagnostic[] = []
let goodErrors: string[] = []

beforeAll(async () => {
  bad = await createSite(badFiles)
  const outcome = await buildSite(bad.root)
  expect(outcome.ok).toBe(false)
  diagnostics = outcome.diagnostics

  const goodFiles: Record<string, string> = {}
  GOOD_URLS.forEach((url, i) => {
    FIELDS.forEach((field, j) => {
      goodFiles[`content/good-${i}-${j}.md`] = source(
        `slug: good-${i}-${j}\n${field.yaml(JSON.stringify(url))}`,
      )
    })
  })
  good = await createSite(goodFiles)
  // The good site-relative lead images exist: the image stage reads every one it is given.
  for (const file of ['public/images/a.jpg', 'public/images/a b.jpg'])
    await writePhoto(path.join(good.root, file), 640, 427)
  goodErrors = errorLines(await buildSite(good.root))
}, 120_000)

afterAll(async () => {
  await bad?.dispose()
  await good?.dispose()
})

describe('URL-valued front matter refuses script-capable and foreign-host URLs', () => {
  it.each([...badCases.keys()])('%s is an error at the value', (name) => {
    const { file, field } = badCases.get(name) as Case
    const errors = diagnostics.filter((d) => d.file === file && d.severity === 'error')
    expect(errors).toEqual([
      expect.objectContaining({
        file,
        place: { line: field.line, column: field.column },
        ruleId: 'front-matter-schema',
        message: `Field "${field.name}" must be an http(s) URL or a site-relative path such as /images/photo.jpg.`,
      }),
    ])
  })
})

describe('URL-valued front matter accepts http(s) and site-relative URLs', () => {
  it('every good URL in every field builds', () => {
    expect(goodErrors).toEqual([])
  })
})
