import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe } from 'vitest'
import { findChromium } from './find-chromium.ts'
import { missingSuite } from './requirements.ts'

export { findChromium } from './find-chromium.ts'

/**
 * Launches headless Chromium with software WebGL (SwiftShader through ANGLE), no sandbox (root in
 * CI) and no background networking (the machines have no internet; Chromium would keep trying).
 */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  })
}

/**
 * Runs browser tests with one Chromium per describe block. Without Chromium the block becomes one
 * placeholder test: skipped with the reason, or failed when REQUIRE_BROWSER=1.
 */
export function describeWithBrowser(name: string, body: (getBrowser: () => Browser) => void): void {
  const executablePath = findChromium()
  if (!executablePath)
    return missingSuite(`${name} [browser]`, 'no Chromium executable found', 'REQUIRE_BROWSER')
  describe(`${name} [browser]`, () => {
    let browser: Browser | undefined
    beforeAll(async () => {
      browser = await launchChromium(executablePath)
    })
    afterAll(async () => {
      await browser?.close()
    })
    body(() => {
      if (!browser)
        throw new Error('the browser is not launched yet: call getBrowser() inside a test or hook')
      return browser
    })
  })
}
