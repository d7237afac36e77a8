// Tile mode (issue 9): the small demo city served with PAGE_FEATURE_LIMIT below its compound
// count, so the page draws MapLibre vector tiles and lists only a chosen area's compounds.
import { mkdirSync } from 'node:fs'
import type { ServerType } from '@hono/node-server'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Db } from '../../server/src/db/db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { generateDemoCity } from '../../server/src/demo/generate.ts'
import { loadDemoCity } from '../../server/src/demo/load.ts'
import { buildWebIfStale } from '../../scripts/lib/web-build.ts'
import { STATUS_NAMES } from '../../web/src/i18n/messages.ts'
import type { CoverageStatus } from '../../web/src/api/types.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import { openTestPglite } from '../helpers/each-db.ts'
import { SCREENSHOTS, startServer, watchOutsideRequests } from './serve-app.ts'

const LIMIT = 200
const STREET = '510104002'

interface TileHook {
  mapReady: boolean
  mode?: string
  tileCompoundsRendered: number
  renderedTileCompounds(status?: string): number
  project(p: [number, number]): [number, number]
  flyTo(p: [number, number], z: number): Promise<void>
}
/** One field of the test hook (undefined until the hook exists). */
const field = <K extends 'mapReady' | 'mode' | 'tileCompoundsRendered'>(page: Page, k: K) =>
  page.evaluate(
    (f) => (window as unknown as { __yuanluo?: TileHook }).__yuanluo?.[f],
    k,
  ) as Promise<TileHook[K] | undefined>

/** Distinct tile compounds rendered now, of one status or all. */
const rendered = (page: Page, status?: string): Promise<number> =>
  page.evaluate(
    (s) => (window as unknown as { __yuanluo: TileHook }).__yuanluo.renderedTileCompounds(s),
    status,
  )

