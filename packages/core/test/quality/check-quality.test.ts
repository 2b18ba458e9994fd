import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as quality from '../../src/quality/index.js'
import { checkQuality, QUALITY_RULES } from '../../src/quality/index.js'
import { compareText } from '../../src/util/compare-text.js'
import {
  buildAndCheck,
  type CheckedSite,
  isQualityDiagnostic,
  linesOf,
  qualityConfig,
  qualitySitesDir,
} from './build-and-check.js'

const BUDGET = 'content/2025/05/budget.md'
const VOTE = 'content/2025/05/vote.md'

// One build serves every test here: they only read its result. The build writes into the
// site folder (its permalink history), so it builds a copy of the fixture.
let site: CheckedSite
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'warta-quality-'))
  const root = path.join(dir, 'newsroom')
  await cp(path.join(qualitySitesDir, 'newsroom'), root, { recursive: true })
  site = await buildAndCheck(await qualityConfig(root, {}, path.join(dir, 'out')))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

test('the quality module exports exactly these values', () => {
  expect(Object.keys(quality).sort()).toEqual([
    'DESCRIPTION_MAX_LENGTH',
    'OG_IMAGE_MIN_WIDTH',
    'QUALITY_RULES',
    'TITLE_MAX_LENGTH',
    'checkBrokenLinks',
    'checkDescriptionLength',
    'checkDuplicateCanonicals',
    'checkDuplicateTitles',
    'checkHeadingOrder',
    'checkImageAlt',
    'checkImageUpscaled',
    'checkMissingSummary',
    'checkOgImage',
    'checkQuality',
    'checkTitleLength',
    'createQualitySite',
    'findOutput',
    'outputCandidates',
    'resolveLink',
    'textLength',
  ])
})

