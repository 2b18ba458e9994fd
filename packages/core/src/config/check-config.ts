import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { WartaConfigError } from '../errors/build-error.js'
import type { Position } from '../errors/diagnostic.js'
import { closestOption } from '../util/closest-word.js'
import { configSchema } from './config-schema.js'

type KeyPath = readonly (string | number)[]

/** `site.footerLinks[0].url`, as a reader would write the option. */
export const optionName = (keys: KeyPath): string =>
  keys.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('')

/** The options an object of the schema takes, at a key path. */
function knownKeys(keys: KeyPath): string[] {
  let schema: z.ZodType = configSchema
  for (const key of keys) {
    while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType
    if (schema instanceof z.ZodArray && typeof key === 'number') schema = schema.element as z.ZodType
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.ZodType
    else if (schema instanceof z.ZodObject) schema = schema.shape[key] as z.ZodType
    else return []
    if (!schema) return []
  }
  while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : []
}

/**
 * Where an option is written in the config file's text: each key of the path in turn, as an
 * object key (`pageSize:`, `'pageSize':`) after the one before it. A careful text search
 * rather than a parse, as the file may be TypeScript; `undefined` when a key is not found.
 */
export function locateOption(text: string, keys: KeyPath): Position | undefined {
  let offset = 0
  let found: number | undefined
  for (const key of keys) {
    if (typeof key === 'number') continue
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const pattern = new RegExp(`(?<![\\w$])(['"\`]?)${escaped}\\1\\s*:`, 'g')
    pattern.lastIndex = offset
    const match = pattern.exec(text)
    if (!match) break
    found = match.index
    offset = match.index + match[0].length
  }
  if (found === undefined) return undefined
  const before = text.slice(0, found)
  const line = before.split('\n').length
  return { line, column: found - before.lastIndexOf('\n') }
}

/** The value at a key path of the config, for messages. */
function valueAt(config: unknown, keys: KeyPath): unknown {
  let value = config
  for (const key of keys)
    value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined
  return value
}

const shown = (value: unknown) =>
  typeof value === 'function' ? 'a function' : value === undefined ? 'undefined' : JSON.stringify(value)

/** One issue of the schema as the mistakes it stands for. */
function toErrors(
  issue: z.core.$ZodIssue,
  config: unknown,
): { message: string; option: KeyPath; hint?: string }[] {
  const at = issue.path as KeyPath
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(at)
    return issue.keys.map((key) => {
      const suggestion = closestOption(key, known)
      return {
        option: [...at, key],
        message: `Unknown option "${optionName([...at, key])}".${suggestion ? ` Did you mean "${optionName([...at, suggestion])}"?` : ''}`,
        hint: `${at.length ? `${optionName(at)} takes` : 'The config takes'} ${known.join(', ')}.`,
      }
    })
  }
  // A record's key (an edition's) is checked by its own schema, whose message says what it must be.
  const inner = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined
  if (inner?.startsWith('must '))
    return [{ option: at, message: `${optionName(at.slice(0, -1))} key "${String(at.at(-1))}" ${inner}.` }]
  const name = optionName(at)
  if (issue.message.startsWith('must '))
    return [{ option: at, message: `${name} ${issue.message}, not ${shown(valueAt(config, at))}.` }]
  // Messages written for an option start with its name; zod's own get it in front.
  const message = name && !issue.message.startsWith(name) ? `${name}: ${issue.message}.` : issue.message
  return [{ option: at, message: message.replace(/\.\.$/, '.') }]
}

/** Reads a config file's text for locating options; `undefined` when it cannot be read. */
function readText(configFile: string | undefined): string | undefined {
  try {
    return configFile ? readFileSync(configFile, 'utf8') : undefined
  } catch {
    return undefined
  }
}

/** The config file as messages name it: relative to the site folder when inside it. */
const fileName = (configFile: string | undefined, root: string) =>
  configFile && !path.relative(root, configFile).startsWith('..')
    ? path.relative(root, configFile).split(path.sep).join('/')
    : configFile

/** A mistake with its option's place in the config file. A missing option is not in the file: the object it belongs in is. */
function locate(
  message: string,
  option: KeyPath,
  hint: string | undefined,
  text: string | undefined,
  file: string | undefined,
): WartaConfigError {
  const place = text ? (locateOption(text, option) ?? locateOption(text, option.slice(0, -1))) : undefined
  return new WartaConfigError(message, { option, file, place, hint })
}

/** The same mistake, naming the config file and where in it the option is written. */
export function locatedError(error: WartaConfigError, configFile: string, root: string): WartaConfigError {
  const file = fileName(configFile, root)
  const { place } = locate(error.message, error.option ?? [], error.hint, readText(configFile), file)
  return new WartaConfigError(error.message, {
    option: error.option,
    file,
    place,
    hint: error.hint,
    cause: error.cause,
  })
}

/**
 * Checks a config's shape against the schema: unknown options (with the option meant, when
 * one is close), missing required ones, values of the wrong type. Throws a `WartaConfigError`
 * naming the first mistake, with every other in `also`, each with the config file's line and
 * column when the option can be found in it.
 */
export function checkConfig(config: unknown, configFile: string | undefined, root: string): void {
  const result = configSchema.safeParse(config)
  if (result.success) return
  const text = readText(configFile)
  const file = fileName(configFile, root)
  const errors = result.error.issues
    .flatMap((issue) => toErrors(issue, config))
    .map((error) => locate(error.message, error.option, error.hint, text, file))
    .sort(
      (a, b) =>
        (a.place?.line ?? 0) - (b.place?.line ?? 0) || (a.place?.column ?? 0) - (b.place?.column ?? 0),
    )
  const [first, ...rest] = errors as [WartaConfigError, ...WartaConfigError[]]
  const { option, place, hint } = first
  throw new WartaConfigError(first.message, { option, file, place, hint, also: rest })
}
