import v8 from 'node:v8'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { boundHeapGrowth } from '../../src/util/heap-growth.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('boundHeapGrowth', () => {
  test('bounds the growth once for every holder and restores V8 own policy when the last lets go', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => {})
    const first = boundHeapGrowth()
    const second = boundHeapGrowth()
    expect(set.mock.calls).toEqual([['--heap-growing-percent=25']])
    first()
    first()
    expect(set).toHaveBeenCalledTimes(1)
    second()
    expect(set.mock.calls).toEqual([['--heap-growing-percent=25'], ['--heap-growing-percent=0']])
  })

  test('leaves a growth the program was started with alone', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => {})
    process.execArgv.push('--heap-growing-percent=80')
    try {
      boundHeapGrowth()()
    } finally {
      process.execArgv.pop()
    }
    expect(set).not.toHaveBeenCalled()
  })
})
