import type { Root } from 'hast'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { createProcessor, type ProcessorOptions } from '../../src/markdown/create-processor.js'
import { DEFAULT_EMBEDS } from '../../src/markdown/embed-allowlist.js'
import { countWords } from '../../src/markdown/remark-article-text.js'

const defaults: ProcessorOptions = {
  html: 'sanitize',
  gfm: true,
  embeds: DEFAULT_EMBEDS,
  remarkPlugins: [],
  rehypePlugins: [],
}

async function render(markdown: string, options: Partial<ProcessorOptions> = {}) {
  const file = new VFile({ path: 'content/a.md', value: markdown })
  const html = String(await createProcessor({ ...defaults, ...options }).process(file))
  const messages = file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)
  return { html, data: file.data, messages }
}

const toHtml = async (markdown: string, options: Partial<ProcessorOptions> = {}) =>
  (await render(markdown, options)).html

/** Every href and src value in the output, as written. */
const urls = (html: string) => [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1])

describe('createProcessor', () => {
  describe('sanitizing (the default)', () => {
    test('removes <script> elements with their code, keeping the text around them, and says so once', async () => {
      const { html, messages } = await render(
        'Sebelum <script>alert(1)</script> sesudah.\n\n<script>\nalert(2)\n</script>\n',
      )
      expect(html).not.toMatch(/<script|alert/i)
      // The removed block leaves the line break after the paragraph.
      expect(html).toBe('<p>Sebelum  sesudah.</p>\n')
      expect(messages).toEqual([
        '1:9 html-removed The sanitizer removed a <script> element and its content. (2 times in this file; the first is here)',
      ])
    })

    test('shows an unclosed <script> as text, which would otherwise take the rest of the article', async () => {
      const { html, messages } = await render('Sebelum <script>\n\n## Berita\n\nTeks *penting*.\n')
      expect(html).toContain('<h2 id="berita">Berita</h2>')
      expect(html).toContain('<p>Teks <em>penting</em>.</p>')
      expect(messages).toEqual([
        "1:9 html-escaped The <script> tag is shown as text: GFM's tag filter disarms it, as it could run or swallow the rest of the article.",
      ])
    })

    test('removes event handler attributes such as onerror', async () => {
      const html = await toHtml('<img src="x.jpg" onerror="alert(1)">\n\n<p onclick="alert(2)">klik</p>\n')
      expect(html).not.toMatch(/onerror|onclick|alert/i)
    })

    test.each([
      ['lower case', '[a](javascript:alert(1))'],
      ['mixed case', '[a](JaVaScRiPt:alert(1))'],
      ['a named character reference', '[a](javascript&colon;alert(1))'],
      ['a hex character reference', '[a](jav&#x61;script:alert(1))'],
      ['a decimal character reference', '[a](&#106;avascript:alert(1))'],
      ['an encoded tab', '[a](java&#9;script:alert(1))'],
      ['an encoded newline', '[a](java&#10;script:alert(1))'],
      ['a leading control character', '[a](&#1;javascript:alert(1))'],
      ['angle brackets and spaces', '[a](< javascript:alert(1)>)'],
      ['vbscript', '[a](vbscript:msgbox(1))'],
      ['data:text/html', '[a](data:text/html,<script>alert(1)</script>)'],
      ['base64 data:text/html', '[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ])('removes a script link written in %s', async (_, markdown) => {
      const html = await toHtml(`${markdown}\n`)
      expect(html).toContain('<a>a</a>')
      expect(urls(html)).toEqual([])
    })

    test('removes script URLs from images', async () => {
      const html = await toHtml('![a](javascript:alert(1)) ![b](data:text/html,x) ![c](VBSCRIPT:x)\n')
      expect(urls(html)).toEqual([])
      expect(html).toBe('<p><img alt="a"> <img alt="b"> <img alt="c"></p>')
    })

    test('removes script URLs from reference definitions', async () => {
      const html = await toHtml('[a][1] and ![b][2]\n\n[1]: javascript:alert(1)\n[2]: JAVASCRIPT:alert(2)\n')
      expect(urls(html)).toEqual([])
    })

    test('removes script URLs from autolinks', async () => {
      const html = await toHtml('<javascript:alert(1)> <vbscript:x> <https://swarakaltim.com>\n')
      expect(urls(html)).toEqual(['https://swarakaltim.com'])
    })

    test('keeps safe links and images', async () => {
      const html = await toHtml(
        '[a](https://swarakaltim.com/x) [b](/kategori/pemerintahan/) [c](mailto:redaksi@example.com) ![d](/images/a.jpg)\n',
      )
      expect(urls(html)).toEqual([
        'https://swarakaltim.com/x',
        '/kategori/pemerintahan/',
        'mailto:redaksi@example.com',
        '/images/a.jpg',
      ])
    })

    test('drops iframes from other hosts and unknown elements, naming each with its place', async () => {
      const { html, messages } = await render(
        '<iframe src="https://evil.example"></iframe>\n\n<marquee>Teks.</marquee>\n',
      )
      expect(html).toBe('\n<p>Teks.</p>')
      expect(messages).toEqual([
        '3:1 html-removed The sanitizer removed a <marquee> tag; its text is kept.',
        '1:1 embed-removed Removed an <iframe> from evil.example: it is not in markdown.embeds.',
      ])
    })
  })

  describe("markdown.html: 'trusted'", () => {
    test('keeps raw HTML as written', async () => {
      const html = await toHtml(
        '<figure class="foto"><img src="/a.jpg" alt="Banjir"><figcaption>Banjir</figcaption></figure>\n\nTeks <mark>penting</mark>.\n',
        { html: 'trusted' },
      )
      expect(html).toContain(
        '<figure class="foto"><img src="/a.jpg" alt="Banjir"><figcaption>Banjir</figcaption></figure>',
      )
      expect(html).toContain('<p>Teks <mark>penting</mark>.</p>')
    })

    test('keeps an allowed iframe, with the attributes every embed gets', async () => {
      const html = await toHtml('<iframe src="https://www.youtube.com/embed/x"></iframe>\n', {
        html: 'trusted',
      })
      expect(html).toBe(
        '<iframe src="https://www.youtube-nocookie.com/embed/x" title="www.youtube-nocookie.com" width="560" height="315" style="width:100%;height:auto;aspect-ratio:16 / 9" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation" referrerpolicy="strict-origin-when-cross-origin" allow="encrypted-media; fullscreen; picture-in-picture" allowfullscreen></iframe>',
      )
    })
  })

  test('gives headings ids from their text, unique within the article', async () => {
    const { html, data } = await render('# Banjir Samarinda\n\n## Warga Mengungsi\n\n## Warga Mengungsi\n')
    expect(html).toBe(
      [
        '<h1 id="banjir-samarinda">Banjir Samarinda</h1>',
        '<h2 id="warga-mengungsi">Warga Mengungsi</h2>',
        '<h2 id="warga-mengungsi-1">Warga Mengungsi</h2>',
      ].join('\n'),
    )
    expect(data.headings).toEqual([
      { depth: 1, id: 'banjir-samarinda', text: 'Banjir Samarinda', line: 1, column: 1 },
      { depth: 2, id: 'warga-mengungsi', text: 'Warga Mengungsi', line: 3, column: 1 },
      { depth: 2, id: 'warga-mengungsi-1', text: 'Warga Mengungsi', line: 5, column: 1 },
    ])
  })

  test('the first paragraph is the first one with text, as plain text', async () => {
    const { data } = await render(
      '## Judul\n\n![Foto banjir](/a.jpg)\n\nHujan **deras** sejak\nSelasa <b>malam</b> [merendam](/x) kota.\n\nParagraf kedua.\n',
    )
    expect(data.text?.firstParagraph).toBe('Hujan deras sejak Selasa malam merendam kota.')
  })

  test('counts the words a reader reads, leaving out markup and image descriptions', async () => {
    const { data } = await render(
      '## Dua kata\n\nSatu dua <span class="x">tiga</span>.\n\n![lima enam tujuh](/a.jpg)\n\n- empat\n',
    )
    expect(data.text?.wordCount).toBe(6)
  })

  test('counts text that runs on across inline markup as one word, and each block apart', async () => {
    const { data } = await render('**Kerja**sama 1.*000*\n\n# Satu\n\nDua\n')
    expect(data.text?.wordCount).toBe(4)
  })

  test('parses tables and strikethrough by default, aligning cells with CSS in a scrolling region', async () => {
    const html = await toHtml('| Kabupaten | Guru |\n|---|--:|\n| Berau | 250 |\n\nKuota ~~800~~ 1.000.\n')
    expect(html).toBe(
      [
        '<div class="table-scroll" role="region" tabindex="0" aria-label="Kabupaten, Guru"><table>',
        '<thead>',
        '<tr>',
        '<th>Kabupaten</th>',
        '<th style="text-align:right">Guru</th>',
        '</tr>',
        '</thead>',
        '<tbody>',
        '<tr>',
        '<td>Berau</td>',
        '<td style="text-align:right">250</td>',
        '</tr>',
        '</tbody>',
        '</table></div>',
        '<p>Kuota <del>800</del> 1.000.</p>',
      ].join('\n'),
    )
  })

  test('turns single tildes into strikethrough as GFM does, but not with the lean preset', async () => {
    expect(await toHtml('Suhu ~30 derajat, ~hujan~.\n')).toBe('<p>Suhu ~30 derajat, <del>hujan</del>.</p>')
    expect(await toHtml('Suhu ~30 derajat, ~hujan~.\n', { gfm: 'news' })).toBe(
      '<p>Suhu ~30 derajat, ~hujan~.</p>',
    )
  })

  test('links bare URLs, www. addresses and e-mail addresses by default, and not with the lean preset', async () => {
    const text =
      'Lihat https://swarakaltim.com/unduh/v6.15.1.zip, www.kaltimprov.go.id atau redaksi@warta.example.\n'
    expect(await toHtml(text)).toBe(
      '<p>Lihat <a href="https://swarakaltim.com/unduh/v6.15.1.zip">https://swarakaltim.com/unduh/v6.15.1.zip</a>, <a href="http://www.kaltimprov.go.id">www.kaltimprov.go.id</a> atau <a href="mailto:redaksi@warta.example">redaksi@warta.example</a>.</p>',
    )
    expect(await toHtml(text, { gfm: 'news' })).toBe(`<p>${text.trim()}</p>`)
  })

  test('parses no tables when GFM is off', async () => {
    expect(await toHtml('| a |\n|---|\n| b |\n', { gfm: false })).not.toContain('<table>')
  })

  test('runs site remark and rehype plugins', async () => {
    const remarkShout = () => (tree: { children: { type: string; children?: { value?: string }[] }[] }) => {
      for (const node of tree.children)
        for (const child of node.children ?? []) if (child.value) child.value = child.value.toUpperCase()
    }
    const rehypeMark = () => (tree: Root) => {
      tree.children.unshift({ type: 'comment', value: ' diproses ' })
    }
    const html = await toHtml('halo\n', { remarkPlugins: [remarkShout], rehypePlugins: [rehypeMark] })
    expect(html).toBe('<!-- diproses --><p>HALO</p>')
  })
})

describe('countWords', () => {
  test('counts words with apostrophes and hyphens as one', () => {
    expect(countWords('Mas’ud, kerja-sama, don’t 1.000 guru')).toBe(5)
  })

  test('counts words in non-Latin scripts separated by spaces', () => {
    expect(countWords('Пример заголовка عربي نص')).toBe(4)
  })

  test('joins digits with "." or "," only between digits', () => {
    expect(countWords('1.000,5 3.14.15 a.b 1.a 1., ,1 -1 ’a 𝟏.𝟐')).toBe(11)
  })

  // The counter replaced this expression (a lookbehind per word was slow); it must find the same words.
  const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’-]|(?<=\p{N})[.,](?=\p{N}))*/gu
  test('finds the words the regular expression it replaced finds', () => {
    const alphabet = [
      'a',
      'Z',
      'é',
      'ж',
      '東',
      '1',
      '٣',
      '²',
      '𝟏',
      '𝒜',
      "'",
      '’',
      '-',
      '.',
      ',',
      ' ',
      '\n',
      '!',
      '\uD835',
      '\uDC9C',
    ]
    let seed = 7
    const next = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return Math.floor((seed / 2147483648) * below)
    }
    for (let sample = 0; sample < 2000; sample++) {
      let text = ''
      for (let i = next(24); i > 0; i--) text += alphabet[next(alphabet.length)]
      expect([text, countWords(text)]).toEqual([text, text.match(WORD)?.length ?? 0])
    }
  })
})
