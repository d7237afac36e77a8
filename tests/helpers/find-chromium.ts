import { existsSync } from 'node:fs'

// Debian's package, other distributions' names, then Google's builds; CHROMIUM_PATH overrides all.
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
]

/** The path of a Chromium (or Chrome) executable on this machine, or undefined when there is none. */
export function findChromium(): string | undefined {
  const override = process.env.CHROMIUM_PATH
  if (override) return existsSync(override) ? override : undefined
  return CANDIDATES.find((p) => existsSync(p))
}
