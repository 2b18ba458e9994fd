// Cards of stories from the last day say how long ago they appeared ("2 jam lalu"), counted
// from the reader's clock. The page keeps the absolute date, so builds do not depend on the time
// they ran and pages read correctly without JavaScript; the date stays in the title attribute.
// The words come from the theme's language strings, as data-* attributes of this script element.
{
  const words = document.currentScript?.dataset ?? {}
  const MINUTE = 60_000
  let plural
  const phrase = (unit, n) => {
    // Made only when a card needs it: the language's plural rules cost a little to load.
    plural ??= new Intl.PluralRules(document.documentElement.lang || undefined)
    return (words[`${unit}${plural.select(n) === 'one' ? 'One' : 'Other'}`] ?? '').replace('{n}', String(n))
  }
  const update = () => {
    const now = Date.now()
    for (const time of document.querySelectorAll('.card__meta time[datetime]')) {
      const age = now - Date.parse(time.getAttribute('datetime') ?? '')
      // Only the last day; a clock behind the story's time shows the date, not "in 5 minutes".
      if (!(age >= 0 && age < 24 * 60 * MINUTE)) continue
      if (!time.title) time.title = time.textContent ?? ''
      const minutes = Math.floor(age / MINUTE)
      const text =
        minutes < 1
          ? words.justNow
          : minutes < 60
            ? phrase('minutes', minutes)
            : phrase('hours', Math.floor(minutes / 60))
      if (text) time.textContent = text
    }
  }
  update()
  setInterval(update, MINUTE)
}
