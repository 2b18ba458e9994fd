import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { createArticleSchema } from '../../src/content/article-schema.js'
import { processSource } from '../../src/content/process-source.js'
import { createProcessor } from '../../src/markdown/create-processor.js'
import { DEFAULT_EMBEDS } from '../../src/markdown/embed-allowlist.js'

const processor = createProcessor({
  html: 'sanitize',
  gfm: true,
  embeds: DEFAULT_EMBEDS,
  remarkPlugins: [],
  rehypePlugins: [],
})

async function listed(markdown: string) {
  const file = new VFile({ path: 'content/a.md', value: markdown })
  await processor.process(file)
  return { links: file.data.links, images: file.data.images }
}

describe('remarkLinkList', () => {
  test('lists inline links and autolinks with the line and column where each starts', async () => {
    const { links } = await listed(
      'Lihat [berita](/2025/05/16/x/) dan <https://example.org/>.\n\n- [arsip](../arsip/)\n',
    )
    expect(links).toEqual([
      { url: '/2025/05/16/x/', line: 1, column: 7 },
      { url: 'https://example.org/', line: 1, column: 36 },
      { url: '../arsip/', line: 3, column: 3 },
    ])
  })

  test('lists a reference-style link once per definition it uses, at the definition', async () => {
    const { links } = await listed(
      ['[Satu][a], [dua][A] dan [a].', '', '[Tanpa definisi][b]', '', '[a]: /x/', '[unused]: /y/', ''].join(
        '\n',
      ),
    )
    expect(links).toEqual([{ url: '/x/', line: 5, column: 1 }])
  })

  test('lists images with their alt text, including reference-style images and images inside links', async () => {
    const { images } = await listed(
      [
        '![Peta banjir](/images/peta.png) ![](/images/a.jpg)',
        '',
        '[![Logo][logo]](/)',
        '',
        '[logo]: /logo.svg',
        '',
      ].join('\n'),
    )
    expect(images).toEqual([
      { url: '/images/peta.png', alt: 'Peta banjir', line: 1, column: 1 },
      { url: '/images/a.jpg', alt: '', line: 1, column: 34 },
      { url: '/logo.svg', alt: 'Logo', line: 3, column: 2 },
    ])
  })

  test('gives positions in the source file, front matter lines included, and carries them onto the record', async () => {
    const source = [
      '---',
      'title: Banjir',
      'date: 2025-05-14',
      '---',
      '',
      'Baca [ini](/x/).',
      '',
      '![](/a.jpg)',
      '',
    ].join('\n')
    // A variable, not a literal: the context grows fields (the time zone) that this test does not need.
    const context = { processor, schema: createArticleSchema('UTC'), timeZone: 'UTC' }
    const { record } = await processSource('content/banjir.md', source, context)
    expect(record?.links).toEqual([{ url: '/x/', line: 6, column: 6 }])
    expect(record?.images).toEqual([{ url: '/a.jpg', alt: '', line: 8, column: 1 }])
  })

  test('lists links written as raw HTML too, at the element', async () => {
    expect((await listed('Teks <a href="/x/">x</a>\n')).links).toEqual([{ url: '/x/', line: 1, column: 6 }])
  })
})
