const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const pad = (n: number | string) => String(n).padStart(2, '0')

/** `+0700`, `+07:00`, `Z`, `UTC`, `GMT` → `+07:00` / `Z`; undefined for none. */
function offsetOf(zone: string | undefined): string | undefined {
  if (!zone) return undefined
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 'Z'
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)
  return match ? `${match[1]}${match[2]}:${match[3] ?? '00'}` : undefined
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i
const DAY_MONTH_YEAR =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/i
const MONTH_DAY_YEAR =
  /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/i

function compose(
  year: string,
  month: number,
  day: string,
  hour?: string,
  minute?: string,
  second?: string,
  zone?: string,
) {
  const date = `${year}-${pad(month)}-${pad(day)}`
  if (hour === undefined) return date
  const time = `${pad(hour)}:${minute}${second && second !== '00' ? `:${second}` : ''}`
  return `${date}T${time}${offsetOf(zone) ?? ''}`
}

const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1

/**
 * A date as Hugo, Jekyll, Eleventy or Astro front matter writes it, in Warta's form
 * (`2024-05-14`, `2024-05-14T09:30`, with `+07:00` when an offset is given): ISO dates and
 * date-times (`2024-05-14T09:30:00+07:00`), Jekyll's `2024-05-14 09:30:00 +0700`, dates with
 * month names (`Jul 08 2022`, `8 July 2022`, `Mon, 08 Jul 2022 09:30:00 GMT`), and TOML or
 * YAML date values. Undefined for anything else (Eleventy's `Last Modified`, say).
 */
export function convertDate(value: unknown): string | undefined {
  // TOML dates (smol-toml's TomlDate) print back as written: `2024-05-14`, `…T09:30:00.000+07:00`.
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : convertDate(value.toISOString())
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  let match = ISO.exec(text)
  if (match) {
    const [, year = '', month = '', day = '', hour, minute, second, zone] = match
    return compose(year, Number(month), day, hour, minute, second, zone)
  }
  match = DAY_MONTH_YEAR.exec(text)
  if (match && monthNumber(match[2] ?? '') > 0) {
    const [, day = '', month = '', year = '', hour, minute, second, zone] = match
    return compose(year, monthNumber(month), day, hour, minute, second, zone)
  }
  match = MONTH_DAY_YEAR.exec(text)
  if (match && monthNumber(match[1] ?? '') > 0) {
    const [, month = '', day = '', year = '', hour, minute, second, zone] = match
    return compose(year, monthNumber(month), day, hour, minute, second, zone)
  }
  return undefined
}
