import { expect, it } from 'vitest'
import { sql } from '../../server/src/db/sql.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import { openTestPglite } from '../helpers/each-db.ts'
import {
  SCREENSHOTS,
  serveSmallDemoCity,
  startServer,
  watchOutsideRequests,
  type Hook,
} from './serve-app.ts'

describeWithBrowser('the city map', (getBrowser) => {
  const app = serveSmallDemoCity()

  it('draws every compound, and a click opens the panel with that compound', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const outside = watchOutsideRequests(page, app.url())
    await page.goto(app.url())
    await page.waitForFunction(
      () => (window as unknown as { __yuanluo?: Hook }).__yuanluo?.compoundsDrawn,
      undefined,
      { timeout: 90_000 },
    )
    const [count] = await app
      .db()
      .query<{ n: number }>(sql`SELECT count(*)::int AS n FROM compound`)
    expect(
      await page.evaluate(
        () => (window as unknown as { __yuanluo: Hook }).__yuanluo.compoundsDrawn,
      ),
    ).toBe(count!.n)
    await expect.poll(() => page.getByTestId('legend').isVisible()).toBe(true)
    await page.screenshot({ path: `${SCREENSHOTS}/city-map.png` })

    // A large old compound, so that the click lands well inside it at street zoom.
    const [target] = await app.db().query<{
      id: number
      name: string
      lng: number
      lat: number
    }>(sql`
      SELECT id, name, ST_X(location) AS lng, ST_Y(location) AS lat FROM compound
      WHERE boundary IS NOT NULL ORDER BY ST_Area(boundary::geography) DESC LIMIT 1`)
    await page.evaluate(
      ([lng, lat]) => (window as unknown as { __yuanluo: Hook }).__yuanluo.flyTo([lng, lat], 17),
      [target!.lng, target!.lat] as [number, number],
    )
    const [x, y] = await page.evaluate(
      ([lng, lat]) => (window as unknown as { __yuanluo: Hook }).__yuanluo.project([lng, lat]),
      [target!.lng, target!.lat] as [number, number],
    )
    await page.mouse.click(x, y)
    await page.getByTestId('compound-panel').waitFor({ timeout: 30_000 })
    await expect
      .poll(() => page.getByTestId('compound-name').textContent(), { timeout: 30_000 })
      .toBe(target!.name)
    await page.screenshot({ path: `${SCREENSHOTS}/compound-panel.png` })
    expect(outside).toEqual([])
    await page.close()
  })

  it('shows a Chinese error banner, not a blank page, when the database is down', async () => {
    const dead = await openTestPglite()
    await dead.close()
    const down = await startServer(dead)
    try {
      const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
      await page.goto(down.url)
      const banner = page.getByTestId('error-banner')
      await banner.waitFor({ timeout: 60_000 })
      expect(await banner.textContent()).toMatch(/[\u4e00-\u9fff]/)
      await page.screenshot({ path: `${SCREENSHOTS}/database-down.png` })
      await page.close()
    } finally {
      down.server.close()
    }
  })
})
