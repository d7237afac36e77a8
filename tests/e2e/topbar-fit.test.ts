// The top bar of a signed-in planner at the widths of government PCs (1280 and 1024 px wide):
// every control fits inside the window and is not covered or cut off, the workspace tabs and the
// area breadcrumb are always shown, and the panels below start under the bar, in Chinese and in
// English, on the map view (with the planning buttons) and on the dashboard.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { hashPassword } from '../../server/src/features/auth/password.ts'
import { insertUser } from '../../server/src/features/auth/users.queries.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import { SCREENSHOTS, hookValue, serveSmallDemoCity, watchOutsideRequests } from './serve-app.ts'

const PASSWORD = 'e2e top bar password 1234'
const STREET = '510104001'

interface Problem {
  what: string
  why: string
}

/**
 * Everything wrong with the top bar as drawn: a control (button, select, tab, the breadcrumb's
 * current area) outside the window or the bar, covered at its centre by something else, or with
 * its text cut off; the bar wider than itself; a panel below starting under the bar.
 */
async function topBarProblems(page: Page): Promise<Problem[]> {
  // The bar's new height reaches the panels below at the next frame (a ResizeObserver).
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  )
  return page.evaluate(() => {
    const problems: { what: string; why: string }[] = []
    const bar = document.querySelector('.topbar')!
    const b = bar.getBoundingClientRect()
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent ?? '').trim().slice(0, 20)}"`
    if (bar.scrollWidth > bar.clientWidth + 1)
      problems.push({ what: 'topbar', why: `content ${bar.scrollWidth} > ${bar.clientWidth} px` })
    const required = [
      ['.view-tabs', 'tabs'],
      ['.breadcrumb', 'breadcrumb'],
      ['.breadcrumb [aria-current="page"]', 'current area'],
      ['[data-testid="user-menu"]', 'user menu'],
    ]
    for (const [selector, label] of required)
      if (!bar.querySelector(selector!)) problems.push({ what: label!, why: 'missing' })
    const controls = [
      ...bar.querySelectorAll('button, select, a, .breadcrumb [aria-current="page"]'),
    ] as HTMLElement[]
    for (const c of controls) {
      const r = c.getBoundingClientRect()
      const what = name(c)
      if (r.width === 0 || r.height === 0 || getComputedStyle(c).visibility === 'hidden') {
        problems.push({ what, why: 'not shown' })
        continue
      }
      if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight)
        problems.push({ what, why: `outside the window ${JSON.stringify(r)}` })
      if (r.left < b.left || r.right > b.right + 0.5 || r.top < b.top || r.bottom > b.bottom + 0.5)
        problems.push({ what, why: 'outside the bar' })
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
      if (!hit || !(hit === c || c.contains(hit)))
        problems.push({ what, why: `covered by ${hit ? name(hit) : 'nothing'}` })
      // Text cut off by its own box (an ellipsis or overflow); selects size their own text.
      if (c.tagName !== 'SELECT' && c.scrollWidth > c.clientWidth + 1)
        problems.push({ what, why: `text cut ${c.scrollWidth} > ${c.clientWidth}` })
      // Clipped by an ancestor inside the bar that hides overflow.
      for (let p = c.parentElement; p && p !== bar.parentElement; p = p.parentElement) {
        if (getComputedStyle(p).overflow === 'visible') continue
        const pr = p.getBoundingClientRect()
        if (r.left < pr.left - 0.5 || r.right > pr.right + 0.5)
          problems.push({ what, why: `clipped by ${name(p)}` })
      }
    }
    for (const panel of document.querySelectorAll(
      '.left-column > *, .gap-map-card, .ledger-panel, .compound-panel, .notices > *',
    )) {
      const r = panel.getBoundingClientRect()
      if (r.height > 0 && r.top < b.bottom)
        problems.push({ what: name(panel), why: `starts at ${r.top}, under the bar (${b.bottom})` })
    }
    return problems
  })
}

describeWithBrowser('the top bar at 1280 and 1024 px wide', (getBrowser) => {
  const app = serveSmallDemoCity({ auth: 'required' })

  it('keeps the tabs, the breadcrumb and every control in view for a signed-in planner', async () => {
    await insertUser(app.db(), {
      username: 'narrow',
      displayName: '街道规划员王小明',
      role: 'planner',
      passwordHash: await hashPassword(PASSWORD),
      jurisdictionAreaId: STREET,
    })
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const outside = watchOutsideRequests(page, app.url())
    await page.goto(app.url())
    await page.locator('input[name="username"]').fill('narrow')
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByTestId('user-menu').waitFor()
    await expect
      .poll(() => hookValue(page, 'compoundsDrawn'), { timeout: 90_000 })
      .toBeGreaterThan(0)
    // The street's own breadcrumb (city › district › street) once its place is known.
    await expect.poll(() => page.locator('.breadcrumb .crumb').count(), { timeout: 30_000 }).toBe(3)

    const sizes = [
      { width: 1920, height: 1080 },
      { width: 1600, height: 900 },
      { width: 1440, height: 900 },
      { width: 1366, height: 768 },
      { width: 1280, height: 800 },
      { width: 1024, height: 768 },
    ]
    // Every view at every width (the map first: the planning buttons are in its bar), in both
    // languages: nothing out of view, the bar no taller than its two rows of controls.
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByRole('button', { name: '语言' }).click()
      for (const view of ['map', 'dashboard'] as const) {
        await page.getByTestId(`view-${view}`).click()
        for (const size of sizes) {
          await page.setViewportSize(size)
          if (view === 'map') await page.getByTestId('joint-toggle').waitFor()
          const at = `${lang} ${size.width}×${size.height} ${view}`
          expect(await topBarProblems(page), at).toEqual([])
          for (const tab of ['map', 'ledger', 'plans', 'dashboard'])
            expect(await page.getByTestId(`view-${tab}`).isVisible(), at).toBe(true)
          const height = (await page.locator('.topbar').boundingBox())!.height
          // One row of controls on a wide screen in Chinese; never more than two.
          expect(height, at).toBeLessThanOrEqual(size.width >= 1800 && lang === 'zh' ? 54 : 96)
          if (view === 'map' && size.width <= 1280)
            await page.screenshot({ path: `${SCREENSHOTS}/topbar-${size.width}-${lang}.png` })
        }
      }
    }
    // The planning buttons still open their panels at the narrowest width.
    await page.getByTestId('view-map').click()
    await page.getByTestId('joint-toggle').click()
    expect(await page.getByTestId('joint-toggle').getAttribute('aria-pressed')).toBe('true')
    expect(await topBarProblems(page)).toEqual([])
    await page.screenshot({ path: `${SCREENSHOTS}/topbar-1024-en-planning-open.png` })
    expect(outside).toEqual([])
    await page.close()
  })
})
