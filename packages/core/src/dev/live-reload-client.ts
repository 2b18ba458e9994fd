import { LIVE_RELOAD_EVENTS_PATH } from './live-reload-paths.js'

/**
 * The browser side of live reload, served as-is (kept well under 3 KB). It listens on the
 * event stream and: reloads on `reload`; on `css`, re-fetches the page and swaps in its
 * stylesheet links (asset names are content-hashed) without a reload; shows the build error
 * in an overlay on `build-error` (text only, via textContent, inside a shadow root so page
 * styles cannot hide it); on `clear`, removes the overlay and reloads. If the stream drops
 * and comes back (the dev server restarted), it reloads, since the site may have changed.
 *
 * The overlay has a Dismiss button (and Escape): the last good page underneath is then
 * usable, and stays so on other pages of the tab while the same error stands (the dismissed
 * report is kept in sessionStorage); the next, different error shows the overlay again.
 */
export const LIVE_RELOAD_CLIENT_SOURCE = /* js */ `(() => {
  const overlayId = 'warta-error-overlay'
  const dismissedKey = 'warta-dismissed-error'
  let wasOpen = false
  const removeOverlay = () => document.getElementById(overlayId)?.remove()
  const element = (tag, css, text) => {
    const node = document.createElement(tag)
    node.style.cssText = css
    node.textContent = text
    return node
  }
  // sessionStorage throws where storage is off: the overlay then simply comes back.
  const session = (use) => {
    try {
      return use(sessionStorage)
    } catch {}
  }
  const dismiss = (key) => {
    removeOverlay()
    session((s) => s.setItem(dismissedKey, key))
  }
  const showOverlay = (report) => {
    const key = JSON.stringify(report)
    if (session((s) => s.getItem(dismissedKey)) === key) return
    removeOverlay()
    const host = element('div', 'position:fixed;inset:0;z-index:99999;overflow:auto;padding:2em;background:#222;color:#eee;font:15px/1.6 monospace', '')
    host.id = overlayId
    host.setAttribute('role', 'alert')
    const close = element('button', 'float:right;font:inherit;padding:.2em .8em;cursor:pointer', 'Dismiss')
    close.onclick = () => dismiss(key)
    host.attachShadow({ mode: 'open' }).append(
      close,
      element('b', 'color:#f99', 'Build failed: ' + report.message),
      element('pre', 'white-space:pre-wrap;font:inherit', report.text),
    )
    document.body.append(host)
    close.focus()
    host.addEventListener('keydown', (event) => event.key === 'Escape' && dismiss(key))
  }
  const swapStylesheets = async () => {
    try {
      const html = await (await fetch(location.href, { cache: 'no-store' })).text()
      const fresh = new DOMParser().parseFromString(html, 'text/html').querySelectorAll('link[rel~="stylesheet"]')
      const current = document.querySelectorAll('link[rel~="stylesheet"]')
      if (fresh.length !== current.length) return location.reload()
      current.forEach((link, index) => {
        const href = fresh[index].getAttribute('href') || ''
        const next = link.cloneNode()
        next.href = href + (href.includes('?') ? '&' : '?') + 'warta=' + Date.now()
        next.onload = next.onerror = () => link.remove()
        link.after(next)
      })
    } catch {
      location.reload()
    }
  }
  const connect = () => {
    const source = new EventSource('${LIVE_RELOAD_EVENTS_PATH}?page=' + encodeURIComponent(location.pathname))
    source.onopen = () => {
      if (wasOpen) location.reload()
      wasOpen = true
    }
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) return
      source.close()
      setTimeout(connect, 1000)
    }
    source.addEventListener('reload', () => location.reload())
    source.addEventListener('css', swapStylesheets)
    source.addEventListener('build-error', (event) => showOverlay(JSON.parse(event.data)))
    source.addEventListener('clear', () => {
      removeOverlay()
      session((s) => s.removeItem(dismissedKey))
      location.reload()
    })
  }
  connect()
})()
`.replace(/\n\s+/g, '\n')
