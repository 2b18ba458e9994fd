// The section menu scrolls sideways on small screens. This brings the current section into view
// and marks which ends have more to scroll (`data-more="start end"`), which the stylesheet shows
// as a fade; without JavaScript the menu still scrolls. It measures in a ResizeObserver, after the
// browser's own layout, so it never forces one while the page loads.
{
  const nav = document.querySelector('.sections')
  const list = nav?.querySelector('.sections__list')
  if (nav instanceof HTMLElement && list instanceof HTMLElement && 'ResizeObserver' in window) {
    const mark = () => {
      const rest = list.scrollWidth - list.clientWidth - list.scrollLeft
      const more = [list.scrollLeft > 1 ? 'start' : '', rest > 1 ? 'end' : ''].filter(Boolean).join(' ')
      if (more !== (nav.dataset.more ?? '')) {
        if (more) nav.dataset.more = more
        else delete nav.dataset.more
      }
    }
    let centred = false
    new ResizeObserver(() => {
      const current = list.querySelector('[aria-current], .is-active')?.closest('li')
      if (!centred && current instanceof HTMLElement && list.scrollWidth > list.clientWidth) {
        list.scrollLeft = current.offsetLeft - (list.clientWidth - current.offsetWidth) / 2
        centred = true
      }
      mark()
    }).observe(list)
    list.addEventListener('scroll', mark, { passive: true })
  }
}
