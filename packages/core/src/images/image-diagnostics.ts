import type { Diagnostic } from '../errors/diagnostic.js'
import type { ImageRef } from './collect-image-refs.js'
import type { InspectFailure } from './inspect-image.js'

/** Why a picture could not be made, in the words of a diagnostic. */
export type PictureProblem = InspectFailure | 'outside'

const WHAT: Record<PictureProblem, { ruleId: Diagnostic['ruleId']; hint: string }> = {
  missing: {
    ruleId: 'image-missing',
    hint: 'Put the file in public/ (for /images/x.jpg) or beside the article (for x.jpg), or correct the path.',
  },
  outside: {
    ruleId: 'image-missing',
    hint: 'Pictures are read from the site folder only: move the file into public/ or beside the article.',
  },
  corrupt: {
    ruleId: 'image-corrupt',
    hint: 'Export the picture again from the camera or editor, or replace the file: it is damaged or cut short.',
  },
  unsupported: {
    ruleId: 'image-unsupported',
    hint: 'Save it as JPEG, PNG, WebP, AVIF, GIF or SVG (HEIC photos: export as JPEG).',
  },
  'too-large': {
    ruleId: 'image-too-large',
    hint: 'Scale the picture down (a photo needs no more than 4,000 px a side), or raise `images.maxPixels` if the file is trusted.',
  },
  'svg-unsafe': {
    ruleId: 'image-svg-unsafe',
    hint: 'Remove scripts, event handlers and external references from the SVG (export it as "plain SVG"), or use a PNG.',
  },
}

const NAMED: Record<ImageRef['use'], string> = {
  lead: 'lead image',
  photo: 'image',
  portrait: 'author photo',
  share: 'site share image (site.image)',
  'as-is': 'logo',
}

/** The diagnostic of a picture that could not be made, at the place that names it. */
export function pictureDiagnostic(ref: ImageRef, problem: PictureProblem, detail: string): Diagnostic {
  const { ruleId, hint } = WHAT[problem]
  const what = `The ${NAMED[ref.use]} ${ref.src}`
  const message =
    problem === 'missing'
      ? `${what} does not exist (looked for ${detail}).`
      : problem === 'outside'
        ? `${what} is outside the site folder.`
        : `${what} cannot be used: ${detail}.`
  const leftAsWritten =
    problem === 'svg-unsafe'
      ? ' It is not published.'
      : ref.severity === 'warning'
        ? ' It is left as written.'
        : ''
  return {
    file: ref.owner,
    ...(ref.place ? { place: ref.place } : {}),
    message: message + leftAsWritten,
    hint,
    ruleId,
    severity: ref.severity,
  }
}
