// Adds a "copy link" button beside the article's address where the browser can write to the
// clipboard; everywhere else the read-only field is there to select and copy by hand.
// A classic script shares one global scope with the page's others: the block keeps its names in.
{
  const input = document.getElementById('share-url')
  const button = input?.nextElementSibling
  if (input instanceof HTMLInputElement && button instanceof HTMLButtonElement && navigator.clipboard) {
    input.addEventListener('focus', () => input.select())
    button.hidden = false
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(input.value).then(() => {
        if (button.lastChild) button.lastChild.textContent = button.getAttribute('data-copied')
      })
    })
  }
}
