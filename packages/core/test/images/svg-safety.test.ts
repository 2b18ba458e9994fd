import { describe, expect, test } from 'vitest'
import { svgProblem } from '../../src/images/svg-safety.js'

const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${inner}</svg>`

describe('svgProblem', () => {
  test('a logo of shapes, gradients, inline styles and internal references is safe', () => {
    const logo = svg(
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#b3121f"/></linearGradient></defs>' +
        '<style>.a{fill:url(#g)}</style><rect class="a" width="10" height="10"/><use href="#g"/>' +
        '<image href="data:image/png;base64,iVBORw0KGgo="/>',
    )
    expect(svgProblem(logo)).toBeUndefined()
  })

  test.each([
    ['a script', svg('<script>alert(1)</script>'), 'it has a <script> element'],
    ['an event handler', svg('<rect onload="alert(1)" width="1" height="1"/>'), 'event handler'],
    [
      'a javascript: link',
      svg('<a href="javascript:alert(1)"><rect width="1" height="1"/></a>'),
      'links to javascript:',
    ],
    [
      'an xlink to another file',
      svg('<use xlink:href="https://evil.example/x.svg#a"/>'),
      'links to https://evil.example',
    ],
    ['HTML inside', svg('<foreignObject><div>x</div></foreignObject>'), '<foreignObject>'],
    [
      'a stylesheet import',
      svg('<style>@import url(https://evil.example/a.css);</style>'),
      'loads other resources',
    ],
    ['a style loading a file', svg('<rect style="fill:url(https://evil.example/a)"/>'), 'loads a resource'],
    ['XML entities', `<!DOCTYPE svg [<!ENTITY a "aaaa">]>${svg('<text>&a;</text>')}`, 'XML entities'],
  ])('refuses %s', (_, text, problem) => {
    expect(svgProblem(text)).toContain(problem)
  })
})
