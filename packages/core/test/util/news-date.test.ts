import { describe, expect, test } from 'vitest'
import { parseNewsDate, toZonedIso, zoneOffsetMinutes } from '../../src/util/news-date.js'

const WITA = 'Asia/Makassar'

describe('parseNewsDate', () => {
  test('a date alone is midnight in the site’s zone and has no time of day', () => {
    expect(parseNewsDate('2025-05-16', WITA)).toEqual({
      iso: '2025-05-16T00:00:00+08:00',
      time: Date.parse('2025-05-15T16:00:00Z'),
      hasTime: false,
    })
  })

  test('a date-time without an offset is wall-clock time in the site’s zone, not the machine’s', () => {
    expect(parseNewsDate('2025-05-16T14:30', WITA)).toEqual({
      iso: '2025-05-16T14:30:00+08:00',
      time: Date.parse('2025-05-16T06:30:00Z'),
      hasTime: true,
    })
    expect(parseNewsDate('2025-05-16 14:30:15', WITA)).toMatchObject({ iso: '2025-05-16T14:30:15+08:00' })
  })

  test('a date-time with an offset is that instant, written in the site’s zone', () => {
    expect(parseNewsDate('2025-05-16T14:30+07:00', WITA)).toEqual({
      iso: '2025-05-16T15:30:00+08:00',
      time: Date.parse('2025-05-16T07:30:00Z'),
      hasTime: true,
    })
    expect(parseNewsDate('2025-05-16T14:30:00-0330', WITA)).toMatchObject({
      time: Date.parse('2025-05-16T18:00:00Z'),
    })
  })

  test('Z means UTC', () => {
    expect(parseNewsDate('2025-05-16T14:30:00Z', WITA)).toEqual({
      iso: '2025-05-16T22:30:00+08:00',
      time: Date.parse('2025-05-16T14:30:00Z'),
      hasTime: true,
    })
  })

  test('fractions of a second are kept to the millisecond', () => {
    expect(parseNewsDate('2025-05-16T14:30:00.123456Z', 'UTC')).toMatchObject({
      time: Date.parse('2025-05-16T14:30:00.123Z'),
    })
  })

  test('February 29 exists in a leap year', () => {
    expect(parseNewsDate('2024-02-29', 'UTC')).toMatchObject({ iso: '2024-02-29T00:00:00+00:00' })
  })

  test('February 30 is an error that says the month is shorter', () => {
    expect(parseNewsDate('2024-02-30', 'UTC')).toEqual({
      error: '"2024-02-30" does not exist: that month has 29 days',
    })
    expect(parseNewsDate('2023-02-29', 'UTC')).toEqual({
      error: '"2023-02-29" does not exist: that month has 28 days',
    })
  })

  test('months, hours and minutes out of range are errors', () => {
    expect(parseNewsDate('2025-13-01', 'UTC')).toHaveProperty('error', expect.stringContaining('month 13'))
    expect(parseNewsDate('2025-05-16T24:00', 'UTC')).toHaveProperty(
      'error',
      expect.stringContaining('time of day'),
    )
    expect(parseNewsDate('2025-05-16T12:60', 'UTC')).toHaveProperty(
      'error',
      expect.stringContaining('time of day'),
    )
  })

  test('text that is not a date is an error with an example of the right form', () => {
    const result = parseNewsDate('16 Mei 2025', WITA)
    expect(result).toHaveProperty('error', expect.stringContaining('"16 Mei 2025" is not a date'))
    expect(result).toHaveProperty('error', expect.stringContaining('YYYY-MM-DD'))
  })

  test('years below 100 are taken literally, not as 19xx', () => {
    expect(parseNewsDate('0025-05-16', 'UTC')).toMatchObject({ iso: '0025-05-16T00:00:00+00:00' })
    expect(parseNewsDate('0004-02-29', 'UTC')).toMatchObject({ iso: '0004-02-29T00:00:00+00:00' })
    expect(parseNewsDate('0000-01-01', 'UTC')).toHaveProperty('error')
  })

  describe('in a zone with daylight saving time (Europe/Berlin)', () => {
    const berlin = 'Europe/Berlin'

    test('winter and summer times get their own offsets', () => {
      expect(parseNewsDate('2025-01-15T12:00', berlin)).toMatchObject({
        iso: '2025-01-15T12:00:00+01:00',
        time: Date.parse('2025-01-15T11:00:00Z'),
      })
      expect(parseNewsDate('2025-07-15T12:00', berlin)).toMatchObject({
        iso: '2025-07-15T12:00:00+02:00',
        time: Date.parse('2025-07-15T10:00:00Z'),
      })
    })

    test('the hours either side of the spring change are an hour apart', () => {
      const before = parseNewsDate('2025-03-30T01:30', berlin)
      const after = parseNewsDate('2025-03-30T03:30', berlin)
      expect(before).toMatchObject({ iso: '2025-03-30T01:30:00+01:00' })
      expect(after).toMatchObject({ iso: '2025-03-30T03:30:00+02:00' })
      if ('error' in before || 'error' in after) throw new Error('expected dates')
      expect(after.time - before.time).toBe(60 * 60_000)
    })

    test('a wall-clock time skipped by the spring change lands just after it', () => {
      expect(parseNewsDate('2025-03-30T02:30', berlin)).toMatchObject({ iso: '2025-03-30T03:30:00+02:00' })
    })

    test('an explicit offset is honoured across the change', () => {
      expect(parseNewsDate('2025-10-26T02:30+02:00', berlin)).toMatchObject({
        iso: '2025-10-26T02:30:00+02:00',
        time: Date.parse('2025-10-26T00:30:00Z'),
      })
      expect(parseNewsDate('2025-10-26T02:30+01:00', berlin)).toMatchObject({
        iso: '2025-10-26T02:30:00+01:00',
        time: Date.parse('2025-10-26T01:30:00Z'),
      })
    })
  })
})

