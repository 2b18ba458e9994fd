import { describe, expect, it } from 'vitest'
import { candidateFiles, normalizeBasePath, parseRequestPath, toUrlPath } from '../../src/dev/request-path.js'

describe('parseRequestPath', () => {
  it('splits a path into decoded segments and keeps the query', () => {
    expect(parseRequestPath('/berita/caf%C3%A9/?utm=x', '/')).toEqual({
      ok: true,
      segments: ['berita', 'café'],
      trailingSlash: true,
      query: '?utm=x',
    })
  })

  it('treats the base path itself as a folder with a trailing slash', () => {
    expect(parseRequestPath('/', '/')).toMatchObject({ ok: true, segments: [], trailingSlash: true })
    expect(parseRequestPath('/news/', '/news/')).toMatchObject({
      ok: true,
      segments: [],
      trailingSlash: true,
    })
    expect(parseRequestPath('/news', '/news/')).toMatchObject({
      ok: true,
      segments: [],
      trailingSlash: false,
    })
  })

  it('strips the base path and refuses paths outside it with 404', () => {
    expect(parseRequestPath('/news/a/', 'news')).toMatchObject({ ok: true, segments: ['a'] })
    expect(parseRequestPath('/newsroom/a/', '/news/')).toMatchObject({ ok: false, status: 404 })
    expect(parseRequestPath('/a/', '/news/')).toMatchObject({ ok: false, status: 404 })
  })

  it.each([
    ['raw dot-dot', '/../etc/passwd'],
    ['dot-dot inside', '/a/../../x'],
    ['single dot', '/./x'],
    ['encoded dot-dot', '/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed-case encoded dot-dot', '/%2E./x'],
    ['encoded slashes', '/a/..%2f..%2fx'],
    ['raw backslashes', '/..\\..\\x'],
    ['encoded backslash', '/..%5c..%5cx'],
    ['NUL', '/x%00.html'],
    ['other control characters', '/x%0a.html'],
    ['DEL', '/x%7f'],
    ['truncated escape', '/%E0%A4%A'],
    ['invalid UTF-8', '/%ff'],
    ['lone escape', '/%'],
    ['absolute-form target', 'http://evil.example/'],
    ['asterisk', '*'],
    ['empty target', ''],
  ])('rejects %s with 400', (_name, target) => {
    expect(parseRequestPath(target, '/')).toMatchObject({ ok: false, status: 400 })
  })

  it('decodes only once, so a double-encoded dot-dot stays a harmless name', () => {
    expect(parseRequestPath('/%252e%252e/x', '/')).toMatchObject({ ok: true, segments: ['%2e%2e', 'x'] })
  })

  it('collapses empty segments', () => {
    expect(parseRequestPath('//evil.example//x', '/')).toMatchObject({
      ok: true,
      segments: ['evil.example', 'x'],
    })
  })
})

describe('normalizeBasePath', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['news', '/news/'],
    ['/news', '/news/'],
    ['//news//', '/news/'],
    ['/a/b/', '/a/b/'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeBasePath(input)).toBe(expected)
  })
})

describe('toUrlPath', () => {
  it('builds a same-origin path even from segments that look like a host', () => {
    expect(toUrlPath('/', ['evil.example', 'x'], true)).toBe('/evil.example/x/')
    expect(toUrlPath('/news/', [], true)).toBe('/news/')
    expect(toUrlPath('/', ['a b', 'ç'], false)).toBe('/a%20b/%C3%A7')
  })
})

describe('candidateFiles', () => {
  it('mirrors the pretty-URL rules', () => {
    expect(candidateFiles([], true)).toEqual(['index.html'])
    expect(candidateFiles(['a', 'b'], true)).toEqual(['a/b/index.html'])
    expect(candidateFiles(['about'], false)).toEqual(['about', 'about.html', 'about/index.html'])
  })
})
