import { expect, it } from 'vitest'
import { describeWithBrowser } from '../helpers/browser.ts'
import { SCREENSHOTS, hookValue, serveSmallDemoCity, watchOutsideRequests } from './serve-app.ts'

describeWithBrowser('station siting', (getBrowser) => {
  const app = serveSmallDemoCity()

  it('sites three new stations for the city and lists and draws each of them', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const outside = watchOutsideRequests(page, app.url())
    await page.goto(app.url())
    await expect
      .poll(() => hookValue(page, 'compoundsDrawn'), { timeout: 90_000 })
      .toBeGreaterThan(0)
    await page.getByTestId('siting-toggle').click()
    await page.getByTestId('siting-panel').waitFor()
    await page.locator('input[name="k"]').fill('3')
    await page.getByTestId('siting-run').click()
    await page.getByTestId('siting-site').first().waitFor({ timeout: 60_000 })
    const listed = await page.getByTestId('siting-site').count()
    expect(listed).toBeGreaterThan(0)
    expect(listed).toBeLessThanOrEqual(3)
    await expect.poll(() => hookValue(page, 'sitingSitesDrawn'), { timeout: 60_000 }).toBe(listed)
    expect(await page.getByTestId('siting-summary').textContent()).toMatch(/%/)
    expect(await page.getByTestId('siting-curve').count()).toBe(1)
    await page.screenshot({ path: `${SCREENSHOTS}/siting.png` })
    expect(outside).toEqual([])
    await page.close()
  })

  it('keeps Run disabled and says why in Chinese when the station count is empty', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(app.url())
    await page.getByTestId('siting-toggle').click()
    await page.locator('input[name="k"]').fill('')
    expect(await page.getByTestId('siting-run').isDisabled()).toBe(true)
    expect(await page.getByTestId('siting-panel').textContent()).toContain('请输入数字')
    expect(await page.getByTestId('error-banner').count()).toBe(0)
    await page.close()
  })
})
