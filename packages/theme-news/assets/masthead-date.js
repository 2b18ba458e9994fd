// The masthead's date is the build's, and unchanged pages can stay cached for days: this brings it
// up to the reader's today in the site's time zone. Without JavaScript the build's date stays.
// The long date (weekday and month names in the site's language) is written only when the day
// has changed: loading a language's date names is the costly part.
for (const time of document.querySelectorAll('.masthead__date time[data-zone]')) {
  try {
    const now = new Date()
    const timeZone = time.getAttribute('data-zone') ?? undefined
    const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now)
    if (today === time.getAttribute('datetime')) continue
    time.textContent = now.toLocaleDateString(document.documentElement.lang, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
    })
    time.setAttribute('datetime', today)
  } catch {
    // An unknown zone or language: keep the build's date.
  }
}
