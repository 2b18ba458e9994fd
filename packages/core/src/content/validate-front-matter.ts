import type { z } from 'zod'
import type { Diagnostic } from '../errors/diagnostic.js'
import type { YamlData } from './front-matter.js'

function typeName(value: unknown): string {
  if (value === null) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a group of keys'
  if (typeof value === 'string') return 'text'
  return `a ${typeof value}`
}

function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('')
}

/** Whether an issue is about a field that is not there at all, whatever check it failed. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return (
    issue.input === undefined &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')
  )
}

function describeIssue(issue: z.core.$ZodIssue): { message: string; hint: string } {
  const field = fieldName(issue.path)
  if (isMissing(issue)) {
    return {
      message: `Missing required field "${field}".`,
      hint: `Add a \`${field}:\` line to the front matter.`,
    }
  }
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
    const expected = issue.code === 'invalid_type' ? issue.expected : 'one of the allowed forms'
    const example =
      expected === 'string' ? ` Quote it to make it text, e.g. ${field}: "${String(issue.input ?? '')}".` : ''
    return {
      message: `Field "${field}" must be ${expected === 'string' ? 'text' : expected}, but it is ${typeName(issue.input)}.`,
      hint: `Check the value of "${field}".${example}`,
    }
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map((value) => JSON.stringify(value)).join(', ')
    return {
      message: `Field "${field}" must be ${issue.values.length === 1 ? allowed : `one of ${allowed}`}, but it is ${JSON.stringify(issue.input)}.`,
      hint: `Use one of the allowed values for "${field}".`,
    }
  }
  // Our own messages read on from the field ("must be an http(s) URL…"); zod's and the date
  // parser's are sentences of their own ("Too big: …", "\"2025-02-30\" does not exist…").
  const reason = issue.message.replace(/^Invalid input: /, '')
  const joined = /^[a-z]/.test(reason) ? `Field "${field}" ${reason}` : `Field "${field}": ${reason}`
  return {
    message: `${joined}.`.replace(/\.\.$/, '.'),
    hint: `Fix the value of "${field}".`,
  }
}

/**
 * For a value that fits none of a field's forms (`image: photo.jpg` or `image: { src }`),
 * the issue of the form it was written in: `image: "javascript:…"` is text, so the reason is
 * the URL's, not "must be one of the allowed forms, but it is text".
 */
function closestAlternative(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.input === undefined) return issue
  const wrongShape = (branch: z.core.$ZodIssue[]) =>
    branch.every((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_union'))
  const written = issue.errors.filter((branch) => branch.length > 0 && !wrongShape(branch))
  const [first] = written.length === 1 ? (written[0] ?? []) : []
  if (!first) return issue
  return closestAlternative({ ...first, path: [...issue.path, ...first.path] } as z.core.$ZodIssue)
}

/**
 * Validates front matter against a schema. Every issue becomes a diagnostic that
 * points at the offending key (or value) in the file.
 */
export function validateFrontMatter<T extends z.ZodType>(
  file: string,
  frontMatter: YamlData,
  schema: T,
): { data: z.infer<T> } | { diagnostics: Diagnostic[] } {
  const result = schema.safeParse(frontMatter.data, { reportInput: true })
  if (result.success) return { data: result.data }
  return {
    diagnostics: result.error.issues.map((unionIssue) => {
      const issue = closestAlternative(unionIssue)
      const { message, hint } = describeIssue(issue)
      const missing = isMissing(issue)
      return {
        file,
        place: frontMatter.locate(issue.path, missing ? 'key' : 'value'),
        message,
        hint,
        ruleId: 'front-matter-schema',
        severity: 'error' as const,
      }
    }),
  }
}
