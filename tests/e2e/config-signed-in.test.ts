// The compound count behind the map mode is not public: the sign-in page's /api/config tells no
// count, and after signing in the page learns it from /api/config/compounds and draws vector tiles
// when the database holds more compounds than PAGE_FEATURE_LIMIT (never the whole list).
import { mkdirSync } from 'node:fs'
import type { ServerType } from '@hono/node-server'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Db } from '../../server/src/db/db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { generateDemoCity } from '../../server/src/demo/generate.ts'
import { loadDemoCity } from '../../server/src/demo/load.ts'
import { hashPassword } from '../../server/src/features/auth/password.ts'
import { insertUser } from '../../server/src/features/auth/users.queries.ts'
import { buildWebIfStale } from '../../scripts/lib/web-build.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import { openTestPglite } from '../helpers/each-db.ts'
import { SCREENSHOTS, startServer, watchOutsideRequests } from './serve-app.ts'

const LIMIT = 200
const PASSWORD = 'e2e viewer password 1234'

interface TileHook {
  renderedTileCompounds(status?: string): number
  flyTo(p: [number, number], z: number): Promise<void>
}

/** One field of the page's test hook (undefined until the hook exists). */
const hook = (page: Page, k: 'mode' | 'mapReady') =>
  page.evaluate(
    (f) => (window as unknown as { __yuanluo?: Record<string, unknown> }).__yuanluo?.[f],
    k,
  )

describeWithBrowser('the compound count after sign-in', (getBrowser) => {
  const state: { db?: Db; url?: string; server?: ServerType } = {}
  beforeAll(async () => {
    await buildWebIfStale()
    state.db = await openTestPglite()
    await loadDemoCity(state.db, generateDemoCity({ seed: 7, scale: 0.02 }))
    await insertUser(state.db, {
      username: 'kan',
      displayName: '看图人',
      role: 'viewer',
      passwordHash: await hashPassword(PASSWORD),
      jurisdictionAreaId: null,
    })
    const started = await startServer(state.db, {
      auth: 'required',
      env: { PAGE_FEATURE_LIMIT: LIMIT },
    })
    state.server = started.server
    state.url = started.url
    mkdirSync(SCREENSHOTS, { recursive: true })
  })
  afterAll(async () => {
    state.server?.close()
    await state.db?.close()
  })

  it('tells the sign-in page no count, then draws tiles once signed in', async () => {
    const [{ n: total } = { n: 0 }] = await state.db!.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM compound`,
    )
    expect(total).toBeGreaterThan(LIMIT)
    const [at] = await state.db!.query<{ lng: number; lat: number }>(sql`
      SELECT ST_X(location) AS lng, ST_Y(location) AS lat FROM compound
      WHERE boundary IS NOT NULL ORDER BY ST_Area(boundary::geography) DESC LIMIT 1`)
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const outside = watchOutsideRequests(page, state.url!)
    const answers: { path: string; status: number; body: string }[] = []
    const requested: string[] = []
    page.on('request', (r) => requested.push(new URL(r.url()).pathname + new URL(r.url()).search))
    page.on('response', async (r) => {
      const path = new URL(r.url()).pathname
      if (path.startsWith('/api/config'))
        answers.push({ path, status: r.status(), body: await r.text().catch(() => '') })
    })
    await page.goto(state.url!)
    await page.locator('input[name="username"]').waitFor()
    await expect.poll(() => answers.filter((a) => a.path === '/api/config').length).toBe(1)
    expect(answers[0]!.status).toBe(200)
    expect(JSON.parse(answers[0]!.body)).not.toHaveProperty('compounds')
    expect(answers.some((a) => a.path === '/api/config/compounds' && a.status === 200)).toBe(false)

    await page.locator('input[name="username"]').fill('kan')
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByTestId('user-menu').waitFor()
    await expect.poll(() => hook(page, 'mode'), { timeout: 90_000 }).toBe('tiles')
    const counted = answers.find((a) => a.path === '/api/config/compounds')
    expect(counted?.status).toBe(200)
    expect(JSON.parse(counted!.body)).toEqual({ compounds: total })
    await expect.poll(() => hook(page, 'mapReady'), { timeout: 90_000 }).toBe(true)
    await page.evaluate(
      (p) => (window as unknown as { __yuanluo: TileHook }).__yuanluo.flyTo(p, 13),
      [at!.lng, at!.lat] as [number, number],
    )
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            (window as unknown as { __yuanluo: TileHook }).__yuanluo.renderedTileCompounds(),
          ),
        { timeout: 60_000 },
      )
      .toBeGreaterThan(0)
    // Tile mode never downloads the whole list.
    expect(requested.filter((p) => p === '/api/compounds')).toEqual([])
    await page.screenshot({ path: `${SCREENSHOTS}/config-signed-in-tiles.png` })
    expect(outside).toEqual([])
    await page.close()
  }, 240_000)
})
