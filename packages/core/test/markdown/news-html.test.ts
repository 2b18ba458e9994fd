import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { createArticleSchema } from '../../src/content/article-schema.js'
import { processSource } from '../../src/content/process-source.js'
import { createProcessor, type ProcessorOptions } from '../../src/markdown/create-processor.js'
import { DEFAULT_EMBEDS } from '../../src/markdown/embed-allowlist.js'

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
  return { html, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`) }
}

/** Every id and every `#fragment` link target of a page. */
function anchors(html: string) {
  return {
    ids: new Set([...html.matchAll(/\bid="([^"]*)"/g)].map((m) => m[1])),
    targets: [...html.matchAll(/\bhref="#([^"]*)"/g)].map((m) => decodeURIComponent(m[1] ?? '')),
  }
}

describe('footnotes', () => {
  test.each([['sanitize'], ['trusted']] as const)(
    'every footnote link leads to an id that exists (markdown.html: %s)',
    async (html) => {
      const { html: out } = await render(
        'Anggaran naik[^1] dan guru bertambah[^guru].\n\n[^1]: APBD 2025.\n[^guru]: Data dinas, [lihat](#ringkasan).\n\n## Ringkasan\n',
        { html },
      )
      const { ids, targets } = anchors(out)
      expect(targets.length).toBe(5)
      for (const target of targets) expect(ids).toContain(target)
      expect(out).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1"')
      expect(out).toContain('<li id="user-content-fn-1">')
      expect(out).not.toContain('user-content-user-content')
    },
  )

  test('a link to an id written in raw HTML follows the prefix the sanitizer gives it', async () => {
    const { html } = await render('[Ke tabel](#tabel-guru)\n\n<p id="tabel-guru">Tabel</p>\n')
    expect(html).toContain('<a href="#user-content-tabel-guru">')
    expect(html).toContain('<p id="user-content-tabel-guru">')
  })
})

describe('the HTML a news body needs', () => {
  test('keeps figures, details, video, audio, abbreviations, sub/sup, kbd and table spans without a warning', async () => {
    const markdown = [
      '<figure>\n<img src="/images/banjir.jpg" alt="Banjir di Samarinda" width="1600" height="900">\n<figcaption>Banjir, Selasa (14/5).</figcaption>\n</figure>',
      '<details>\n<summary>Rincian anggaran</summary>\n\nRp 1,2 triliun.\n\n</details>',
      '<video controls src="/video/banjir.mp4" poster="/images/banjir.jpg" width="1280" height="720"><source src="/video/banjir.webm" type="video/webm"></video>',
      '<audio controls src="/audio/wawancara.mp3"></audio>',
      'Harga <abbr title="bahan bakar minyak">BBM</abbr>, CO<sub>2</sub>, 10<sup>6</sup>, tekan <kbd>Ctrl</kbd>.',
      '<table><tr><th colspan="2">Kota</th></tr><tr><td rowspan="2">Samarinda</td><td>1</td></tr></table>',
    ].join('\n\n')
    const { html, messages } = await render(`${markdown}\n`)
    expect(messages).toEqual([])
    for (const kept of [
      '<figure>',
      '<img src="/images/banjir.jpg" alt="Banjir di Samarinda" width="1600" height="900">',
      '<figcaption>Banjir, Selasa (14/5).</figcaption>',
      '<details>',
      '<summary>Rincian anggaran</summary>',
      '<p>Rp 1,2 triliun.</p>',
      '<video controls src="/video/banjir.mp4" poster="/images/banjir.jpg" width="1280" height="720" preload="metadata" style="max-width:100%;height:auto"><source src="/video/banjir.webm" type="video/webm"></video>',
      '<audio controls src="/audio/wawancara.mp3" preload="metadata"></audio>',
      '<abbr title="bahan bakar minyak">BBM</abbr>',
      'CO<sub>2</sub>, 10<sup>6</sup>',
      '<kbd>Ctrl</kbd>',
      '<th colspan="2">Kota</th>',
      '<td rowspan="2">Samarinda</td>',
    ])
      expect(html).toContain(kept)
  })

  test('gives a video without controls its controls, as the page runs no script to play it', async () => {
    expect((await render('<video src="/v.mp4"></video>\n')).html).toBe(
      '<p><video src="/v.mp4" controls preload="metadata" style="max-width:100%;height:auto"></video></p>',
    )
  })

  test.each([
    [
      'YouTube’s no-cookie player',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    ],
    [
      'YouTube, played through the no-cookie player',
      'https://www.youtube.com/embed/dQw4w9WgXcQ?start=30',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30',
    ],
    ['Vimeo', 'https://player.vimeo.com/video/76979871', 'https://player.vimeo.com/video/76979871'],
    [
      'Google Maps',
      'https://www.google.com/maps/embed?pb=!1m18',
      'https://www.google.com/maps/embed?pb=!1m18',
    ],
    ['Datawrapper', 'https://datawrapper.dwcdn.net/AbC12/3/', 'https://datawrapper.dwcdn.net/AbC12/3/'],
    ['Flourish', 'https://flo.uri.sh/visualisation/123/embed', 'https://flo.uri.sh/visualisation/123/embed'],
    ['a protocol-relative URL, as https', '//player.vimeo.com/video/1', 'https://player.vimeo.com/video/1'],
  ])(
    'keeps an iframe from %s, lazy, sandboxed, with a referrer policy and a size',
    async (_, src, loaded) => {
      const { html, messages } = await render(
        `<iframe width="640" height="360" src="${src}" frameborder="0" allow="autoplay; encrypted-media" allowfullscreen title="Peta banjir"></iframe>\n`,
      )
      expect(messages).toEqual([])
      expect(html).toBe(
        `<iframe src="${loaded.replace(/&/g, '&#x26;')}" title="Peta banjir" width="640" height="360" style="width:100%;height:auto;aspect-ratio:640 / 360" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation" referrerpolicy="strict-origin-when-cross-origin" allow="encrypted-media; fullscreen; picture-in-picture" allowfullscreen></iframe>`,
      )
    },
  )

  test('an iframe of fixed height and full width keeps its height, and one of no size is 16:9', async () => {
    const chart = await render(
      '<iframe src="https://datawrapper.dwcdn.net/x/1/" width="100%" height="420"></iframe>\n',
    )
    expect(chart.html).toContain('width="560" height="420" style="width:100%;height:420px"')
    const video = await render('<iframe src="https://player.vimeo.com/video/1"></iframe>\n')
    expect(video.html).toContain(
      'width="560" height="315" style="width:100%;height:auto;aspect-ratio:16 / 9"',
    )
  })

  test.each([
    [
      'another host',
      'https://evil.example/x',
      'Removed an <iframe> from evil.example: it is not in markdown.embeds.',
    ],
    [
      'plain http',
      'http://player.vimeo.com/video/1',
      'Removed an <iframe> from player.vimeo.com: it is not in markdown.embeds.',
    ],
    [
      'an allowed host outside its embed path',
      'https://www.google.com/search?q=x',
      'Removed an <iframe> from www.google.com: it is not in markdown.embeds.',
    ],
    [
      'a look-alike host',
      'https://player.vimeo.com.evil.example/video/1',
      'Removed an <iframe> from player.vimeo.com.evil.example: it is not in markdown.embeds.',
    ],
  ])('removes an iframe from %s and names its host', async (_, src, message) => {
    const { html, messages } = await render(`Teks.\n\n<iframe src="${src}"></iframe>\n`)
    expect(html).not.toContain('<iframe')
    expect(messages).toEqual([`3:1 embed-removed ${message}`])
  })

  test('markdown.embeds replaces the allowlist', async () => {
    const own = await render('<iframe src="https://embed.warta.example/player/9"></iframe>\n', {
      embeds: ['embed.warta.example/player/'],
    })
    expect(own.html).toContain('src="https://embed.warta.example/player/9"')
    const none = await render('<iframe src="https://player.vimeo.com/video/1"></iframe>\n', { embeds: [] })
    expect(none.html).toBe('')
    expect(none.messages).toHaveLength(1)
  })
})

const TWEET =
  '<blockquote class="twitter-tweet"><p lang="id" dir="ltr">Banjir setinggi lutut di Jalan Pahlawan. <a href="https://t.co/AbC">pic.twitter.com/AbC</a></p>&mdash; Pemkot Samarinda (@pemkotsmr) <a href="https://twitter.com/pemkotsmr/status/1790000000000000000?ref_src=twsrc%5Etfw">May 14, 2024</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
const INSTAGRAM =
  '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/C7AbCdE/?utm_source=ig_embed" data-instgrm-version="14" style="background:#FFF; border:0;"><div style="padding:16px;"><a href="https://www.instagram.com/p/C7AbCdE/?utm_source=ig_embed" style="color:#000;" target="_blank"><div style="display:flex"><svg width="50px" height="50px" viewBox="0 0 60 60"><g><path d="M1 1"></path></g></svg></div><div style="padding-top:8px;"><div style="color:#3897f0;">Lihat postingan ini di Instagram</div></div></a><p style="margin:8px 0 0 0;"><a href="https://www.instagram.com/p/C7AbCdE/?utm_source=ig_embed" style="color:#c9c8cd;" target="_blank">Postingan dibagikan oleh Humas Kaltim (@humaskaltim)</a></p></div></blockquote>\n<script async src="//www.instagram.com/embed.js"></script>'
const TIKTOK =
  '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@kaltimtoday/video/7360000000000000000" data-video-id="7360000000000000000" style="max-width: 605px;min-width: 325px;" > <section> <a target="_blank" title="@kaltimtoday" href="https://www.tiktok.com/@kaltimtoday?refer=embed">@kaltimtoday</a> Banjir Samarinda pagi ini <a title="banjir" target="_blank" href="https://www.tiktok.com/tag/banjir?refer=embed">#banjir</a> </section> </blockquote> <script async src="https://www.tiktok.com/embed.js"></script>'
const FACEBOOK =
  '<div id="fb-root"></div>\n<script async defer crossorigin="anonymous" src="https://connect.facebook.net/id_ID/sdk.js#xfbml=1&version=v19.0"></script>\n<div class="fb-post" data-href="https://www.facebook.com/humaskaltim/posts/pfbid0AbC" data-width="500" data-show-text="true"><blockquote cite="https://www.facebook.com/humaskaltim/posts/pfbid0AbC" class="fb-xfbml-parse-ignore"><p>Gubernur meninjau lokasi banjir.</p>Dikirim oleh <a href="https://www.facebook.com/humaskaltim">Humas Kaltim</a> pada <a href="https://www.facebook.com/humaskaltim/posts/pfbid0AbC">Selasa, 14 Mei 2024</a></blockquote></div>'

describe('social post embeds', () => {
  test.each([
    [
      'X',
      TWEET,
      'x',
      'https://twitter.com/pemkotsmr/status/1790000000000000000?ref_src=twsrc%5Etfw',
      'Banjir setinggi lutut di Jalan Pahlawan.',
    ],
    [
      'Instagram',
      INSTAGRAM,
      'instagram',
      'https://www.instagram.com/p/C7AbCdE/?utm_source=ig_embed',
      'Postingan dibagikan oleh Humas Kaltim (@humaskaltim)',
    ],
    [
      'TikTok',
      TIKTOK,
      'tiktok',
      'https://www.tiktok.com/@kaltimtoday/video/7360000000000000000',
      'Banjir Samarinda pagi ini',
    ],
    [
      'Facebook',
      FACEBOOK,
      'facebook',
      'https://www.facebook.com/humaskaltim/posts/pfbid0AbC',
      'Gubernur meninjau lokasi banjir.',
    ],
  ])(
    'a %s embed becomes a static quote card linking the post, with no script and no warning',
    async (_, embed, platform, url, words) => {
      for (const html of ['sanitize', 'trusted'] as const) {
        const result = await render(`Kata warga:\n\n${embed}\n\nTeks berikutnya.\n`, { html })
        expect(result.messages).toEqual([])
        expect(result.html).not.toMatch(/<script|<svg|style="|embed\.js|widgets\.js|sdk\.js/)
        expect(result.html).toContain(
          `<figure class="social-card"><blockquote cite="${url.replace(/&/g, '&#x26;')}" data-platform="${platform}">`,
        )
        expect(result.html).toContain(words)
        expect(result.html).toContain(
          `<figcaption class="social-card-source"><a href="${url.replace(/&/g, '&#x26;')}">`,
        )
        expect(result.html).toContain('<p>Teks berikutnya.</p>')
      }
    },
  )
})

describe('never silent', () => {
  test('reports each removed kind once per file, at the file’s own line and column past the front matter', async () => {
    const text = [
      '---',
      'title: Banjir Samarinda',
      'date: 2024-05-14',
      '---',
      '',
      'Warga <span style="color:red" onclick="alert(1)">mengungsi</span>.',
      '',
      '<p style="font-size:2em">Dua</p>',
      '',
      '<marquee>Berita terkini</marquee>',
      '',
      '[Klik](javascript:alert(1))',
      '',
    ].join('\n')
    const { record, diagnostics } = await processSource('content/banjir.md', text, {
      schema: createArticleSchema('Asia/Makassar'),
      processor: createProcessor(defaults),
      timeZone: 'Asia/Makassar',
    })
    expect(record?.html).toContain('<span>mengungsi</span>')
    expect(record?.html).toContain('Berita terkini')
    expect(
      diagnostics.map((d) => [`${d.place?.line}:${d.place?.column}`, d.ruleId, d.severity, d.message]),
    ).toEqual([
      [
        '6:7',
        'html-removed',
        'warning',
        'The sanitizer removed the style attribute of a <span>. (2 times in this file; the first is here)',
      ],
      ['6:7', 'html-removed', 'warning', 'The sanitizer removed the onclick attribute of a <span>.'],
      ['10:1', 'html-removed', 'warning', 'The sanitizer removed a <marquee> tag; its text is kept.'],
      [
        '12:1',
        'html-removed',
        'warning',
        'The sanitizer removed the href URL javascript:alert(1) of an <a>: only http(s), mailto and relative URLs are published.',
      ],
    ])
    for (const d of diagnostics) expect(d.hint).toBeTruthy()
  })

  test('HTML comments are never published, trusted or not, and are not warned about', async () => {
    for (const html of ['sanitize', 'trusted'] as const) {
      const result = await render(
        'Teks <!-- catatan: narasumber minta anonim --> terbit.\n\n<!--\nTODO: cek angka\n-->\n',
        { html },
      )
      expect(result.html).toBe('<p>Teks  terbit.</p>\n')
      expect(result.messages).toEqual([])
    }
  })
})

describe("GFM's tag filter, sanitized or trusted", () => {
  test.each([['trusted']] as const)(
    'shows the tags that swallow or run the page as text, and the rest of the article still renders (%s)',
    async (mode) => {
      const { html, messages } = await render(
        'Judul <title>lama\n\n## Berita\n\n<style>p{display:none}</style>\n\nTeks *penting*.\n\n<script>alert(1)</script>\n\n<TEXTAREA>\n\n<strong>Tetap</strong> <xmp>x</xmp>\n',
        { html: mode },
      )
      expect(html).not.toMatch(/<(title|style|script|textarea|xmp)/i)
      expect(html).toContain('<h2 id="berita">Berita</h2>')
      expect(html).toContain('<p>Teks <em>penting</em>.</p>')
      expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>')
      expect(html).toContain('<strong>Tetap</strong> &#x3C;xmp>x&#x3C;/xmp>')
      expect(messages).toEqual(
        [
          ['1:7', 'title'],
          ['5:1', 'style'],
          ['9:1', 'script'],
          ['11:1', 'textarea'],
          ['13:24', 'xmp'],
        ].map(
          ([place, tag]) =>
            `${place} html-escaped The <${tag}> tag is shown as text: GFM's tag filter disarms it, as it could run or swallow the rest of the article.`,
        ),
      )
    },
  )

  test('on a sanitized site, shows only the unclosed ones as text; closed ones are removed or unwrapped, and said so', async () => {
    const { html, messages } = await render(
      'Judul <title>lama\n\n## Berita\n\n<style>p{display:none}</style>\n\nTeks *penting*.\n\n<script>alert(1)</script>\n\n<TEXTAREA>\n\n<strong>Tetap</strong> <xmp>x</xmp>\n',
    )
    expect(html).not.toMatch(/<(title|style|script|textarea|xmp)|alert|display:none/i)
    expect(html).toContain('<p>Judul &#x3C;title>lama</p>\n<h2 id="berita">Berita</h2>')
    expect(html).toContain('<p>Teks <em>penting</em>.</p>')
    expect(html).toContain('&#x3C;TEXTAREA>')
    expect(html).toContain('<strong>Tetap</strong> x')
    expect(messages.map((m) => m.split(':')[0] + m.slice(m.indexOf(' '), m.indexOf('.') + 1))).toEqual([
      "1 html-escaped The <title> tag is shown as text: GFM's tag filter disarms it, as it could run or swallow the rest of the article.",
      "11 html-escaped The <textarea> tag is shown as text: GFM's tag filter disarms it, as it could run or swallow the rest of the article.",
      '5 html-removed The sanitizer removed a <style> element and its content.',
      '9 html-removed The sanitizer removed a <script> element and its content.',
      '13 html-removed The sanitizer removed a <xmp> tag; its text is kept.',
    ])
  })

  test('the GFM spec’s own tag filter example', async () => {
    const { html } = await render(
      '<strong> <title> <style> <em>\n\n<blockquote>\n  <xmp> is disallowed.  <XMP> is also disallowed.\n</blockquote>\n',
      { html: 'trusted' },
    )
    expect(html).toBe(
      '<p><strong> &#x3C;title> &#x3C;style> <em></em></strong></p><strong><em>\n<blockquote>\n  &#x3C;xmp> is disallowed.  &#x3C;XMP> is also disallowed.\n</blockquote></em></strong>',
    )
  })

  test('an allowed iframe is kept on a trusted site too, and another removed with a warning', async () => {
    const { html, messages } = await render(
      '<iframe src="https://player.vimeo.com/video/1"></iframe>\n\n<iframe src="https://evil.example/"></iframe>\n',
      { html: 'trusted' },
    )
    expect(html).toContain('<iframe src="https://player.vimeo.com/video/1"')
    expect(html).not.toContain('evil.example')
    expect(messages).toEqual([
      '3:1 embed-removed Removed an <iframe> from evil.example: it is not in markdown.embeds.',
    ])
  })
})

describe('links and images written as HTML', () => {
  test('join the link list the link and alt-text checks read, at their places', async () => {
    const file = new VFile({
      path: 'content/a.md',
      value:
        'Lihat [arsip](/arsip/).\n\n<figure>\n<img src="/images/peta.png">\n<figcaption><a href="/2024/05/14/banjir/">Banjir</a></figcaption>\n</figure>\n\n<video src="/video/banjir.mp4" poster="/images/poster.jpg"></video>\n',
    })
    await createProcessor(defaults).process(file)
    expect(file.data.links).toEqual([
      { url: '/arsip/', line: 1, column: 7 },
      { url: '/2024/05/14/banjir/', line: 5, column: 13 },
      { url: '/video/banjir.mp4', line: 8, column: 1 },
      { url: '/images/poster.jpg', line: 8, column: 1 },
    ])
    expect(file.data.images).toEqual([{ url: '/images/peta.png', alt: '', line: 4, column: 1 }])
  })
})
