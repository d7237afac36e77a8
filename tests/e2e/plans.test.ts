import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import type { Plan, PlanContext } from '../../web/src/api/plans-types.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import { pickJourney, pickLasso, type Shape } from './plans-picks.ts'
import { hookValue, serveSmallDemoCity, watchOutsideRequests } from './serve-app.ts'

const SHOTS = 'docs/screenshots'
const STREET = '510104002'
const VIEWPORT = { width: 1280, height: 800 }
/** Journeys load the page (software WebGL) more than once: minutes, not the default minute. */
const JOURNEY_MS = 240_000

interface PlanHook {
  project(p: [number, number]): [number, number]
  flyTo(p: [number, number], z: number): Promise<void>
  planCompoundsDrawn: number
}

describeWithBrowser('planner tools', (getBrowser) => {
  const app = serveSmallDemoCity()
  mkdirSync(SHOTS, { recursive: true })

  const api = async <T>(
    path: string,
    init?: { method?: string; body?: unknown; user?: string },
  ) => {
    const res = await fetch(`${app.url()}${path}`, {
      method: init?.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        'x-yuanluo-user': encodeURIComponent(init?.user ?? '测试员'),
      },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    })
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
  const shapes = async () => (await api<{ features: Shape[] }>('/api/compounds')).features

  const drawnInPlan = (page: Page) =>
    page.evaluate(
      () => (window as unknown as { __yuanluo?: PlanHook }).__yuanluo?.planCompoundsDrawn ?? 0,
    )
  const project = (page: Page, p: [number, number]) =>
    page.evaluate((q) => (window as unknown as { __yuanluo: PlanHook }).__yuanluo.project(q), p)
  const flyTo = (page: Page, p: [number, number], z: number) =>
    page.evaluate(
      ([q, zoom]) => (window as unknown as { __yuanluo: PlanHook }).__yuanluo.flyTo(q, zoom),
      [p, z] as const,
    )

  async function openApp(browser: Browser, query = '') {
    const page = await browser.newPage({ viewport: VIEWPORT })
    const outside = watchOutsideRequests(page, app.url())
    await page.addInitScript(() => localStorage.setItem('yuanluo.planner', '规划员甲'))
    await page.goto(`${app.url()}/${query}`)
    await expect
      .poll(() => hookValue(page, 'compoundsDrawn'), { timeout: 90_000 })
      .toBeGreaterThan(0)
    return { page, outside }
  }

  const branchCompounds = (page: Page) =>
    page.locator('[data-testid="plan-branch"]').first().getAttribute('data-compounds')
  const saveState = (page: Page) => page.getByTestId('plan-save-state').getAttribute('data-state')

  it(
    'creates a plan, clicks three compounds until the checks pass, brushes two, undoes, saves and finds it after a reload',
    async () => {
      const { page, outside } = await openApp(getBrowser())
      await page.getByTestId('view-plans').click()
      await page.getByTestId('plans-panel').waitFor()
      await page.locator('.area-picker select').nth(0).selectOption(STREET.slice(0, 6))
      await page.locator('.area-picker select').nth(1).selectOption(STREET)
      await page.getByTestId('plan-create').waitFor()
      await page.screenshot({ path: `${SHOTS}/plans-1-list.png` })
      // Header mode (no account signed in): the typed planner name is shown and recorded.
      expect(await page.locator('input[name="planner"]').inputValue()).toBe('规划员甲')
      await page.getByTestId('plan-create').click()
      await page.getByTestId('plan-editor').waitFor({ timeout: 30_000 })
      const planId = Number(new URL(page.url()).searchParams.get('plan'))
      expect(planId).toBeGreaterThan(0)
      expect((await api<Plan>(`/api/plans/${planId}`)).createdBy).toBe('规划员甲')
      const ctx = await api<PlanContext>(`/api/plans/${planId}/context`)
      const picks = pickJourney(ctx, await shapes())
      expect(picks).not.toBeNull()
      const { clicks, strokes } = picks!
      await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 })
      await flyTo(page, [clicks[1]!.lng, clicks[1]!.lat], 15.5)

      const floor = () => page.getByTestId('plan-check-members_min').getAttribute('data-pass')
      for (const [i, c] of clicks.entries()) {
        const [x, y] = await project(page, [c.lng, c.lat])
        await page.mouse.click(x, y)
        await expect.poll(() => branchCompounds(page)).toBe(String(i + 1))
        expect(await floor()).toBe(i < 2 ? 'false' : 'true')
        if (i === 1) await page.screenshot({ path: `${SHOTS}/plans-2-checks-fail.png` })
      }
      const lines = page.locator('[data-testid^="plan-check-"][data-pass="false"]')
      expect(await lines.count()).toBe(0)
      await expect.poll(() => drawnInPlan(page), { timeout: 30_000 }).toBe(3)
      await page.screenshot({ path: `${SHOTS}/plans-3-checks-pass.png` })

      // One brush stroke between the inside points of two more compounds: one step, five compounds.
      await page.getByTestId('plan-tool-brush').click()
      await page.locator('input[name="brush"]').focus()
      await page.keyboard.press('Home')
      const from = await project(page, [strokes[0]!.lng, strokes[0]!.lat])
      const to = await project(page, [strokes[1]!.lng, strokes[1]!.lat])
      await page.mouse.move(from[0], from[1])
      await page.mouse.down()
      await page.mouse.move(to[0], to[1], { steps: 12 })
      await page.mouse.up()
      await expect.poll(() => branchCompounds(page)).toBe('5')
      await expect.poll(() => drawnInPlan(page), { timeout: 30_000 }).toBe(5)
      await page.screenshot({ path: `${SHOTS}/plans-4-brush.png` })

      await page.keyboard.press('Control+z')
      await expect.poll(() => branchCompounds(page)).toBe('3')
      await page.keyboard.press('Control+Shift+z')
      await expect.poll(() => branchCompounds(page)).toBe('5')
      await page.keyboard.press('Control+z')
      await expect.poll(() => branchCompounds(page)).toBe('3')
      await expect.poll(() => saveState(page), { timeout: 30_000 }).toBe('saved')
      await page.screenshot({ path: `${SHOTS}/plans-5-saved.png` })
      const stored = await api<Plan>(`/api/plans/${planId}`)
      expect(stored.branches.map((b) => [...b.compoundIds].sort((a, b) => a - b))).toEqual([
        clicks.map((c) => c.id).sort((a, b) => a - b),
      ])

      await page.reload()
      await page.getByTestId('plan-editor').waitFor({ timeout: 60_000 })
      await expect.poll(() => branchCompounds(page)).toBe('3')
      expect(await page.locator('.plans-name').inputValue()).toBe(stored.name)
      expect(outside).toEqual([])
      await page.close()
    },
    JOURNEY_MS,
  )

  it(
    'selects the compounds inside a lasso loop',
    async () => {
      const plan = await api<Plan>('/api/plans', {
        method: 'POST',
        body: { name: '套索测试', areaId: STREET },
      })
      const ctx = await api<PlanContext>(`/api/plans/${plan.id}/context`)
      const lasso = pickLasso(ctx)
      expect(lasso).not.toBeNull()
      const { page, outside } = await openApp(getBrowser(), `?plan=${plan.id}`)
      await page.getByTestId('plan-editor').waitFor({ timeout: 60_000 })
      await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 })
      await flyTo(page, lasso!.centre, 15)
      await page.getByTestId('plan-tool-lasso').click()
      const [lng0, lat0] = lasso!.centre
      const mPerLng = 111_320 * Math.cos((lat0 * Math.PI) / 180)
      const ring: [number, number][] = []
      for (let i = 0; i <= 72; i++) {
        const a = (i / 72) * 2 * Math.PI
        ring.push([
          lng0 + (lasso!.radiusM * Math.cos(a)) / mPerLng,
          lat0 + (lasso!.radiusM * Math.sin(a)) / 110_574,
        ])
      }
      const px = []
      for (const p of ring) px.push(await project(page, p))
      await page.mouse.move(px[0]![0], px[0]![1])
      await page.mouse.down()
      for (const [x, y] of px.slice(1)) await page.mouse.move(x, y, { steps: 2 })
      await page.mouse.up()
      await expect
        .poll(() => branchCompounds(page), { timeout: 10_000 })
        .toBe(String(lasso!.inside.length))
      await expect.poll(() => saveState(page), { timeout: 30_000 }).toBe('saved')
      const stored = await api<Plan>(`/api/plans/${plan.id}`)
      expect([...stored.branches[0]!.compoundIds].sort((a, b) => a - b)).toEqual(lasso!.inside)
      await page.screenshot({ path: `${SHOTS}/plans-6-lasso.png` })
      expect(outside).toEqual([])
      await page.close()
    },
    JOURNEY_MS,
  )

  it(
    'shows the conflict dialog when another planner saved first, and keeping mine keeps both edits',
    async () => {
      const plan = await api<Plan>('/api/plans', {
        method: 'POST',
        body: { name: '冲突测试', areaId: STREET },
      })
      const ctx = await api<PlanContext>(`/api/plans/${plan.id}/context`)
      const picks = pickJourney(ctx, await shapes())!
      const [mine, theirs] = [picks.clicks[0]!, picks.strokes[1]!]
      const { page } = await openApp(getBrowser(), `?plan=${plan.id}`)
      await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 })

      // A second planner, in another browser context, saves a branch first.
      const other = await getBrowser().newContext({ viewport: VIEWPORT })
      const page2 = await other.newPage()
      await page2.addInitScript(() => localStorage.setItem('yuanluo.planner', '规划员乙'))
      await page2.goto(`${app.url()}/?plan=${plan.id}`)
      await page2.getByTestId('plan-summary').waitFor({ timeout: 90_000 })
      await expect
        .poll(() => hookValue(page2, 'compoundsDrawn'), { timeout: 90_000 })
        .toBeGreaterThan(0)
      await flyTo(page2, [theirs.lng, theirs.lat], 15.5)
      const [x2, y2] = await project(page2, [theirs.lng, theirs.lat])
      await page2.mouse.click(x2, y2)
      await expect.poll(() => saveState(page2), { timeout: 30_000 }).toBe('saved')

      await flyTo(page, [mine.lng, mine.lat], 15.5)
      const [x, y] = await project(page, [mine.lng, mine.lat])
      await page.mouse.click(x, y)
      const dialog = page.getByTestId('plan-conflict')
      await dialog.waitFor({ timeout: 30_000 })
      expect(await dialog.textContent()).toContain('规划员乙')
      expect(await saveState(page)).toBe('conflict')
      await page.screenshot({ path: `${SHOTS}/plans-7-conflict.png` })
      await page.getByTestId('plan-keep-mine').click()
      await expect.poll(() => saveState(page), { timeout: 30_000 }).toBe('saved')
      const stored = await api<Plan>(`/api/plans/${plan.id}`)
      const held = stored.branches.flatMap((b) => b.compoundIds).sort((a, b) => a - b)
      expect(held).toEqual([mine.id, theirs.id].sort((a, b) => a - b))
      await other.close()
      await page.close()
    },
    JOURNEY_MS,
  )

  it(
    'adopts a valid plan and the area’s coverage figures change',
    async () => {
      const plan = await api<Plan>('/api/plans', {
        method: 'POST',
        body: { name: '采纳测试', areaId: STREET },
      })
      const ctx = await api<PlanContext>(`/api/plans/${plan.id}/context`)
      const picks = pickJourney(ctx, await shapes(), true)!
      const ids = picks.clicks.map((c) => c.id)
      await api<Plan>(`/api/plans/${plan.id}/changes`, {
        method: 'POST',
        body: {
          version: plan.version,
          changes: [
            {
              op: 'upsertBranch',
              branch: {
                key: 'b1',
                name: '联合支部1',
                kind: 'joint',
                compoundIds: ids,
                boundary: null,
                locked: false,
                reason: null,
              },
            },
          ],
        },
      })
      const before = await api<{ organisationCoverage: number }>(`/api/stats?area=${STREET}`)
      const { page } = await openApp(getBrowser(), `?plan=${plan.id}`)
      await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 })
      await page.getByTestId('plan-adopt').click()
      await page.getByTestId('plan-adopt-dialog').waitFor()
      await page.screenshot({ path: `${SHOTS}/plans-8-adopt-confirm.png` })
      await page.getByTestId('plan-adopt-confirm').click()
      const coverage = page.getByTestId('plan-adopt-coverage')
      await coverage.waitFor({ timeout: 60_000 })
      const after = await api<{ organisationCoverage: number }>(`/api/stats?area=${STREET}`)
      expect(after.organisationCoverage).toBeGreaterThan(before.organisationCoverage)
      const pct = (share: number) =>
        new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(share)
      expect(await coverage.textContent()).toContain(pct(after.organisationCoverage))
      await page.screenshot({ path: `${SHOTS}/plans-9-adopted.png` })
      await page.getByTestId('plan-adopt-close').click()
      await expect
        .poll(() => page.getByTestId('plan-coverage-before').textContent(), { timeout: 30_000 })
        .toContain(pct(after.organisationCoverage))
      await page.close()
    },
    JOURNEY_MS,
  )
})
