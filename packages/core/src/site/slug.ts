import slugify from '@sindresorhus/slugify'

/** Makes a URL slug from any text: transliterates, lower-cases, joins words with `-`. */
export function toSlug(text: string): string {
  return slugify(text, { decamelize: false }) || 'untitled'
}
