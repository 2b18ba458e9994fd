import type { NewsDate } from '@warta/core'
import type { Strings } from './translate.js'
import { interpolate } from './translate.js'

/** Ways `formatDate` writes a date. */
export type DateStyle = 'long' | 'short' | 'time' | 'datetime' | 'short-datetime' | 'iso-date'

const STYLES: Record<
  Exclude<DateStyle, 'datetime' | 'short-datetime' | 'iso-date'>,
  Intl.DateTimeFormatOptions
> = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  time: { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
}

/** True for a `NewsDate` from core. */
export function isNewsDate(value: unknown): value is NewsDate {
  return typeof value === 'object' && value !== null && typeof (value as NewsDate).time === 'number'
}

/**
 * Formats dates in the site's language and time zone. Formatters are made once per
 * style: building an `Intl.DateTimeFormat` costs far more than using one.
 */
export function createDateFormatter(lang: string, timeZone: string, strings: Strings) {
  const formats = new Map<string, Intl.DateTimeFormat>()
  const isoDate = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
  const format = (style: keyof typeof STYLES, time: number): string => {
    let formatter = formats.get(style)
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(lang, { ...STYLES[style], timeZone })
      formats.set(style, formatter)
    }
    return formatter.format(new Date(time))
  }
  return (date: NewsDate | number, style: DateStyle = 'long'): string => {
    const time = typeof date === 'number' ? date : date.time
    const hasTime = typeof date === 'number' ? true : date.hasTime
    switch (style) {
      case 'time':
        return hasTime ? format('time', time) : ''
      case 'datetime':
        return hasTime
          ? interpolate(strings['date.datetime'] ?? '{date}, {time}', {
              date: format('long', time),
              time: format('time', time),
            })
          : format('long', time)
      case 'short-datetime':
        return hasTime
          ? interpolate(strings['date.datetime'] ?? '{date}, {time}', {
              date: format('short', time),
              time: format('time', time),
            })
          : format('short', time)
      case 'iso-date':
        return isoDate.format(time)
      case 'short':
        return format('short', time)
      default:
        return format('long', time)
    }
  }
}
