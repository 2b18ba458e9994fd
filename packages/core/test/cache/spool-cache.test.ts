import { readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { describe, expect, test } from 'vitest'
import { createSpoolCache } from '../../src/cache/spool-cache.js'
import { makeRecord } from '../helpers.js'

describe('the spool cache of a build without the persistent cache', () => {
  test('gives back every entry as it was stored, and leaves nothing behind', async () => {
    const before = (await readdir(tmpdir())).filter((name) => name.startsWith('warta-spool-'))
    const spool = createSpoolCache()
    const entries = Array.from({ length: 50 }, (_, i) => ({
      record: {
        ...makeRecord({ title: `Berita ${i} — Samarinda`, date: '2025-05-16' }),
        html: `<p>${'isi '.repeat(i * 40)}ñ ${i}</p>`,
      },
      diagnostics: [],
    }))
    for (const [i, entry] of entries.entries()) expect(await spool.set(`k${i}`, entry)).toBe(true)
    for (const [i, entry] of [...entries.entries()].reverse()) expect(await spool.get(`k${i}`)).toEqual(entry)
    expect(await spool.get('unknown')).toBeUndefined()
    spool.dispose()
    expect((await readdir(tmpdir())).filter((name) => name.startsWith('warta-spool-'))).toEqual(before)
  })
})
