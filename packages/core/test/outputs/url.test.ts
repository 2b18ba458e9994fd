import { describe, expect, test } from 'vitest'
import { absolutizeHtml } from '../../src/outputs/url.js'
import { stripInvalidXmlChars } from '../../src/outputs/xml-text.js'
import { absoluteUrl } from '../../src/routes/absolute-url.js'
import { site } from './fixtures.js'

describe('absoluteUrl', () => {
  test.each([
    ['/news/2025/05/16/x/', 'https://kaltim.example/news/2025/05/16/x/'],
    ['img/a.jpg', 'https://kaltim.example/news/img/a.jpg'],
    ['sitemap.xml', 'https://kaltim.example/news/sitemap.xml'],
    ['/news/', 'https://kaltim.example/news/'],
    ['https://cdn.example/a.jpg', 'https://cdn.example/a.jpg'],
    ['HTTP://Cdn.Example/a b.jpg', 'http://cdn.example/a%20b.jpg'],
    ['//cdn.example/a.jpg', 'https://cdn.example/a.jpg'],
    ['/news/tag/émigré/', 'https://kaltim.example/news/tag/%C3%A9migr%C3%A9/'],
    ['mailto:redaksi@kaltim.example', 'mailto:redaksi@kaltim.example'],
  ])('makes %s into %s', (input, expected) => {
    expect(absoluteUrl(site(), input)).toBe(expected)
  })

  test('treats a path with a leading slash as already including the base path', () => {
    expect(absoluteUrl(site(), '/elsewhere/')).toBe('https://kaltim.example/elsewhere/')
  })
})

describe('absolutizeHtml', () => {
  const base = 'https://kaltim.example/news/2025/05/16/x/'

  test('resolves href, src, srcset, poster and cite against the page, leaving absolute ones and other attributes alone', () => {
    const html =
      '<p><a href="/news/a/" title="/not/a/url">a</a> <a href=\'b/\'>b</a> <a href=c/>c</a> <a href="https://other.example/">o</a>' +
      ' <a href="mailto:x@y.example">m</a> <a href="#n">n</a></p>' +
      '<img src="i.png" srcset="i.png 1x, /news/i@2x.png 2x" alt="x > y"><video poster="p.jpg"></video><blockquote cite="../q/"></blockquote>'
    expect(absolutizeHtml(html, base)).toBe(
      '<p><a href="https://kaltim.example/news/a/" title="/not/a/url">a</a> <a href="https://kaltim.example/news/2025/05/16/x/b/">b</a>' +
        ' <a href="https://kaltim.example/news/2025/05/16/x/c/">c</a> <a href="https://other.example/">o</a>' +
        ' <a href="mailto:x@y.example">m</a> <a href="https://kaltim.example/news/2025/05/16/x/#n">n</a></p>' +
        '<img src="https://kaltim.example/news/2025/05/16/x/i.png" srcset="https://kaltim.example/news/2025/05/16/x/i.png 1x, https://kaltim.example/news/i@2x.png 2x" alt="x > y">' +
        '<video poster="https://kaltim.example/news/2025/05/16/x/p.jpg"></video><blockquote cite="https://kaltim.example/news/2025/05/16/q/"></blockquote>',
    )
  })

  test('decodes character references in a URL before resolving and escapes the result', () => {
    expect(absolutizeHtml('<a href="/news/cari/?q=a&#x26;b=&quot;c&quot;">x</a>', base)).toBe(
      '<a href="https://kaltim.example/news/cari/?q=a&amp;b=%22c%22">x</a>',
    )
  })

  test('does not touch text that only looks like an attribute', () => {
    const html = '<p>write href="/x/" in your HTML</p><pre>&lt;a href="/y/"&gt;</pre>'
    expect(absolutizeHtml(html, base)).toBe(html)
  })
})

describe('stripInvalidXmlChars', () => {
  test('removes C0 controls, U+FFFE, U+FFFF and lone surrogates but keeps tab, newlines and real pairs', () => {
    expect(
      stripInvalidXmlChars('a\u0000b\u0008c\u000bd\u000ce\u001ff\ufffeg\uffffh\ud800i\udc00j\t\n\r😀'),
    ).toBe('abcdefghij\t\n\r😀')
  })
})
