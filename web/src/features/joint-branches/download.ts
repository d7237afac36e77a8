// Saves data the page made itself as a file, through a Blob URL: no server write, no network.

/** Offers `data` as a JSON file named `filename` to the browser's downloads. */
export function downloadJson(filename: string, data: unknown, type = 'application/geo+json') {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data)], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked later: some browsers read the URL only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
