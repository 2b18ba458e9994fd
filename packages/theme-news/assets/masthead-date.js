// The masthead's date is the build's, and unchanged pages can stay cached for days: this brings it
// up to the reader's today in the site's time zone. Without JavaScript the build's date stays.
for (const time of document.querySelectorAll('.masthead__date time[data-zone]')) {
  try {
    const now = new Date()
    const timeZone = time.getAttribute('data-zone') ?? undefined
    time.textContent = now.toLocaleDateString(document.documentElement.lang, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
    })
    time.setAttribute('datetime', new Intl.DateTimeFormat('en-CA', { timeZone }).format(now))
  } catch {
    // An unknown zone or language: keep the build's date.
  }
}