describe('checkQuality on a built site', () => {
  test('an article with summary, alt texts, ordered headings and working links has no warnings', () => {
    const clean = ['dam.md', 'floods.md', 'dam-crowds.md', 'mayor-a.md'].map((f) => `content/2025/05/${f}`)
    expect(site.diagnostics.filter((d) => clean.includes(d.file))).toEqual([])
  })

  test('every diagnostic is a warning with a quality rule id, a hint and a place', () => {
    expect(site.diagnostics.length).toBeGreaterThan(0)
    for (const d of site.diagnostics) {
      expect(d.severity).toBe('warning')
      expect(QUALITY_RULES).toContain(d.ruleId)
      expect(d.hint).toBeTruthy()
      expect(d.place).toBeDefined()
    }
  })

  test('reports a lead image and a body image without alt text, at the image key and the image', () => {
    expect(linesOf(site.diagnostics, 'image-alt')).toEqual([
      `${BUDGET}:5:8 The lead image has no alt text.`,
      `${BUDGET}:14:1 The image /images/dam.jpg has no alt text.`,
    ])
  })

  test('reports a missing summary at the title, saying how long the first paragraph used instead is', () => {
    expect(linesOf(site.diagnostics, 'missing-summary')).toEqual([
      `${BUDGET}:2:8 The article has no summary.`,
    ])
    const hint = site.diagnostics.find((d) => d.ruleId === 'missing-summary')?.hint
    expect(hint).toContain('Add `summary:`')
    expect(hint).toContain('the first paragraph is used, 176 characters')
  })

  test('reports a title over 70 characters with its length and how much to cut', () => {
    expect(linesOf(site.diagnostics, 'title-length')).toEqual([
      `${BUDGET}:2:8 The title is 73 characters long; search results cut titles after about 70.`,
    ])
    expect(site.diagnostics.find((d) => d.ruleId === 'title-length')?.hint).toMatch(
      /^Shorten it by 3 characters/,
    )
  })

  test('reports a summary over 160 characters at the summary key', () => {
    expect(linesOf(site.diagnostics, 'description-length')).toEqual([
      `${VOTE}:5:10 The summary is 169 characters long; search results cut descriptions after about 160.`,
    ])
  })

  test('reports an h1 in the body and a heading that skips levels, at the headings', () => {
    expect(linesOf(site.diagnostics, 'heading-order')).toEqual([
      `${BUDGET}:10:1 The body has an h1 heading (“Budget in numbers”); the page’s h1 is the headline.`,
      `${BUDGET}:12:1 The heading “Details” is an h4 after an h1, skipping a level.`,
    ])
  })

  test('reports internal links that lead to no output file, including reference definitions', () => {
    expect(linesOf(site.diagnostics, 'broken-link')).toEqual([
      `${BUDGET}:16:6 The link /2025/05/14/floods-cut-off-three-districts/ leads nowhere: the build writes no 2025/05/14/floods-cut-off-three-districts/index.html.`,
      `${BUDGET}:16:70 The link ../nowhere/ leads nowhere: the build writes no 2025/05/17/nowhere/index.html.`,
      `${BUDGET}:17:30 The link https://news.example/category/politic/ leads nowhere: the build writes no category/politic/index.html.`,
      `${BUDGET}:21:1 The link /desk/ leads nowhere: the build writes no desk/index.html.`,
    ])
  })

  test('leaves a missing body image to the image stage, which reports it at the image', () => {
    expect(linesOf(site.report.diagnostics, 'image-missing')).toEqual([
      `${BUDGET}:19:1 The image /images/chart.png does not exist (looked for public/images/chart.png). It is left as written.`,
    ])
  })

  test('suggests the page a link probably meant when only its date is wrong', () => {
    const wrongDate = site.diagnostics.find((d) => d.message.includes('/2025/05/14/floods'))
    expect(wrongDate?.hint).toBe(
      'Did you mean /2025/05/15/floods-cut-off-three-districts/? Check the date and slug in the link.',
    )
  })

  test('reports a duplicate title on the later article, naming the earlier one', () => {
    expect(linesOf(site.diagnostics, 'duplicate-title')).toEqual([
      'content/2025/05/mayor-b.md:2:8 The title “Mayor visits  the harbour” is also the title of content/2025/05/mayor-a.md.',
    ])
  })

  test('reports two articles declaring the same canonical URL, but not one pointing at another article here', () => {
    expect(linesOf(site.diagnostics, 'duplicate-canonical')).toEqual([
      'content/2025/05/mayor-b.md:7:12 The canonical URL https://elsewhere.example/mayor-harbour is also that of content/2025/05/mayor-a.md.',
    ])
  })

  test('reports a missing lead image at the title and one narrower than 1200 px at the image', () => {
    expect(linesOf(site.diagnostics, 'og-image')).toEqual([
      `${BUDGET}:5:8 The lead image is 800 px wide; Google Discover shows large previews only for images at least 1200 px wide.`,
      `${VOTE}:2:8 The article has no lead image, so shares and Google Discover show a card with its headline, not a photo.`,
    ])
  })

  test('is sorted by file and position', () => {
    const order = site.diagnostics.map((d) => [d.file, d.place?.line ?? 0, d.place?.column ?? 0] as const)
    const sorted = [...order].sort((a, b) => compareText(a[0], b[0]) || a[1] - b[1] || a[2] - b[2])
    expect(order).toEqual(sorted)
  })

  test('leaves out rules turned off in options.rules', () => {
    const some = checkQuality(site.routed, {
      ...site.options,
      rules: { 'og-image': false, 'broken-link': false },
    })
    expect(some).toEqual(
      site.diagnostics.filter((d) => d.ruleId !== 'og-image' && d.ruleId !== 'broken-link'),
    )
  })

  test('agrees with the warnings build() reports: none before the build runs the checks, the same ones after', () => {
    expect([[], site.diagnostics]).toContainEqual(site.report.diagnostics.filter(isQualityDiagnostic))
  })
})
