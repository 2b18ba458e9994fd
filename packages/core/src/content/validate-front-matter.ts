import type { z } from 'zod'
import type { Diagnostic } from '../errors/diagnostic.js'
import type { FrontMatter } from './front-matter.js'

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

function describeIssue(issue: z.core.$ZodIssue): { message: string; hint: string } {
  const field = fieldName(issue.path)
  if (issue.code === 'invalid_type' && issue.input === undefined) {
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
  return {
    message: `Field "${field}" ${issue.message.replace(/^Invalid input: /, '')}.`.replace(/\.\.$/, '.'),
    hint: `Fix the value of "${field}".`,
  }
}

/**
 * Validates front matter against a schema. Every issue becomes a diagnostic that
 * points at the offending key (or value) in the file.
 */
export function validateFrontMatter<T extends z.ZodType>(
  file: string,
  frontMatter: FrontMatter,
  schema: T,
): { data: z.infer<T> } | { diagnostics: Diagnostic[] } {
  const result = schema.safeParse(frontMatter.data, { reportInput: true })
  if (result.success) return { data: result.data }
  return {
    diagnostics: result.error.issues.map((issue) => {
      const { message, hint } = describeIssue(issue)
      const missing = issue.code === 'invalid_type' && issue.input === undefined
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
