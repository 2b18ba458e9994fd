import { readFileSync } from 'node:fs'
import type { Nodes, Root } from 'hast'
import { raw } from 'hast-util-raw'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { createProcessor } from '../../src/markdown/create-processor.js'
import { DEFAULT_EMBEDS } from '../../src/markdown/embed-allowlist.js'
import { remarkGfmFull } from '../../src/markdown/remark-gfm-full.js'

// The GFM spec (cmark-gfm's test/spec.txt, CC-BY-SA 4.0; see fixtures/gfm-spec/README.md).
const SPEC = readFileSync(new URL('../fixtures/gfm-spec/spec.txt', import.meta.url), 'utf8')
const FENCE = '`'.repeat(32)

/** The spec's examples, numbered from 1 as its own test runner numbers them; `→` is a tab. */
const examples = [
  ...SPEC.matchAll(new RegExp(`^${FENCE} example[^\\n]*\\n([\\s\\S]*?)^\\.\\n[\\s\\S]*?^${FENCE}$`, 'gm')),
].map((match, index) => ({ number: index + 1, markdown: (match[1] ?? '').replace(/→/g, '\t') }))

const hasRaw = (node: Nodes): boolean =>
  node.type === 'raw' || ('children' in node && node.children.some((child) => hasRaw(child)))

/** rehype-raw, run as Warta runs it: only on a tree with raw HTML (a re-parse also drops a `<pre>`'s first newline). */
const rehypeRawWhenNeeded = () => (tree: Root, file: VFile) =>
  hasRaw(tree) ? (raw(tree, { file }) as Root) : tree