describe('zoneOffsetMinutes', () => {
  test('gives the zone’s offset at an instant', () => {
    expect(zoneOffsetMinutes(Date.parse('2025-05-16T00:00:00Z'), WITA)).toBe(480)
    expect(zoneOffsetMinutes(Date.parse('2025-01-01T00:00:00Z'), 'America/New_York')).toBe(-300)
    expect(zoneOffsetMinutes(Date.parse('2025-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330)
  })

  // The offset is read from `format()` output; this is what `formatToParts()` gives.
  const referenceOffset = (time: number, timeZone: string) => {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    const parts: Record<string, number> = {}
    for (const part of format.formatToParts(new Date(time)))
      if (part.type !== 'literal') parts[part.type] = Number(part.value)
    const wall = new Date(0)
    wall.setUTCFullYear(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1)
    wall.setUTCHours(parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    return Math.round((wall.getTime() - Math.floor(time / 1000) * 1000) / 60_000)
  }

  test.each([
    'Asia/Makassar',
    'Europe/Berlin',
    'America/St_Johns',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'UTC',
  ])('gives what the formatter’s parts give in %s, in years 1 to 9999', (timeZone) => {
    const instants = [
      Date.UTC(2025, 2, 30, 0, 59, 59),
      Date.UTC(1900, 0, 1),
      -62135596800000,
      253402300799000,
    ]
    for (let i = 0; i < 400; i++) instants.push(-62135596800000 + i * 790_000_000_031)
    for (const time of instants)
      expect([time, zoneOffsetMinutes(time, timeZone)]).toEqual([time, referenceOffset(time, timeZone)])
  })
})

describe('toZonedIso', () => {
  test('writes negative and half-hour offsets', () => {
    expect(toZonedIso(Date.parse('2025-01-01T12:00:00Z'), 'America/New_York')).toBe(
      '2025-01-01T07:00:00-05:00',
    )
    expect(toZonedIso(Date.parse('2025-01-01T12:00:00Z'), 'Asia/Kolkata')).toBe('2025-01-01T17:30:00+05:30')
  })
})
