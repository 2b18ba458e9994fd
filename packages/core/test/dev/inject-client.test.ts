import { describe, expect, it } from 'vitest'
import { injectClientScript } from '../../src/dev/inject-client.js'

const TAG = '<script src="/c.js" defer></script>'

describe('injectClientScript', () => {
  it('inserts the tag before the closing body tag', () => {
    expect(injectClientScript('<body><p>x</p></body></html>', '/c.js')).toBe(
      `<body><p>x</p>${TAG}</body></html>`,
    )
  })

  it('uses the last closing body tag, in any case and spacing', () => {
    const html = '<body><pre>&lt;/body&gt; </body ></pre></BODY >'
    expect(injectClientScript(html, '/c.js')).toBe(`<body><pre>&lt;/body&gt; </body ></pre>${TAG}</BODY >`)
  })

  it('appends the tag when there is no closing body tag', () => {
    expect(injectClientScript('<p>İstanbul', '/c.js')).toBe(`<p>İstanbul${TAG}`)
  })
})
