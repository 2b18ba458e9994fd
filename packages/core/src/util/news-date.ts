/**
 * A point in time as the site shows it: the instant, its ISO 8601 form in the
 * site's time zone (with offset), and whether the source gave a time of day.
 */
export interface NewsDate {
  /** e.g. `2025-05-16T00:00:00+08:00`: the instant, written in the site's zone. */
  iso: string
  /** Milliseconds since the epoch. */
  time: number
  /** False when the front matter gave a date only: themes then show no time of day. */
  hasTime: boolean
}

const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/

/**
 * `Date.UTC` with years 0–99 taken literally: `Date.UTC` itself reads them as 1900–1999,
 * which would turn a typo such as `0025-05-16` into a silent 1925.
 */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const date = new Date(0)
  date.setUTCFullYear(year, month, day)
  date.setUTCHours(hour, minute, second, ms)
  return date.getTime()
}

/** A zone's wall-clock formatter, and whether it writes `MM/DD/YYYY, hh:mm:ss` (see `WALL_CLOCK`). */
interface WallClock {
  format: Intl.DateTimeFormat
  plain: boolean
}

const wallClocks = new Map<string, WallClock>()

// Reading `format()` with a regular expression takes a third of the time of `formatToParts()`,
// for the same digits: the output is the parts joined, the parts' order and separators are
// checked once per formatter, and the expression anchors every separator.
const WALL_CLOCK = /^(\d{2})\/(\d{2})\/(\d+), (\d{2}):(\d{2}):(\d{2})$/
const WALL_CLOCK_PARTS = 'month/day/year, hour:minute:second'

function wallClock(timeZone: string): WallClock {
  let clock = wallClocks.get(timeZone)
  if (!clock) {
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
    const parts = format.formatToParts(0).map((part) => (part.type === 'literal' ? part.value : part.type))
    clock = { format, plain: parts.join('') === WALL_CLOCK_PARTS }
    wallClocks.set(timeZone, clock)
  }
  return clock
}

/** The wall-clock time a zone shows at an instant, as if it were UTC. */
function wallTime(time: number, timeZone: string): number {
  const clock = wallClock(timeZone)
  const match = clock.plain ? WALL_CLOCK.exec(clock.format.format(time)) : null
  if (match) {
    const [month, day, year, hour, minute, second] = match.slice(1).map(Number) as number[]
    return utc(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0)
  }
  const parts: Record<string, number> = {}
  for (const part of clock.format.formatToParts(new Date(time))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  return utc(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  )
}

/** The zone's offset from UTC at an instant, in minutes (e.g. 480 for WITA). */
export function zoneOffsetMinutes(time: number, timeZone: string): number {
  return Math.round((wallTime(time, timeZone) - Math.floor(time / 1000) * 1000) / 60_000)
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Writes an instant as ISO 8601 in a time zone, with that zone's offset. */
export function toZonedIso(time: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(time, timeZone)
  const wall = new Date(time + offset * 60_000)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}

/** Makes a NewsDate from an instant. */
export function createNewsDate(time: number, timeZone: string, hasTime = true): NewsDate {
  return { iso: toZonedIso(time, timeZone), time, hasTime }
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month, 0)).getUTCDate()
}

/**
 * Reads a front matter date: `YYYY-MM-DD`, or a date-time with optional seconds and
 * offset. A value without an offset is wall-clock time in `timeZone`, never the build
 * machine's zone. Returns a reason string when the value is not a real date.
 */
export function parseNewsDate(value: string, timeZone: string): NewsDate | { error: string } {
  const match = DATE_PATTERN.exec(value.trim())
  if (!match)
    return {
      error: `"${value}" is not a date. Write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM with an optional offset, e.g. 2025-05-16T14:30+08:00`,
    }
  const [, y, mo, d, h, mi, s, fraction, offset] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h ?? 0)
  const minute = Number(mi ?? 0)
  const second = Number(s ?? 0)
  // There is no year 0 in the calendar Intl formats with; it would come back as 1 BC.
  if (year < 1) return { error: `"${value}" has year 0000; years run from 0001` }
  if (month < 1 || month > 12) return { error: `"${value}" has month ${month}; months run from 01 to 12` }
  if (day < 1 || day > daysInMonth(year, month))
    return { error: `"${value}" does not exist: that month has ${daysInMonth(year, month)} days` }
  if (hour > 23 || minute > 59 || second > 59)
    return { error: `"${value}" has a time of day that does not exist` }
  const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0
  const wall = utc(year, month - 1, day, hour, minute, second, ms)
  let time: number
  if (offset) {
    const sign = offset.startsWith('-') ? -1 : 1
    const digits = offset === 'Z' ? '0000' : offset.slice(1).replace(':', '').padEnd(4, '0')
    time = wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000
  } else {
    // The zone's offset depends on the instant; two passes settle it across DST changes.
    time = wall - zoneOffsetMinutes(wall, timeZone) * 60_000
    time = wall - zoneOffsetMinutes(time, timeZone) * 60_000
  }
  return createNewsDate(time, timeZone, h !== undefined)
}
