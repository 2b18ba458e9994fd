import { describe, expect, test } from 'vitest'
import { createQualitySite } from '../../src/quality/quality-site.js'
import { findOutput, outputCandidates, resolveLink } from '../../src/quality/resolve-link.js'

const outputPaths = new Set(['index.html', 'arsip/index.html', 'feed/rss.xml', 'tentang.html', 'ads.txt'])
const root = createQualitySite({ siteUrl: 'https://warta.example', basePath: '/', outputPaths })
const news = createQualitySite({ siteUrl: 'https://warta.example/berita', basePath: '/berita/', outputPaths })
const PAGE = 'https://warta.example/2025/05/16/banjir/'
const NEWS_PAGE = 'https://warta.example/berita/2025/05/16/banjir/'

describe('resolveLink', () => {
  test.each([
    ['a site-relative path', '/arsip/', 'arsip/'],
    ['a path relative to the page', '../../15/x/', '2025/05/15/x/'],
    ['a path relative to the page, without a slash', 'lampiran.pdf', '2025/05/16/banjir/lampiran.pdf'],
    ['the site’s own absolute URL', 'https://warta.example/arsip/', 'arsip/'],
    ['the site’s URL over http', 'http://WARTA.example/arsip/', 'arsip/'],
    ['a protocol-relative URL to the site', '//warta.example/arsip/', 'arsip/'],
    ['a path with a query and a fragment', '/arsip/?page=2#atas', 'arsip/'],
    ['%-escapes, decoded', '/kota%20baru/', 'kota baru/'],
    ['non-ASCII letters, as written or %-escaped', '/topik/caf%C3%A9/', 'topik/café/'],
  ])('resolves %s against the page', (_, url, sitePath) => {
    expect(resolveLink(url, PAGE, root)).toEqual({ kind: 'site', sitePath })
  })

  test.each([
    ['a fragment', '#warga-mengungsi'],
    ['an empty URL', ''],
    ['an e-mail address', 'mailto:redaksi@warta.example'],
    ['a phone number', 'tel:+62541123'],
    ['another host', 'https://example.org/arsip/'],
    ['a subdomain of the site', 'https://cdn.warta.example/a.jpg'],
  ])('leaves %s alone', (_, url) => {
    expect(resolveLink(url, PAGE, root)).toEqual({ kind: 'elsewhere' })
  })

  test('calls a URL a browser cannot follow malformed', () => {
    expect(resolveLink('http://[nope/', PAGE, root)).toEqual({ kind: 'malformed' })
    expect(resolveLink('/a%zzb/', PAGE, root)).toEqual({ kind: 'malformed' })
  })

  test('under a base path, resolves as a browser does: / is the host’s root', () => {
    expect(resolveLink('/berita/arsip/', NEWS_PAGE, news)).toEqual({ kind: 'site', sitePath: 'arsip/' })
    expect(resolveLink('../../../../arsip/', NEWS_PAGE, news)).toEqual({ kind: 'site', sitePath: 'arsip/' })
    expect(resolveLink('/berita', NEWS_PAGE, news)).toEqual({ kind: 'site', sitePath: '' })
    expect(resolveLink('/arsip/', NEWS_PAGE, news)).toEqual({ kind: 'outside', pathname: '/arsip/' })
    expect(resolveLink('https://warta.example/toko/', NEWS_PAGE, news)).toEqual({
      kind: 'outside',
      pathname: '/toko/',
    })
  })
})

describe('outputCandidates and findOutput', () => {
  test('a path ending in / is served from its index.html', () => {
    expect(outputCandidates('arsip/')).toEqual(['arsip/index.html'])
    expect(outputCandidates('')).toEqual(['index.html'])
  })

  test('a path without a slash may be a file, a .html page or a folder', () => {
    expect(outputCandidates('arsip')).toEqual(['arsip', 'arsip.html', 'arsip/index.html'])
    expect(findOutput('arsip', outputPaths)).toBe('arsip/index.html')
    expect(findOutput('tentang', outputPaths)).toBe('tentang.html')
  })

  test('a name with an extension is itself, or a folder of that name', () => {
    expect(outputCandidates('feed/rss.xml')).toEqual(['feed/rss.xml', 'feed/rss.xml/index.html'])
    expect(findOutput('ads.txt', outputPaths)).toBe('ads.txt')
    expect(findOutput('peta.png', outputPaths)).toBeUndefined()
  })

  test('a version number is no extension: /blog/release/v6.15.1 is the page in its folder', () => {
    const pages = new Set(['blog/release/v6.15.1/index.html', 'unduh/v2.0.html'])
    expect(outputCandidates('blog/release/v6.15.1')).toEqual([
      'blog/release/v6.15.1',
      'blog/release/v6.15.1.html',
      'blog/release/v6.15.1/index.html',
    ])
    expect(findOutput('blog/release/v6.15.1', pages)).toBe('blog/release/v6.15.1/index.html')
    expect(findOutput('unduh/v2.0', pages)).toBe('unduh/v2.0.html')
    expect(findOutput('blog/release/v6.15.2', pages)).toBeUndefined()
  })
})
