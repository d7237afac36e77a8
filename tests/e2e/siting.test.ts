import { mkdirSync } from 'node:fs'
import type { ServerType } from '@hono/node-server'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Db } from '../../server/src/db/db.ts'
import { generateDemoCity } from '../../server/src/demo/generate.ts'
import { loadDemoCity } from '../../server/src/demo/load.ts'
import { buildWebIfStale } from '../../scripts/lib/web-build.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import { openTestPglite } from '../helpers/each-db.ts'
import { SCREENSHOTS, hookValue, startServer, watchOutsideRequests } from './serve-app.ts'

describeWithBrowser('station siting', (getBrowser) => {
  let db: Db
  let url: string
  let server: ServerType

  beforeAll(async () => {
    await buildWebIfStale()
    db = await openTestPglite()
    await loadDemoCity(db, generateDemoCity({ seed: 7, scale: 0.02 }))
    ;({ url, server } = await startServer(db))
    mkdirSync(SCREENSHOTS, { recursive: true })
  })
  afterAll(async () => {
    server?.close()
    await db?.close()
  })

  it('sites three new stations for the city and lists and draws each of them', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const outside = watchOutsideRequests(page, url)
    await page.goto(url)
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
    await page.goto(url)
    await page.getByTestId('siting-toggle').click()
    await page.locator('input[name="k"]').fill('')
    expect(await page.getByTestId('siting-run').isDisabled()).toBe(true)
    expect(await page.getByTestId('siting-panel').textContent()).toContain('请输入数字')
    expect(await page.getByTestId('error-banner').count()).toBe(0)
    await page.close()
  })
})
