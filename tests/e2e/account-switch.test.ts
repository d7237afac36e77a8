// Another account signing in on the same page, without a reload (store/reset.ts): an admin opens
// the dashboard (the city's compound scorecards load), signs out, and a street planner signs in.
// The planner starts at home on the map, the figures asked are the street's, and the dashboard
// asks the scorecards again with the planner's session: while that answer is held back it shows
// none of the admin's, then exactly the street's.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import type { DashboardTestHook } from '../../web/src/features/dashboard/dashboard-hook.ts'
import { hashPassword } from '../../server/src/features/auth/password.ts'
import { insertUser } from '../../server/src/features/auth/users.queries.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import { SCREENSHOTS, hookValue, serveSmallDemoCity, watchOutsideRequests } from './serve-app.ts'

const PASSWORD = 'e2e account switch password 1234'
const STREET = '510104001'

/** What the dashboard's gap map last drew (null when nothing is drawn). */
const drawn = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __yuanluoDashboard?: DashboardTestHook }).__yuanluoDashboard?.drawn ??
      null,
  )

/** How many compound scorecards the server gives the page's session (its jurisdiction's). */
const scorecardsOfSession = (page: Page) =>
  page.evaluate(async () => {
    const res = await fetch('/api/scorecard/compounds')
    return ((await res.json()) as { compounds: unknown[] }).compounds.length
  })

async function signIn(page: Page, username: string) {
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByTestId('user-menu').waitFor()
  await expect.poll(() => hookValue(page, 'compoundsDrawn'), { timeout: 90_000 }).toBeGreaterThan(0)
}

describeWithBrowser('another account on the same page', (getBrowser) => {
  const app = serveSmallDemoCity({ auth: 'required' })

  it('shows a street planner signing in after an admin none of the admin’s scorecards', async () => {
    for (const [username, role, area] of [
      ['switch-admin', 'admin', null],
      ['switch-planner', 'planner', STREET],
    ] as const)
      await insertUser(app.db(), {
        username,
        displayName: username,
        role,
        passwordHash: await hashPassword(PASSWORD),
        jurisdictionAreaId: area,
      })
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const outside = watchOutsideRequests(page, app.url())
    const requests: string[] = []
    const refused: string[] = []
    page.on('request', (r) => {
      if (r.url().startsWith(`${app.url()}/api/`)) requests.push(r.url().slice(app.url().length))
    })
    page.on('response', (r) => {
      const path = r.url().slice(app.url().length)
      if (r.status() >= 400 && !path.startsWith('/api/auth/')) refused.push(`${r.status()} ${path}`)
    })
    await page.goto(app.url())

    // The admin: the dashboard draws every compound of the city.
    await signIn(page, 'switch-admin')
    const cityCount = await scorecardsOfSession(page)
    await page.getByTestId('view-dashboard').click()
    await expect.poll(async () => (await drawn(page))?.count, { timeout: 60_000 }).toBe(cityCount)

    await page.getByRole('button', { name: '退出登录' }).click()
    await page.locator('form.login-card').waitFor()

    // The planner, on the same page: the map at home, the street's figures only.
    const signedInAt = requests.length
    await signIn(page, 'switch-planner')
    const streetCount = await scorecardsOfSession(page)
    let release: () => void = () => undefined
    const held = new Promise<void>((r) => (release = r))
    await page.route('**/api/scorecard/compounds*', async (route) => {
      await held
      await route.continue()
    })
    expect(streetCount).toBeGreaterThan(0)
    expect(streetCount).toBeLessThan(cityCount)
    expect(await page.getByTestId('view-map').getAttribute('aria-current')).toBe('page')
    await expect
      .poll(() => page.locator('.breadcrumb [aria-current="page"]').textContent(), {
        timeout: 30_000,
      })
      .toBe(
        await page.locator('.area-picker select').nth(1).locator('option:checked').textContent(),
      )
    const planner = () => requests.slice(signedInAt)
    expect(planner().filter((u) => u.startsWith('/api/stats'))).toEqual([
      `/api/stats?area=${STREET}`,
    ])

    // The dashboard asks again; until the planner's answer comes, nothing of the admin's is drawn.
    await page.getByTestId('view-dashboard').click()
    await expect
      .poll(() => planner().filter((u) => u.startsWith('/api/scorecard/compounds')).length, {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(2) // the check above (scorecardsOfSession) and the dashboard's
    await page.getByTestId('dash-breadcrumb').waitFor()
    expect((await drawn(page))?.count ?? 0).toBe(0)
    expect(await page.getByTestId('dash-breadcrumb').textContent()).not.toContain('全市 ·')
    release()
    await expect.poll(async () => (await drawn(page))?.count, { timeout: 60_000 }).toBe(streetCount)
    await page.screenshot({ path: `${SCREENSHOTS}/account-switch-planner-dashboard.png` })

    // Every question the planner's page asked was inside the street: nothing refused.
    expect(refused).toEqual([])
    expect(outside).toEqual([])
    await page.close()
  }, 240_000)
})
