// The section menu scrolls sideways on small screens. This brings the current section into view
// and marks which ends have more to scroll (`data-more="start end"`), which the stylesheet shows
// as a fade; without JavaScript the menu still scrolls.
{
  const nav = document.querySelector('.sections')
  const list = nav?.querySelector('.sections__list')
  if (nav instanceof HTMLElement && list instanceof HTMLElement) {
    const mark = () => {
      const rest = list.scrollWidth - list.clientWidth - list.scrollLeft
      const more = [list.scrollLeft > 1 ? 'start' : '', rest > 1 ? 'end' : ''].filter(Boolean).join(' ')
      if (more) nav.dataset.more = more
      else delete nav.dataset.more
    }
    const current = list.querySelector('[aria-current], .is-active')?.closest('li')
    if (current instanceof HTMLElement && list.scrollWidth > list.clientWidth)
      list.scrollLeft = current.offsetLeft - (list.clientWidth - current.offsetWidth) / 2
    mark()
    list.addEventListener('scroll', mark, { passive: true })
    addEventListener('resize', mark)
  }
}
