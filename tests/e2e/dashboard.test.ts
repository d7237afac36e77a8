import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { pointOnFeature } from '@turf/turf'
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson'
import type { Page } from 'playwright-core'
import { readSheet } from 'read-excel-file/node'
import { expect, it } from 'vitest'
import type { Hotspots, Rollup, ScorecardCompound } from '../../web/src/api/scorecard-types.ts'
import type { DashboardTestHook } from '../../web/src/features/dashboard/dashboard-hook.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import { SCREENSHOTS, hookValue, serveSmallDemoCity, watchOutsideRequests } from './serve-app.ts'

type Drawn = NonNullable<DashboardTestHook['drawn']>

const DOCS_SHOTS = 'docs/screenshots'

/** What the gap map last drew (null before it drew anything). */
const drawn = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __yuanluoDashboard?: DashboardTestHook }).__yuanluoDashboard?.drawn ??
      null,
  ) as Promise<Drawn | null>

const lastSwitchMs = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __yuanluoDashboard?: DashboardTestHook }).__yuanluoDashboard
        ?.lastSwitchMs ?? null,
  )

const whenIdle = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __yuanluoDashboard: DashboardTestHook }).__yuanluoDashboard.whenIdle(),
  )

/** Saves a screenshot for the test output and for the docs. */
async function shoot(page: Page, name: string) {
  await whenIdle(page)
  const path = `${SCREENSHOTS}/${name}.png`
  await page.screenshot({ path })
  mkdirSync(DOCS_SHOTS, { recursive: true })
  copyFileSync(path, `${DOCS_SHOTS}/${name}.png`)
}

/** Waits until the gap map has drawn `layer` with `what` (a measure or rate) and `count` features. */
async function waitDrawn(
  page: Page,
  layer: string,
  what?: string,
  count: (n: number) => boolean = (n) => n > 0,
): Promise<Drawn> {
  await expect
    .poll(
      async () => {
        const d = await drawn(page)
        return d && d.layer === layer && (what === undefined || d.what === what) && count(d.count)
      },
      { timeout: 60_000 },
    )
    .toBe(true)
  return (await drawn(page))!
}

/** The breadcrumb of the dashboard, as text. */
const crumbs = (page: Page) => page.getByTestId('dash-breadcrumb').textContent()

