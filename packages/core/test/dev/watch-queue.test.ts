import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type ChangeBatch, createWatchQueue, isFileEvent } from '../../src/dev/watch-queue.js'

interface Deferred {
  promise: Promise<void>
  resolve: () => void
}

const deferred = (): Deferred => {
  let resolve = () => {}
  const promise = new Promise<void>((done) => {
    resolve = done
  })
  return { promise, resolve }
}

/** A batch as sorted arrays, so assertions read plainly. */
const plain = (batch: ChangeBatch) => ({
  changed: [...batch.changed].sort(),
  removed: [...batch.removed].sort(),
})

/** A `run` that records every batch and can be held open to simulate a slow build. */
const recordingRun = () => {
  const batches: ChangeBatch[] = []
  const holds: Deferred[] = []
  let running = 0
  let mostAtOnce = 0
  let holdNext = false
  const run = async (batch: ChangeBatch) => {
    batches.push(batch)
    running++
    mostAtOnce = Math.max(mostAtOnce, running)
    if (holdNext) {
      holdNext = false
      const hold = deferred()
      holds.push(hold)
      await hold.promise
    }
    running--
  }
  return {
    run,
    batches,
    holds,
    holdNextRun: () => {
      holdNext = true
    },
    mostAtOnce: () => mostAtOnce,
  }
}

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('createWatchQueue', () => {
  it('debounces a burst of events into one batch', async () => {
    const recorder = recordingRun()
    const queue = createWatchQueue({ debounceMs: 100, run: recorder.run })
    queue.enqueue('change', '/site/a.md')
    queue.enqueue('add', '/site/b.md')
    queue.enqueue('change', '/site/a.md')
    await vi.advanceTimersByTimeAsync(99)
    expect(recorder.batches).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    await queue.idle()
    expect(recorder.batches.map(plain)).toEqual([{ changed: ['/site/a.md', '/site/b.md'], removed: [] }])
  })

  it('restarts the quiet period on every event', async () => {
    const recorder = recordingRun()
    const queue = createWatchQueue({ debounceMs: 100, run: recorder.run })
    queue.enqueue('change', '/site/a.md')
    await vi.advanceTimersByTimeAsync(80)
    queue.enqueue('change', '/site/b.md')
    await vi.advanceTimersByTimeAsync(80)
    expect(recorder.batches).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(20)
    expect(recorder.batches).toHaveLength(1)
  })

  it('lets the latest event for a path win', async () => {
    const recorder = recordingRun()
    const queue = createWatchQueue({ debounceMs: 10, run: recorder.run })
    // An atomic save: the editor deletes the file and writes it again.
    queue.enqueue('unlink', '/site/saved.md')
    queue.enqueue('add', '/site/saved.md')
    // A temp file that appears and is renamed away.
    queue.enqueue('add', '/site/.saved.md.swp')
    queue.enqueue('unlink', '/site/.saved.md.swp')
    queue.enqueue('change', '/site/gone.md')
    queue.enqueue('unlink', '/site/gone.md')
    await vi.advanceTimersByTimeAsync(10)
    await queue.idle()
    expect(recorder.batches.map(plain)).toEqual([
      { changed: ['/site/saved.md'], removed: ['/site/.saved.md.swp', '/site/gone.md'] },
    ])
  })

  it('collects events during a run into exactly one follow-up run, never overlapping', async () => {
    const recorder = recordingRun()
    const queue = createWatchQueue({ debounceMs: 10, run: recorder.run })
    recorder.holdNextRun()
    queue.enqueue('change', '/site/first.md')
    await vi.advanceTimersByTimeAsync(10)
    expect(recorder.batches).toHaveLength(1)

    queue.enqueue('change', '/site/a.md')
    await vi.advanceTimersByTimeAsync(50)
    queue.enqueue('unlink', '/site/b.md')
    await vi.advanceTimersByTimeAsync(50)
    queue.enqueue('add', '/site/c.md')
    await vi.advanceTimersByTimeAsync(50)
    expect(recorder.batches).toHaveLength(1)

    recorder.holds[0]?.resolve()
    await queue.idle()
    expect(recorder.batches.map(plain)).toEqual([
      { changed: ['/site/first.md'], removed: [] },
      { changed: ['/site/a.md', '/site/c.md'], removed: ['/site/b.md'] },
    ])
    expect(recorder.mostAtOnce()).toBe(1)
  })

  it('waits out the quiet period when events are still arriving as a run ends', async () => {
    const recorder = recordingRun()
    const queue = createWatchQueue({ debounceMs: 100, run: recorder.run })
    recorder.holdNextRun()
    queue.enqueue('change', '/site/first.md')
    await vi.advanceTimersByTimeAsync(100)
    queue.enqueue('change', '/site/late.md')
    recorder.holds[0]?.resolve()
    await vi.advanceTimersByTimeAsync(50)
    expect(recorder.batches).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(50)
    expect(recorder.batches.map(plain)[1]).toEqual({ changed: ['/site/late.md'], removed: [] })
  })

  it('reports a failing run and keeps going', async () => {
    const failure = new Error('template broke')
    const batches: ChangeBatch[] = []
    const onError = vi.fn()
    const queue = createWatchQueue({
      debounceMs: 10,
      onError,
      run: async (batch) => {
        batches.push(batch)
        if (batches.length === 1) throw failure
      },
    })
    queue.enqueue('change', '/site/a.md')
    await vi.advanceTimersByTimeAsync(10)
    await queue.idle()
    expect(onError).toHaveBeenCalledOnce()
    expect(onError.mock.calls[0]?.[0]).toBe(failure)
    expect(plain(onError.mock.calls[0]?.[1])).toEqual({ changed: ['/site/a.md'], removed: [] })

    queue.enqueue('change', '/site/b.md')
    await vi.advanceTimersByTimeAsync(10)
    await queue.idle()
    expect(batches).toHaveLength(2)
  })

  it('reports a run that throws synchronously', async () => {
    const onError = vi.fn()
    const queue = createWatchQueue({
      debounceMs: 10,
      onError,
      run: () => {
        throw new Error('sync')
      },
    })
    queue.enqueue('change', '/site/a.md')
    await vi.advanceTimersByTimeAsync(10)
    await queue.idle()
    expect(onError).toHaveBeenCalledOnce()
  })

  it('survives an error reporter that throws', async () => {
    const batches: ChangeBatch[] = []
    const queue = createWatchQueue({
      debounceMs: 10,
      onError: () => {
        throw new Error('reporter broke')
      },
      run: async (batch) => {
        batches.push(batch)
        throw new Error('run broke')
      },
    })
    queue.enqueue('change', '/site/a.md')
    await vi.advanceTimersByTimeAsync(10)
    await queue.idle()
    queue.enqueue('change', '/site/b.md')
    await vi.advanceTimersByTimeAsync(10)
    await queue.idle()
    expect(batches).toHaveLength(2)
  })

  it('logs to console.error when no reporter is given', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const queue = createWatchQueue({
      debounceMs: 10,
      run: async () => {
        throw new Error('unreported')
      },
    })
    queue.enqueue('change', '/site/a.md')
    await vi.advanceTimersByTimeAsync(10)
    await queue.idle()
    expect(logged).toHaveBeenCalledOnce()
  })

  it('is idle straight away when nothing was queued', async () => {
    const queue = createWatchQueue({ debounceMs: 10, run: async () => {} })
    await expect(queue.idle()).resolves.toBeUndefined()
  })

  it('is not idle while events are debouncing', async () => {
    const recorder = recordingRun()
    const queue = createWatchQueue({ debounceMs: 10, run: recorder.run })
    queue.enqueue('change', '/site/a.md')
    let idle = false
    void queue.idle().then(() => {
      idle = true
    })
    await vi.advanceTimersByTimeAsync(5)
    expect(idle).toBe(false)
    await vi.advanceTimersByTimeAsync(5)
    expect(idle).toBe(true)
    expect(recorder.batches).toHaveLength(1)
  })

  it('on close, drops queued events, waits for the active run and ignores new events', async () => {
    const recorder = recordingRun()
    const queue = createWatchQueue({ debounceMs: 10, run: recorder.run })
    recorder.holdNextRun()
    queue.enqueue('change', '/site/a.md')
    await vi.advanceTimersByTimeAsync(10)
    queue.enqueue('change', '/site/queued.md')

    let closed = false
    const closing = queue.close().then(() => {
      closed = true
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(closed).toBe(false)
    recorder.holds[0]?.resolve()
    await closing

    queue.enqueue('change', '/site/after.md')
    await vi.advanceTimersByTimeAsync(100)
    await queue.idle()
    expect(recorder.batches.map(plain)).toEqual([{ changed: ['/site/a.md'], removed: [] }])
  })
})

describe('isFileEvent', () => {
  it('accepts file events and leaves out directory and other events', () => {
    expect(['add', 'change', 'unlink', 'addDir', 'unlinkDir', 'ready', 'error'].filter(isFileEvent)).toEqual([
      'add',
      'change',
      'unlink',
    ])
  })
})
