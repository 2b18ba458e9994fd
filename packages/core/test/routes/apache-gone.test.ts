import { describe, expect, test } from 'vitest'
import { generateApacheGoneFile } from '../../src/routes/apache-gone.js'

describe('generateApacheGoneFile', () => {
  test('each removed URL, with and without its slash and as index.html, answers 410 with its stub', () => {
    const snippet = generateApacheGoneFile([
      { from: '/news/2025/05/14/lahan/', to: '/news/2025/05/14/lahan/', status: 410 },
      { from: '/news/lama/lahan/', to: '/news/2025/05/14/lahan/', status: 410 },
      { from: '/news/lama/jembatan/', to: '/news/2025/05/15/jembatan/', status: 301 },
    ])
    const lines = snippet.trimEnd().split('\n')
    expect(lines.filter((l) => !l.startsWith('#'))).toEqual([
      `<If "%{REQUEST_URI} in { '/news/2025/05/14/lahan/', '/news/2025/05/14/lahan', '/news/2025/05/14/lahan/index.html', '/news/lama/lahan/', '/news/lama/lahan', '/news/lama/lahan/index.html' }">`,
      '  ErrorDocument 410 /news/2025/05/14/lahan/index.html',
      '  Header always set X-Robots-Tag "noindex"',
      '</If>',
      'RewriteEngine On',
      'RewriteCond %{ENV:REDIRECT_STATUS} ^$',
      'RewriteCond %{REQUEST_URI} =/news/2025/05/14/lahan/ [OR]',
      'RewriteCond %{REQUEST_URI} =/news/2025/05/14/lahan [OR]',
      'RewriteCond %{REQUEST_URI} =/news/2025/05/14/lahan/index.html [OR]',
      'RewriteCond %{REQUEST_URI} =/news/lama/lahan/ [OR]',
      'RewriteCond %{REQUEST_URI} =/news/lama/lahan [OR]',
      'RewriteCond %{REQUEST_URI} =/news/lama/lahan/index.html',
      'RewriteRule ^ - [G]',
    ])
  })

  test('paths are compared decoded, as Apache compares them; what it cannot carry is named in a comment', () => {
    const snippet = generateApacheGoneFile([
      { from: '/berita/%C3%A9lan/', to: '/berita/%C3%A9lan/', status: 410 },
      { from: '/berita/100%25-$harga/', to: '/berita/100%25-$harga/', status: 410 },
      { from: "/berita/it's/", to: "/berita/it's/", status: 410 },
    ])
    expect(snippet).toContain('RewriteCond %{REQUEST_URI} =/berita/élan/ [OR]')
    expect(snippet).toContain("# Not expressible in Apache's syntax: /berita/100%25-$harga/")
    expect(snippet).toContain("# Not expressible in Apache's syntax: /berita/it's/")
    expect(snippet).not.toMatch(/=\/berita\/(100|it)/)
  })

  test('nothing removed: comments only, no rules', () => {
    expect(
      generateApacheGoneFile([])
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    ).toEqual([])
  })
})
