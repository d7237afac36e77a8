import { expect, it } from 'vitest'
import { describeWithBrowser } from '../helpers/browser.ts'
import { SCREENSHOTS, hookValue, serveSmallDemoCity, watchOutsideRequests } from './serve-app.ts'

describeWithBrowser('joint branch planning', (getBrowser) => {
  const app = serveSmallDemoCity()

  it('runs the analysis for the city and draws every candidate the API returns', async () => {
    const expected = await fetch(`${app.url()}/api/analysis/joint-branches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ area: '510100' }),
    }).then((r) => r.json() as Promise<{ candidates: unknown[]; stats: { coveredUnits: number } }>)
    expect(expected.candidates.length).toBeGreaterThan(0)

    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const outside = watchOutsideRequests(page, app.url())
    await page.goto(app.url())
    await expect
      .poll(() => hookValue(page, 'compoundsDrawn'), { timeout: 90_000 })
      .toBeGreaterThan(0)
    await page.getByTestId('joint-toggle').click()
    await page.getByTestId('joint-panel').waitFor()
    await page.getByTestId('joint-run').click()
    await expect
      .poll(() => hookValue(page, 'jointCandidatesDrawn'), { timeout: 60_000 })
      .toBe(expected.candidates.length)
    expect(await page.getByTestId('joint-candidate').count()).toBe(expected.candidates.length)
    expect(await page.getByTestId('joint-summary').textContent()).toContain(
      String(expected.stats.coveredUnits),
    )
    await page.screenshot({ path: `${SCREENSHOTS}/joint-branches.png` })
    expect(outside).toEqual([])
    await page.close()
  })

  it('shows a bad rule value next to its field in Chinese, not as a page error', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(app.url())
    await page.getByTestId('joint-toggle').click()
    await page.locator('input[name="minMembers"]').fill('0')
    await page.getByTestId('joint-run').click()
    const invalid = page.locator('.analysis-field.invalid')
    await invalid.first().waitFor({ timeout: 30_000 })
    expect(await invalid.first().textContent()).toMatch(/[\u4e00-\u9fff]/)
    expect(await page.locator('input[name="minMembers"]').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByTestId('error-banner').count()).toBe(0)
    await page.close()
  })
})