describeWithBrowser('tile mode for datasets above the page feature limit', (getBrowser) => {
  const state: { db?: Db; url?: string; server?: ServerType } = {}
  beforeAll(async () => {
    await buildWebIfStale()
    state.db = await openTestPglite()
    await loadDemoCity(state.db, generateDemoCity({ seed: 7, scale: 0.02 }))
    const started = await startServer(state.db, { env: { PAGE_FEATURE_LIMIT: LIMIT } })
    state.server = started.server
    state.url = started.url
    mkdirSync(SCREENSHOTS, { recursive: true })
  })
  afterAll(async () => {
    state.server?.close()
    await state.db?.close()
  })

  it('draws tiles, picks and styles them, and lists only a chosen street', async () => {
    const db = state.db!
    const url = state.url!
    const [{ n: total } = { n: 0 }] = await db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM compound`,
    )
    expect(total).toBeGreaterThan(LIMIT)
    // The street's largest compound with a boundary, so a click lands well inside it.
    const [target] = await db.query<{
      id: number
      name: string
      code: string
      status: CoverageStatus
      lng: number
      lat: number
    }>(sql`
      SELECT c.id, c.name, c.code, v.status, ST_X(c.location) AS lng, ST_Y(c.location) AS lat
      FROM compound c JOIN compound_coverage v ON v.compound_id = c.id
      JOIN area a ON a.id = c.community_id
      WHERE a.parent_id = ${STREET} AND c.boundary IS NOT NULL
      ORDER BY ST_Area(c.boundary::geography) DESC LIMIT 1`)
    expect(target).toBeDefined()
    const [{ n: inStreet } = { n: 0 }] = await db.query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM compound c JOIN area a ON a.id = c.community_id
      WHERE a.parent_id = ${STREET}`)
    expect(inStreet).toBeGreaterThan(0)
    expect(inStreet).toBeLessThanOrEqual(LIMIT)

    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const outside = watchOutsideRequests(page, url)
    const requested: string[] = []
    const tileStatuses: number[] = []
    page.on('request', (r) => requested.push(r.url()))
    page.on('response', (r) => {
      if (r.url().includes('/api/tiles/compounds/')) tileStatuses.push(r.status())
    })
    await page.goto(url)
    await expect.poll(() => field(page, 'mode'), { timeout: 90_000 }).toBe('tiles')
    await expect.poll(() => field(page, 'mapReady'), { timeout: 90_000 }).toBe(true)

    await page.evaluate(
      ([lng, lat]) =>
        (window as unknown as { __yuanluo: TileHook }).__yuanluo.flyTo([lng, lat], 13),
      [target!.lng, target!.lat] as [number, number],
    )
    await expect.poll(() => rendered(page), { timeout: 60_000 }).toBeGreaterThan(0)
    expect(tileStatuses.length).toBeGreaterThan(0)
    expect(tileStatuses.every((s) => s === 200 || s === 204 || s === 304)).toBe(true)
    expect(tileStatuses).toContain(200)
    await page.screenshot({ path: `${SCREENSHOTS}/tile-mode.png` })

    // A click at street zoom opens the compound's panel through the usual detail request.
    await page.evaluate(
      ([lng, lat]) =>
        (window as unknown as { __yuanluo: TileHook }).__yuanluo.flyTo([lng, lat], 16),
      [target!.lng, target!.lat] as [number, number],
    )
    await expect.poll(() => rendered(page), { timeout: 60_000 }).toBeGreaterThan(0)
    const [x, y] = await page.evaluate(
      ([lng, lat]) => (window as unknown as { __yuanluo: TileHook }).__yuanluo.project([lng, lat]),
      [target!.lng, target!.lat] as [number, number],
    )
    // Hover: the tooltip names the compound (tiles carry no name: read once the pointer rests).
    await page.mouse.move(x, y)
    await expect
      .poll(() => page.getByRole('tooltip').textContent(), { timeout: 30_000 })
      .toContain(target!.name)
    await page.mouse.click(x, y)
    await page.getByTestId('compound-panel').waitFor({ timeout: 30_000 })
    await expect
      .poll(() => page.getByTestId('compound-name').textContent(), { timeout: 30_000 })
      .toBe(target!.name)
    await expect
      .poll(() => page.getByTestId('compound-panel').textContent(), { timeout: 30_000 })
      .toContain(target!.code)
    expect(requested.some((u) => u.endsWith(`/api/compounds/${target!.id}`))).toBe(true)
    await page.screenshot({ path: `${SCREENSHOTS}/tile-mode-selected.png` })

    // The legend hides the target's status: no rendered compound of it remains.
    const status = target!.status
    await expect.poll(() => rendered(page, status)).toBeGreaterThan(0)
    const others = await page.evaluate((s) => {
      const h = (window as unknown as { __yuanluo: TileHook }).__yuanluo
      return h.renderedTileCompounds() - h.renderedTileCompounds(s)
    }, status)
    await page
      .getByTestId('legend')
      .getByRole('button', { name: new RegExp(STATUS_NAMES['zh-CN'][status]) })
      .click()
    await expect.poll(() => rendered(page, status), { timeout: 30_000 }).toBe(0)
    expect(await rendered(page)).toBe(others)

    // No list at the city level (more than the limit); choosing a street loads that street's.
    expect(requested.filter((u) => /\/api\/compounds(\?|$)/.test(u))).toEqual([])
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/compounds?area=${STREET}`))
    await page.locator('.area-picker select').nth(0).selectOption(STREET.slice(0, 6))
    await page.locator('.area-picker select').nth(1).selectOption(STREET)
    const listed = (await (await answer).json()) as { features: unknown[] }
    expect(listed.features.length).toBe(inStreet)
    const lists = requested.filter((u) => /\/api\/compounds(\?|$)/.test(u))
    expect(lists.every((u) => /[?&]area=/.test(u))).toBe(true)
    // The ledger lists exactly the street's compounds.
    await page.getByTestId('view-ledger').click()
    await expect
      .poll(() => page.getByTestId('ledger-count').textContent(), { timeout: 30_000 })
      .toContain(String(inStreet))
    expect(await page.getByTestId('list-too-large').count()).toBe(0)

    expect(outside).toEqual([])
    await page.close()
  })

  it('asks for a smaller area in the ledger while the chosen area is too large to list', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const outside = watchOutsideRequests(page, state.url!)
    await page.goto(state.url!)
    await expect.poll(() => field(page, 'mode'), { timeout: 90_000 }).toBe('tiles')
    await page.getByTestId('view-ledger').click()
    const notice = page.getByTestId('list-too-large')
    await notice.waitFor({ timeout: 30_000 })
    expect(await notice.textContent()).toMatch(/[\u4e00-\u9fff]/)
    expect(await notice.textContent()).toContain(String(LIMIT))
    await page.screenshot({ path: `${SCREENSHOTS}/tile-mode-too-large.png` })
    expect(outside).toEqual([])
    await page.close()
  })
})
