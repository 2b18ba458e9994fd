import { fromHtml } from 'hast-util-from-html'
import { describe, expect, test } from 'vitest'
import { bodyPictures, pictureKey } from '../../src/images/body-pictures.js'
import type { ImageView } from '../../src/routes/views.js'

const view: ImageView = {
  src: 'peta wilayah.png',
  url: '/assets/img/peta-1-960.jpg',
  width: 1600,
  height: 1000,
  srcset: '/assets/img/peta-1-480.jpg 480w, /assets/img/peta-1-960.jpg 960w',
  sources: [
    { type: 'image/avif', srcset: '/assets/img/peta-2-480.avif 480w' },
    { type: 'image/webp', srcset: '/assets/img/peta-3-480.webp 480w' },
  ],
  placeholder: 'background:#7a6b55',
  crops: [],
}
const pictures = new Map([[pictureKey('peta wilayah.png'), view]])
const SIZES = '(min-width: 43rem) 40rem, 100vw'

describe('bodyPictures', () => {
  test('turns a body <img> into a <picture> with its sources, srcset, sizes, size, lazy loading and placeholder', async () => {
    const html = await bodyPictures(
      '<p>Teks.</p><p><img src="peta%20wilayah.png" alt="Peta &amp; wilayah" title="Peta"></p>',
      pictures,
      SIZES,
    )
    expect(html).toBe(
      '<p>Teks.</p><p><picture>' +
        '<source type="image/avif" srcset="/assets/img/peta-2-480.avif 480w" sizes="(min-width: 43rem) 40rem, 100vw">' +
        '<source type="image/webp" srcset="/assets/img/peta-3-480.webp 480w" sizes="(min-width: 43rem) 40rem, 100vw">' +
        '<img src="/assets/img/peta-1-960.jpg" alt="Peta &#x26; wilayah" title="Peta" srcset="/assets/img/peta-1-480.jpg 480w, /assets/img/peta-1-960.jpg 960w" sizes="(min-width: 43rem) 40rem, 100vw" width="1600" height="1000" loading="lazy" decoding="async" style="background:#7a6b55">' +
        '</picture></p>',
    )
  })

  test('lazy-loads an image the stage did not make, and leaves the rest of the body as it was', async () => {
    const body =
      '<h2 id="x">Judul</h2><p>Satu <a href="/a">dua</a>.</p><p><img src="https://cdn.example/a.jpg" alt="A"></p>'
    const html = await bodyPictures(body, pictures, SIZES)
    expect(html).toBe(
      '<h2 id="x">Judul</h2><p>Satu <a href="/a">dua</a>.</p><p><img src="https://cdn.example/a.jpg" alt="A" loading="lazy" decoding="async"></p>',
    )
    expect(fromHtml(html, { fragment: true })).toBeTruthy()
  })

  test('returns a body without images as it is, without parsing it', async () => {
    const body = '<p>Tanpa gambar &amp; <b>tebal</b></p>'
    expect(await bodyPictures(body, pictures, SIZES)).toBe(body)
  })

  test('keeps a <picture> an author wrote (trusted sites) as it is', async () => {
    const body =
      '<picture><source srcset="a.avif" type="image/avif"><img src="peta%20wilayah.png" alt=""></picture>'
    expect(await bodyPictures(body, pictures, SIZES)).toBe(body)
  })
})
