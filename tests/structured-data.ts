// Test-only: structured data read from built pages as a crawler reads it, and checked against
// the schema.org vocabulary and the rich-result rules of @adobe/structured-data-validator.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import Validator from '@adobe/structured-data-validator'
import WebAutoExtractor from '@marbec/web-auto-extractor'

const vocabularyFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/schema-org/schemaorg-current-https.jsonld.gz',
)

let vocabulary: unknown
/** The schema.org vocabulary (see fixtures/schema-org/README.md), read once. */
function schemaOrg(): unknown {
  vocabulary ??= JSON.parse(gunzipSync(readFileSync(vocabularyFile)).toString('utf8'))
  return vocabulary
}

/** One problem the validator found. */
export interface StructuredDataIssue {
  rootType: string
  severity: 'ERROR' | 'WARNING'
  issueMessage: string
  path?: unknown
}

/** The JSON-LD items of a page, by their `@type`, as the extractor finds them. */
export function extractJsonLd(html: string): Record<string, Record<string, unknown>[]> {
  const extracted = new WebAutoExtractor({ addLocation: false, embedSource: false }).parse(html) as {
    jsonld?: Record<string, Record<string, unknown>[]>
  }
  return extracted.jsonld ?? {}
}

/**
 * Every issue the validator finds in a page's structured data: types unknown to schema.org
 * (errors), properties schema.org does not define for their type (warnings), and the rich-result
 * rules it has for BreadcrumbList, Organization, Person, ImageObject and others.
 */
export async function validateStructuredData(html: string): Promise<StructuredDataIssue[]> {
  const extracted = new WebAutoExtractor({ addLocation: true, embedSource: ['rdfa', 'microdata'] }).parse(
    html,
  )
  return (await new Validator(schemaOrg()).validate(extracted)) as StructuredDataIssue[]
}
