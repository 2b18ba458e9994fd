import { describe, expect, test } from 'vitest'
import { collisionKey, toOutputPath } from '../../src/routes/output-path.js'

describe('toOutputPath', () => {
  test.each([
    ['/', 'index.html'],
    ['/2025/05/16/banjir/', '2025/05/16/banjir/index.html'],
    ['/404.html', '404.html'],
    ['/feed/rss.xml', 'feed/rss.xml'],
    ['/kategori/pemerintahan/halaman/2/', 'kategori/pemerintahan/halaman/2/index.html'],
    ['/台北提供战略合作/', '台北提供战略合作/index.html'],
    ['/a..b/', 'a..b/index.html'],
    ['/.well-known/security.txt', '.well-known/security.txt'],
  ])('maps %j to %j', (sitePath, outputPath) => {
    expect(toOutputPath(sitePath)).toEqual({ outputPath })
  })

  test.each([
    ['a parent segment', '/../etc/passwd', '".." segment'],
    ['a parent segment in the middle', '/2025/05/16/../../../../etc/', '".." segment'],
    ['a trailing parent segment', '/2025/..', '".." segment'],
    ['a current-folder segment', '/2025/./banjir/', '"."'],
    ['an empty segment', '/2025//banjir/', 'empty'],
    ['a path that is not absolute', 'etc/passwd', 'single /'],
    ['a protocol-relative path', '//evil.example/', 'single /'],
    ['a Windows drive path', 'C:/Windows/', 'single /'],
    ['an encoded parent segment', '/%2e%2e/etc/', '%-escapes'],
    ['an encoded parent segment in capitals', '/%2E%2E/etc/', '%-escapes'],
    ['an encoded slash', '/a%2fb/', '%-escapes'],
    ['a malformed escape', '/100%/', 'malformed'],
    ['a backslash', '/..\\..\\etc/', 'not allowed in file names'],
    ['a NUL byte', '/banjir\u0000.html', 'not allowed in file names'],
    ['a control character', '/ban\u001fjir/', 'not allowed in file names'],
    ['a colon', '/c:/', 'not allowed in file names'],
    ['a question mark', '/apa?/', 'not allowed in file names'],
    ['a hash', '/nomor#1/', 'fragment'],
    ['the reserved name con', '/con/', 'Windows reserves'],
    ['a reserved name in capitals with an extension', '/2025/CON.html', 'Windows reserves'],
    ['the reserved names nul, aux, com1 and lpt9', '/nul/', 'Windows reserves'],
    ['a trailing dot', '/banjir./', 'ending in a dot'],
    ['a trailing space', '/banjir /', 'ending in a dot or space'],
    ['a segment too long for a file name', `/${'a'.repeat(256)}/`, '256 bytes'],
    ['a segment too long in UTF-8 bytes', `/${'台'.repeat(86)}/`, '258 bytes'],
  ])('refuses %s', (_, sitePath, reason) => {
    const result = toOutputPath(sitePath)
    expect(result).toEqual({ error: expect.stringContaining(reason) })
  })

  test.each(['/aux/', '/com1/', '/LPT9.txt', '/prn.tar.gz'])(
    'refuses the reserved name in %j',
    (sitePath) => {
      expect(toOutputPath(sitePath)).toHaveProperty('error')
    },
  )

  test('allows names that merely start like reserved ones', () => {
    expect(toOutputPath('/console/')).toEqual({ outputPath: 'console/index.html' })
    expect(toOutputPath('/auxiliary.html')).toEqual({ outputPath: 'auxiliary.html' })
  })

  test('allows a segment of exactly 255 bytes', () => {
    expect(toOutputPath(`/${'a'.repeat(255)}/`)).toEqual({ outputPath: `${'a'.repeat(255)}/index.html` })
  })
})

describe('collisionKey', () => {
  test('paths that differ only in letter case collide', () => {
    expect(collisionKey('2025/05/16/Banjir/index.html')).toBe(collisionKey('2025/05/16/banjir/index.html'))
  })

  test('composed and decomposed forms of the same letters collide', () => {
    const composed = 'kafe/caf\u00e9/index.html'
    const decomposed = 'kafe/cafe\u0301/index.html'
    expect(composed).not.toBe(decomposed)
    expect(collisionKey(composed)).toBe(collisionKey(decomposed))
    expect(collisionKey('CAFE\u0301/index.html')).toBe(collisionKey(composed.slice(5)))
  })

  test('different words do not collide', () => {
    expect(collisionKey('banjir/index.html')).not.toBe(collisionKey('banjir-2/index.html'))
  })
})