const stringify = (gfm: typeof remarkGfm | typeof remarkGfmFull, raw: boolean) =>
  unified()
    .use(remarkParse)
    .use(gfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(raw ? [rehypeRawWhenNeeded] : [])
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze()

const reference = stringify(remarkGfm, false)
const warta = stringify(remarkGfmFull, false)
const referenceParsed = stringify(remarkGfm, true)
const processor = createProcessor({
  html: 'sanitize',
  gfm: true,
  embeds: DEFAULT_EMBEDS,
  remarkPlugins: [],
  rehypePlugins: [],
})

/** Warta's own additions, undone: heading ids, table scroll regions, alignment as CSS. */
const withoutAdditions = (html: string) =>
  html
    .replace(/(<h[1-6])( id="[^"]*")/g, '$1')
    .replace(/<div class="table-scroll" role="region" tabindex="0" aria-label="[^"]*">(<table>)/g, '$1')
    .replace(/<\/table><\/div>/g, '</table>')
    .replace(/ style="text-align:(left|right|center)"/g, ' align="$1"')

const withoutPrefix = (html: string) => html.replace(/(id="|href="#|aria-describedby=")user-content-/g, '$1')

test('the spec file holds every example of GFM 0.29', () => {
  expect(examples).toHaveLength(673)
})

describe('Warta’s GFM syntax against remark-gfm, through the same remark-rehype and rehype-stringify', () => {
  test('gives the same HTML on every example of the spec (the table gate changes nothing)', () => {
    const different = examples.filter(
      ({ markdown }) => String(warta.processSync(markdown)) !== String(reference.processSync(markdown)),
    )
    expect(different.map((e) => e.number)).toEqual([])
  })
})

// Every example on which the default processor's HTML differs from remark-gfm's (with raw HTML
// parsed, as Warta parses it), by why. Any other difference fails the test.
const INTENDED = {
  /** Heading ids (rehype-slug), tables in a labelled scroll region, `align` as `style="text-align"`: Warta adds them. */
  additions: [
    10, 29, 32, 36, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 56, 59, 60, 61, 65, 66,
    72, 73, 85, 111, 118, 119, 130, 159, 160, 183, 184, 197, 198, 199, 200, 201, 202, 204, 205, 206, 207, 208,
    210, 278, 667, 668,
  ],
  /** Ids written in raw HTML get the sanitizer's `user-content-` prefix, links to them following (none in the spec). */
  clobberPrefix: [] as number[],
  /** GFM's tag filter (part of the spec, left out by remark-gfm) on tags never closed, each reported. */
  tagFilter: [142, 653],
  /** Raw HTML the sanitizer removed, each removal reported as a warning on the file. */
  sanitizedAndReported: [
    120, 122, 123, 124, 133, 134, 139, 140, 141, 145, 147, 170, 500, 508, 532, 544, 605, 606, 607, 609, 632,
    633, 634, 635, 636,
  ],
  /**
   * HTML comments, never published (and not warned about: they are notes, not content),
   * including what HTML reads as comments: `<?php … ?>`, `<!ELEMENT …>`, `<![CDATA[ … ]]>`.
   */
  comments: [146, 148, 149, 151, 152, 288, 289, 644, 645, 646, 647, 648, 649],
}

describe('the default processor against remark-gfm', () => {
  test('differs only where the differences are intended, and every removal is reported', async () => {
    const found: Record<keyof typeof INTENDED, number[]> = {
      additions: [],
      clobberPrefix: [],
      tagFilter: [],
      sanitizedAndReported: [],
      comments: [],
    }
    const unexplained: { number: number; expected: string; actual: string }[] = []
    for (const { number, markdown } of examples) {
      const expected = String(referenceParsed.processSync(markdown))
      const file = new VFile({ path: 'spec.md', value: markdown })
      const actual = String(await processor.process(file))
      if (actual === expected) continue
      const reported = file.messages.some((m) => m.ruleId === 'html-removed' || m.ruleId === 'embed-removed')
      if (withoutAdditions(actual) === expected) found.additions.push(number)
      else if (withoutPrefix(withoutAdditions(actual)) === withoutPrefix(expected))
        found.clobberPrefix.push(number)
      else if (file.messages.some((m) => m.ruleId === 'html-escaped')) found.tagFilter.push(number)
      else if (reported) found.sanitizedAndReported.push(number)
      else if (withoutAdditions(actual) === expected.replace(/<!--[\s\S]*?-->/g, ''))
        found.comments.push(number)
      else unexplained.push({ number, expected, actual })
    }
    expect(unexplained).toEqual([])
    expect(found).toEqual(INTENDED)
  })
})

// GFM's footnotes are not in the 0.29 spec. Warta's are remark-gfm's, ids prefixed once; the one
// intended difference is the sanitizer's prefix on the hidden heading's id, which its references follow.
test('footnotes come out as remark-gfm writes them, ids prefixed once, with the sanitizer on', async () => {
  const markdown =
    'Anggaran naik[^1], kata Wali Kota[^wali].\n\n[^1]: APBD Perubahan 2025.\n[^wali]: Wawancara, *Selasa*.\n    Lanjutan catatan.\n'
  const html = String(await processor.process(markdown))
  expect(html.replace(/user-content-footnote-label/g, 'footnote-label')).toBe(
    String(referenceParsed.processSync(markdown)).trim(),
  )
  expect(html.match(/user-content-footnote-label/g)).toHaveLength(3)
})

// The autolink gate leaves e-mail literals out of documents without `@` and tries them only
// in runs that reach one: documents mixing addresses with what shifts micromark's offsets.
test('bare URLs and e-mail addresses are found wherever remark-gfm finds them', () => {
  const documents = [
    'Hubungi redaksi@kaltim.example atau humas.pemkot@samarinda.go.id hari ini.',
    '> Kutipan dari\n> warga: lapor@dinas.example, dan\nbaris malas surat@x.example.',
    '- satu\t\tdua@tiga.example\r\n- 😀😀 empat@lima.example\r\n\r\n1. a_b@c.example *b@c.d* `e@f.example`',
    'Teks [tautan a@b.example](https://example.org) dan https://example.org/x?y=1 serta www.example.org/z.',
    'Bukan alamat: @pemkot, 12@34, a@b, x@y.z_, a/b@c.example, a.@b.example, mailto:a@b.example.',
    'Surat\u0000nul@x.example &#64;a@b.example \\@c@d.example\n\n    kode@blok.example\n',
  ]
  for (const markdown of documents)
    expect(String(warta.processSync(markdown)), markdown).toBe(String(reference.processSync(markdown)))
  expect(String(warta.processSync(documents[0] ?? ''))).toContain(
    'href="mailto:humas.pemkot@samarinda.go.id"',
  )
})
