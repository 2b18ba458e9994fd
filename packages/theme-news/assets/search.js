// The search page's search: reads the query from the field (and from ?q=, where the masthead's
// form sends it), searches the site's Pagefind index as the reader types, and lists the stories
// found, ten at a time. Pagefind's script and index load on the first search, so the page costs
// nothing until then. The status line is a live region: screen readers hear how many stories
// matched. The URL keeps the query (?q=), so a search can be shared and the back button returns
// to it. The words come from the theme's language strings, as data-* attributes of this script.
{
  const script = document.currentScript
  const words = script?.dataset ?? {}
  const form = document.querySelector('.search-form--page')
  const input = form?.querySelector('input[name="q"]')
  const status = document.getElementById('search-status')
  const list = document.getElementById('search-results')
  const more = document.getElementById('search-more')
  const PAGE = 10
  const lang = document.documentElement.lang || undefined
  let pagefind
  let results = []
  let shown = 0
  let current = 0

  const say = (text) => {
    if (status) status.textContent = text
  }
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole)

  // Pagefind's excerpt is text with <mark> around the words found; only those survive.
  const excerptOf = (html) => {
    const template = document.createElement('template')
    template.innerHTML = html
    const p = document.createElement('p')
    p.className = 'search-result__excerpt'
    for (const node of template.content.childNodes) {
      if (node.nodeName === 'MARK') {
        const mark = document.createElement('mark')
        mark.textContent = node.textContent
        p.append(mark)
      } else p.append(node.textContent ?? '')
    }
    return p
  }

  // The story's day as the site shows dates: the ISO date is already in the newsroom's zone.
  const dayOf = (iso) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '')
    if (!match) return ''
    const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(day)
  }

  const resultItem = (data) => {
    const item = document.createElement('li')
    item.className = 'search-result'
    const title = document.createElement('h2')
    title.className = 'search-result__title'
    const link = document.createElement('a')
    link.href = data.url
    link.textContent = data.meta?.title ?? data.url
    title.append(link)
    const meta = document.createElement('p')
    meta.className = 'search-result__meta'
    if (data.meta?.section) meta.append(data.meta.section)
    const day = dayOf(data.meta?.date)
    if (day) {
      const time = document.createElement('time')
      time.dateTime = data.meta.date
      time.textContent = day
      meta.append(meta.textContent ? ' · ' : '', time)
    }
    item.append(title, meta, excerptOf(data.excerpt ?? ''))
    return item
  }

  // `focus`: after "show more", the keyboard goes on from the first story added.
  const showMore = async (run, focus = false) => {
    const next = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()))
    if (run !== current) return
    const items = next.map(resultItem)
    list?.append(...items)
    shown += next.length
    if (more) more.hidden = shown >= results.length
    if (focus) items[0]?.querySelector('a')?.focus()
  }

  const search = async (query) => {
    const run = ++current
    const term = query.trim()
    const url = new URL(location.href)
    if (term) url.searchParams.set('q', term)
    else url.searchParams.delete('q')
    history.replaceState(null, '', url)
    if (!term) {
      list?.replaceChildren()
      if (more) more.hidden = true
      say('')
      return
    }
    say(words.loading ?? '')
    try {
      // Pagefind searches in a worker of its own, off the page's thread.
      pagefind ??= await import(`${words.index}pagefind.js`)
      const found = await pagefind.debouncedSearch(term, {}, 150)
      // A later keystroke started another search: this one's results are stale.
      if (found === null || run !== current) return
      results = found.results
      shown = 0
      list?.replaceChildren()
      await showMore(run)
      if (run !== current) return
      const n = results.length
      const key =
        n === 0 ? 'none' : new Intl.PluralRules(lang).select(n) === 'one' ? 'resultsOne' : 'resultsOther'
      say(fill(words[key] ?? '', { n: String(n), query: term }))
    } catch {
      if (run === current) say(words.failed ?? '')
    }
  }

  if (form && input) {
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      search(input.value)
    })
    input.addEventListener('input', () => search(input.value))
    more?.addEventListener('click', () => showMore(current, true))
    const query = new URLSearchParams(location.search).get('q')
    if (query) {
      input.value = query
      search(query)
    }
  }
}
