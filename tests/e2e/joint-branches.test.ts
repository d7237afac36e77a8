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

describeWithBrowser('joint branch planning', (getBrowser) => {
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

  it('runs the analysis for the city and draws every candidate the API returns', async () => {
    const expected = await fetch(`${url}/api/analysis/joint-branches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ area: '510100' }),
    }).then((r) => r.json() as Promise<{ candidates: unknown[]; stats: { coveredUnits: number } }>)
    expect(expected.candidates.length).toBeGreaterThan(0)

    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const outside = watchOutsideRequests(page, url)
    await page.goto(url)
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
    await page.goto(url)
    await page.getByTestId('joint-toggle').click()
    await page.locator('input[name="minMembers"]').fill('0')
    await page.getByTestId('joint-run').click()
    const invalid = page.locator('.joint-rule.invalid')
    await invalid.first().waitFor({ timeout: 30_000 })
    expect(await invalid.first().textContent()).toMatch(/[\u4e00-\u9fff]/)
    expect(await page.locator('input[name="minMembers"]').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByTestId('error-banner').count()).toBe(0)
    await page.close()
  })
})
