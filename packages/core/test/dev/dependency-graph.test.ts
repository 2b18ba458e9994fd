import { describe, expect, it } from 'vitest'
import { DependencyGraph } from '../../src/dev/dependency-graph.js'

const sorted = (values: Iterable<string>) => [...values].sort()

/** Pages made from sources and a layout, the layout made from partials. */
const newsSite = () => {
  const graph = new DependencyGraph<string>()
  graph.set('layouts/article.hbs', ['partials/header.hbs', 'partials/footer.hbs'])
  graph.set('news/a/index.html', ['content/a.md', 'layouts/article.hbs'])
  graph.set('news/b/index.html', ['content/b.md', 'layouts/article.hbs'])
  graph.set('index.html', ['content/a.md', 'content/b.md', 'layouts/home.hbs', 'partials/header.hbs'])
  return graph
}

describe('DependencyGraph', () => {
  it('finds the outputs made from a changed input', () => {
    expect(sorted(newsSite().dependentsOf(['content/a.md']))).toEqual(['index.html', 'news/a/index.html'])
  })

  it('follows chains through outputs that are inputs too', () => {
    expect(sorted(newsSite().dependentsOf(['partials/footer.hbs']))).toEqual([
      'layouts/article.hbs',
      'news/a/index.html',
      'news/b/index.html',
    ])
  })

  it('unions the dependents of several inputs and ignores unknown ones', () => {
    expect(sorted(newsSite().dependentsOf(['content/b.md', 'layouts/home.hbs', 'nope.md']))).toEqual([
      'index.html',
      'news/b/index.html',
    ])
    expect(newsSite().dependentsOf([])).toEqual(new Set())
  })

  it('replaces the inputs of an output on set', () => {
    const graph = newsSite()
    graph.set('news/a/index.html', ['content/a.md', 'layouts/opinion.hbs'])
    expect(sorted(graph.inputsOf('news/a/index.html'))).toEqual(['content/a.md', 'layouts/opinion.hbs'])
    expect(sorted(graph.dependentsOf(['layouts/article.hbs']))).toEqual(['news/b/index.html'])
    expect(sorted(graph.dependentsOf(['layouts/opinion.hbs']))).toEqual(['news/a/index.html'])
  })

  it('forgets a deleted output', () => {
    const graph = newsSite()
    expect(graph.delete('news/a/index.html')).toBe(true)
    expect(graph.delete('news/a/index.html')).toBe(false)
    expect(graph.has('news/a/index.html')).toBe(false)
    expect(graph.inputsOf('news/a/index.html')).toEqual(new Set())
    expect(sorted(graph.dependentsOf(['content/a.md']))).toEqual(['index.html'])
    expect(sorted(graph.outputs())).toEqual(['index.html', 'layouts/article.hbs', 'news/b/index.html'])
  })

  it('keeps edges to a deleted output that others use as an input', () => {
    const graph = newsSite()
    graph.delete('layouts/article.hbs')
    expect(sorted(graph.dependentsOf(['layouts/article.hbs']))).toEqual([
      'news/a/index.html',
      'news/b/index.html',
    ])
    expect(sorted(graph.dependentsOf(['partials/footer.hbs']))).toEqual([])
  })

  it('survives cycles', () => {
    const graph = new DependencyGraph<string>()
    graph.set('a', ['b'])
    graph.set('b', ['a'])
    expect(sorted(graph.dependentsOf(['a']))).toEqual(['a', 'b'])
  })

  it('works with any key type', () => {
    const graph = new DependencyGraph<number>()
    graph.set(1, [2, 3])
    expect(graph.dependentsOf([3])).toEqual(new Set([1]))
  })
})
