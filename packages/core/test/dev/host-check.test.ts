import { describe, expect, it } from 'vitest'
import { allowedHostnames, checkHost, parseHostHeader, toUrlHost } from '../../src/dev/host-check.js'

describe('parseHostHeader', () => {
  it('parses names, IPv4 and IPv6 with or without a port', () => {
    expect(parseHostHeader('LocalHost:8080')).toEqual({ hostname: 'localhost', port: 8080 })
    expect(parseHostHeader('127.0.0.1')).toEqual({ hostname: '127.0.0.1', port: 80 })
    expect(parseHostHeader('[::1]:3000')).toEqual({ hostname: '[::1]', port: 3000 })
  })

  it.each([
    undefined,
    '',
    ' ',
    'a b',
    '[::1',
    '::1:3000',
    'localhost:',
    'localhost:0',
    'localhost:99999',
    'localhost:80:80',
    'user@localhost:80',
    'localhost/x',
    '-localhost',
    'localhost.',
  ])('rejects %j as malformed', (value) => {
    expect(parseHostHeader(value)).toBeUndefined()
  })
})

describe('checkHost', () => {
  const allowed = allowedHostnames('127.0.0.1')

  it('accepts the loopback names on the server port', () => {
    expect(checkHost('127.0.0.1:4000', allowed, 4000)).toBe('ok')
    expect(checkHost('localhost:4000', allowed, 4000)).toBe('ok')
    expect(checkHost('[::1]:4000', allowed, 4000)).toBe('ok')
  })

  it('refuses other names and other ports as foreign', () => {
    expect(checkHost('evil.example:4000', allowed, 4000)).toBe('foreign')
    expect(checkHost('127.0.0.1.evil.example:4000', allowed, 4000)).toBe('foreign')
    expect(checkHost('localhost:4001', allowed, 4000)).toBe('foreign')
    expect(checkHost('localhost', allowed, 4000)).toBe('foreign')
  })

  it('calls a missing or broken header malformed', () => {
    expect(checkHost(undefined, allowed, 4000)).toBe('malformed')
    expect(checkHost('localhost:4000 evil', allowed, 4000)).toBe('malformed')
  })

  it('accepts a configured host name', () => {
    expect(checkHost('preview.test:4000', allowedHostnames('preview.test'), 4000)).toBe('ok')
    expect(checkHost('[::1]:4000', allowedHostnames('::1'), 4000)).toBe('ok')
  })
})

describe('toUrlHost', () => {
  it('brackets IPv6 only', () => {
    expect(toUrlHost('::1')).toBe('[::1]')
    expect(toUrlHost('[::1]')).toBe('[::1]')
    expect(toUrlHost('127.0.0.1')).toBe('127.0.0.1')
  })
})
