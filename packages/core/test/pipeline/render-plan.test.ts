import { describe, expect, test } from 'vitest'
import { outputKeyOf, planRender } from '../../src/pipeline/render-plan.js'
import type { Page } from '../../src/routes/pages/page.js'

const page = (outputPath: string, key: string, layout = 'article'): Page => ({
  path: `/${outputPath.replace(/index\.html$/, '')}`,
  outputPath,
  layout,
  key,
  context: async () => {
    throw new Error('planning never builds a context')
  },
})
const templates = { templateKey: (layout: string) => `t-${layout}`, assetKey: 'assets-1' }

describe('planRender', () => {
  const pages = [page('a/index.html', 'ka'), page('b/index.html', 'kb'), page('index.html', 'kh', 'home')]

  test('on a first run every page is to be rendered', () => {
    const plan = planRender(pages, { ...templates, previousKeys: new Map() })
    expect(plan.map((p) => p.current)).toEqual([false, false, false])
  })

  test('a page whose key, template and assets are as last run is current; the others are rendered', () => {
    const previousKeys = new Map(pages.map((p) => [p.outputPath, outputKeyOf(p, templates)]))
    const changed = [page('a/index.html', 'ka-new'), pages[1] as Page, pages[2] as Page]
    expect(planRender(changed, { ...templates, previousKeys }).map((p) => p.current)).toEqual([
      false,
      true,
      true,
    ])
  })

  test('a changed template or asset set makes every page using it render again', () => {
    const previousKeys = new Map(pages.map((p) => [p.outputPath, outputKeyOf(p, templates)]))
    const newHome = {
      ...templates,
      templateKey: (layout: string) => (layout === 'home' ? 't-home-2' : `t-${layout}`),
    }
    expect(planRender(pages, { ...newHome, previousKeys }).map((p) => p.current)).toEqual([true, true, false])
    const newAssets = { ...templates, assetKey: 'assets-2' }
    expect(planRender(pages, { ...newAssets, previousKeys }).map((p) => p.current)).toEqual([
      false,
      false,
      false,
    ])
  })

  test('an earlier process’s file counts only when the output manifest vouches for it', () => {
    const asked: string[] = []
    const plan = planRender(pages, {
      ...templates,
      previousKeys: new Map(),
      isCurrent: (outputPath, key) => {
        asked.push(outputPath)
        return outputPath === 'b/index.html' && key === outputKeyOf(pages[1] as Page, templates)
      },
    })
    expect(plan.map((p) => p.current)).toEqual([false, true, false])
    expect(asked).toEqual(['a/index.html', 'b/index.html', 'index.html'])
  })
})