describeWithBrowser('leaders dashboard', (getBrowser) => {
  const app = serveSmallDemoCity()
  const api = <T>(path: string) => fetch(`${app.url()}${path}`).then((r) => r.json() as Promise<T>)

  it('draws the gaps four ways, drills from the city to a community and back, and exports figures matching the API', async () => {
    const city = await api<Rollup>('/api/scorecard/rollup')
    const compounds = (await api<{ compounds: ScorecardCompound[] }>('/api/scorecard/compounds'))
      .compounds
    expect(city.children.length).toBeGreaterThan(0)
    expect(compounds.length).toBeGreaterThan(0)

    const page = await getBrowser().newPage({
      viewport: { width: 1600, height: 1000 },
      acceptDownloads: true,
    })
    const outside = watchOutsideRequests(page, app.url())
    await page.goto(app.url())
    await expect
      .poll(() => hookValue(page, 'compoundsDrawn'), { timeout: 90_000 })
      .toBeGreaterThan(0)
    await page.getByTestId('view-dashboard').click()
    await page.getByTestId('dashboard').waitFor()
    // Closer than the city default, so the screenshots show the small city's compounds.
    const [w, s, e, n] = city.children[0]!.bbox!
    await page.evaluate(
      ([lng, lat]) => window.__yuanluo!.flyTo([lng!, lat!], 12),
      [(w + e) / 2, (s + n) / 2],
    )

    // The heat map of every old compound of the city, weighted by households without an organisation.
    const heat = await waitDrawn(page, 'heat', 'uncoveredHouseholds')
    expect(heat.count).toBe(compounds.length)
    expect(heat.count).toBe(city.totals.oldCompounds)
    expect(await page.getByTestId('gap-description').textContent()).toContain('未覆盖党组织的户数')
    // The headline organisation coverage is the API's, as a percentage.
    const org = page
      .getByTestId('dash-figure-organisationCoverage')
      .getByTestId('dash-figure-value')
    await expect
      .poll(() => org.textContent(), { timeout: 30_000 })
      .toBe(
        new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(
          city.totals.organisationCoverage!,
        ),
      )
    await shoot(page, 'dashboard-heat')

    // Switching measure keeps the camera and says so in the legend; the time is measured, not asserted.
    const camera = () => page.evaluate(() => window.__yuanluo!.project([104.0657, 30.6574]))
    const before = await camera()
    const times: number[] = []
    const cycle = ['elderlyWithoutStation', 'failedIndicators', 'uncoveredHouseholds'] as const
    for (let i = 0; i < 6; i++) {
      const m = cycle[i % 3]!
      await page.getByTestId(`gap-measure-${m}`).click()
      await waitDrawn(page, 'heat', m)
      await expect.poll(() => lastSwitchMs(page)).not.toBeNull()
      times.push((await lastSwitchMs(page))!)
    }
    expect(await camera()).toEqual(before)
    expect(await page.getByTestId('gap-description').textContent()).toContain('未覆盖党组织的户数')
    const sorted = [...times].sort((a, b) => a - b)
    console.log(
      `[dashboard] heat-map measure switch, click → frame drawn (ms): ${times.join(', ')}; median ${sorted[Math.floor(sorted.length / 2)]}`,
    )

    // Hexagons: the legend states the unit and the classes.
    await page.getByTestId('gap-layer-hex').click()
    const hex = await waitDrawn(page, 'hex', 'uncoveredHouseholds')
    expect(hex.count).toBeGreaterThan(0)
    expect(hex.count).toBeLessThanOrEqual(compounds.length)
    expect(await page.locator('.gap-legend-title').textContent()).toContain('户')
    expect(await page.getByTestId('gap-legend').locator('li').first().textContent()).toContain(
      '无缺口',
    )
    await shoot(page, 'dashboard-hexagons')

    // Choropleth of the districts by organisation coverage, one polygon per child area.
    await page.getByTestId('gap-layer-choropleth').click()
    await waitDrawn(page, 'choropleth', 'organisationCoverage', (n) => n === city.children.length)

    // Hot spots: the compounds the Gi* API classed, with the significance legend.
    await page.getByTestId('gap-layer-hotspots').click()
    const spots = await api<Hotspots>('/api/scorecard/hotspots?measure=uncoveredHouseholds')
    await waitDrawn(page, 'hotspots', 'uncoveredHouseholds', (n) => n === spots.n)
    expect(spots.compounds.length).toBe(spots.n)
    expect(await page.getByTestId('gap-legend').textContent()).toContain('99% 置信')
    await shoot(page, 'dashboard-hotspots')

    // Drill down: a table row (district), a bar (street), the map (community).
    const district = city.children[0]!
    await page.locator(`[data-testid="dash-row"][data-id="${district.id}"]`).click()
    await expect.poll(() => crumbs(page), { timeout: 30_000 }).toContain(district.name)
    const inDistrict = await api<Rollup>(`/api/scorecard/rollup?area=${district.id}`)
    const street = inDistrict.children[0]!
    await page.locator(`[data-testid="dash-bar"][data-id="${street.id}"]`).click()
    await expect.poll(() => crumbs(page), { timeout: 30_000 }).toContain(street.name)
    const inStreet = await api<Rollup>(`/api/scorecard/rollup?area=${street.id}`)
    expect(inStreet.children.every((c) => c.level === 'community')).toBe(true)

    await page.getByTestId('gap-layer-choropleth').click()
    await expect
      .poll(async () => (await drawn(page))?.count, { timeout: 60_000 })
      .toBe(inStreet.children.length)
    await shoot(page, 'dashboard-choropleth')
    const shapes = await api<FeatureCollection<MultiPolygon, { id: string }>>(
      '/api/areas?level=community&format=geojson',
    )
    // A community whose inside point is on open map, not under a panel.
    let target: { id: string; name: string; x: number; y: number } | null = null
    for (const c of inStreet.children) {
      const f = shapes.features.find((s) => s.properties.id === c.id) as Feature<MultiPolygon>
      const [lng, lat] = pointOnFeature(f).geometry.coordinates as [number, number]
      const [x, y] = await page.evaluate(
        ([p, q]) => window.__yuanluo!.project([p!, q!]),
        [lng, lat],
      )
      const onMap = await page.evaluate(
        ([px, py]) => document.elementFromPoint(px!, py!)?.tagName === 'CANVAS',
        [x, y],
      )
      if (onMap) {
        target = { id: c.id, name: c.name, x, y }
        break
      }
    }
    expect(target, 'a community of the street lies on open map').not.toBeNull()
    await page.mouse.click(target!.x, target!.y)
    await expect.poll(() => crumbs(page), { timeout: 30_000 }).toContain(target!.name)
    // A community's children are its compounds: the table lists each one the API lists.
    const inCommunity = await api<Rollup>(`/api/scorecard/rollup?area=${target!.id}`)
    await expect
      .poll(() => page.getByTestId('dash-row').count(), { timeout: 30_000 })
      .toBe(inCommunity.children.length)
    await waitDrawn(page, 'passed')
    // The picker follows the drill-down: its community select shows the community.
    expect(await page.locator('.area-picker select').nth(2).inputValue()).toBe(target!.id)
    await shoot(page, 'dashboard-community')

    // Back to the city through the dashboard's breadcrumb.
    await page.getByTestId('dash-crumb').first().click()
    await expect
      .poll(() => page.getByTestId('dash-row').count(), { timeout: 30_000 })
      .toBe(city.children.length)
    expect(await page.locator('.area-picker select').first().inputValue()).toBe('')

    // The XLSX export holds the API's figures: the city, then its districts.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('dash-export-xlsx').click(),
    ])
    const rows = await readSheet(readFileSync((await download.path())!))
    expect(rows[0]!.slice(0, 5)).toEqual(['区域编码', '区域名称', '层级', '小区数', '老旧小区数'])
    const byCode = new Map(rows.slice(1).map((r) => [String(r[0]), r]))
    for (const r of [city.totals, ...city.children]) {
      const x = byCode.get(r.code)
      expect(x, r.code).toBeDefined()
      expect(x![1]).toBe(r.name)
      expect(x![3]).toBe(r.compounds)
      expect(x![4]).toBe(r.oldCompounds)
      expect(x![5]).toBe(r.households)
      expect(x![9] as number).toBeCloseTo(r.organisationCoverage!, 9)
      expect(x![10] as number).toBeCloseTo(r.stationCoverage!, 9)
      expect(x![19]).toBe(r.jointBranches)
    }
    expect(rows.length).toBe(1 + 1 + city.children.length)

    // The map as PNG: a real picture of the map and the gap layer.
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('dash-export-png').click(),
    ])
    expect(png.suggestedFilename()).toMatch(/\.png$/)
    expect(readFileSync((await png.path())!).length).toBeGreaterThan(20_000)

    // Closed and opened again, every gap layer draws anew (deck.gl must get new layer instances:
    // those it finalised when another layer was chosen or the dashboard closed cannot be drawn
    // again), and no error shows.
    for (const layer of ['heat', 'hex', 'hotspots', 'choropleth'] as const) {
      await page.getByTestId(`gap-layer-${layer}`).click()
      await waitDrawn(page, layer)
      await page.getByTestId('view-map').click()
      await expect.poll(() => drawn(page), { timeout: 30_000 }).toBeNull()
      await page.getByTestId('view-dashboard').click()
      await waitDrawn(page, layer)
      await page.evaluate(() => window.__yuanluoDashboard!.whenIdle())
      const failed = page.getByText('地图初始化失败')
      const error = (await failed.count()) ? await failed.first().textContent() : ''
      expect(error, layer).toBe('')
    }

    expect(outside).toEqual([])
    await page.close()
  }, 300_000)

  it('records a snapshot and charts it over time', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1600, height: 1000 } })
    await page.goto(app.url())
    await page.getByTestId('view-dashboard').click()
    const before = await api<{ series: unknown[] }>('/api/scorecard/snapshots')
    await page.getByTestId('dash-record-snapshot').click()
    await expect
      .poll(
        async () => (await api<{ series: unknown[] }>('/api/scorecard/snapshots')).series.length,
        {
          timeout: 30_000,
        },
      )
      .toBe(before.series.length + 1)
    await expect
      .poll(() => page.getByTestId('dash-progress').locator('.org circle').count(), {
        timeout: 30_000,
      })
      .toBe(before.series.length + 1)

    // The print-friendly page: figures and charts, without the controls.
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.topbar').isVisible()).toBe(false)
    expect(await page.getByTestId('dash-export-png').isVisible()).toBe(false)
    expect(await page.getByTestId('gap-layer-heat').isVisible()).toBe(false)
    expect(await page.getByTestId('dash-table').isVisible()).toBe(true)
    expect(await page.getByTestId('gap-description').isVisible()).toBe(true)
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard-print.png`, fullPage: true })
    await page.close()
  }, 180_000)
})
