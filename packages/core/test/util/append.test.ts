import { describe, expect, test } from 'vitest'
import { append } from '../../src/util/append.js'

describe('append', () => {
  test('appends lists far longer than a call can take as arguments (a 100,000-article archive’s warnings)', () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i)
    expect(() => [].push(...(many as never[]))).toThrow(RangeError)
    const target = [-1]
    expect(append(target, many, [500_000])).toBe(target)
    expect(target).toHaveLength(500_002)
    expect(target.at(-1)).toBe(500_000)
    expect(target[1]).toBe(0)
  })
})
