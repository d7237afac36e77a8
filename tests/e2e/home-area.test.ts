// The page's start after sign-in, with sign-in required: the figures asked once, a street planner
// and a district leader starting in their jurisdiction (the picker fixed above it, nothing offered
// that the server refuses), and the dashboard framing an area clear of its wide column and card.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { hashPassword } from '../../server/src/features/auth/password.ts'
import { insertUser } from '../../server/src/features/auth/users.queries.ts'
import type { Role } from '../../server/src/features/auth/users.queries.ts'
import type { Bbox } from '../../web/src/api/types.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import {
  SCREENSHOTS,
  hookValue,
  serveSmallDemoCity,
  watchOutsideRequests,
  type Hook,
} from './serve-app.ts'

const PASSWORD = 'e2e home password 1234'
const STREET = '510104001'
const DISTRICT = '510104'

interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

describeWithBrowser('where the page starts after sign-in', (getBrowser) => {
  const app = serveSmallDemoCity({ auth: 'required' })

  /** A new account and a page signed in as it; every API request and refusal is recorded. */
  async function signedIn(username: string, role: Role, jurisdiction: string | null) {
    await insertUser(app.db(), {
      username,
      displayName: username,
      role,
      passwordHash: await hashPassword(PASSWORD),
      jurisdictionAreaId: jurisdiction,
    })
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const outside = watchOutsideRequests(page, app.url())
    const requests: string[] = []
    const refused: string[] = []
    page.on('request', (r) => {
      const url = r.url()
      if (url.startsWith(`${app.url()}/api/`)) requests.push(url.slice(app.url().length))
    })
    page.on('response', (r) => {
      const path = r.url().slice(app.url().length)
      if (r.status() >= 400 && path !== '/api/auth/me') refused.push(`${r.status()} ${path}`)
    })
    await page.goto(app.url())
    await page.locator('input[name="username"]').fill(username)
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByTestId('user-menu').waitFor()
    await expect
      .poll(() => hookValue(page, 'compoundsDrawn'), { timeout: 90_000 })
      .toBeGreaterThan(0)
    return { page, requests, refused, outside }
  }

  /** An area's bounding box, asked by the page (with its session). */
  const bboxOf = (page: Page, id: string) =>
    page.evaluate(
      async (id) => ((await (await fetch(`/api/areas/${id}`)).json()) as { bbox: Bbox }).bbox,
      id,
    )

  const nameOf = (page: Page, id: string) =>
    page.evaluate(
      async (id) => ((await (await fetch(`/api/areas/${id}`)).json()) as { name: string }).name,
      id,
    )

  /**
   * Where `bbox` is on the page once the camera has stopped: the same reading for 1.5 s (longer
   * than any camera move of the page), since a software-rendered frame may take longer than a poll.
   */
  async function settledBox(page: Page, bbox: Bbox): Promise<Box> {
    const read = () =>
      page.evaluate(([w, s, e, n]) => {
        const hook = (window as unknown as { __yuanluo: Hook }).__yuanluo
        const [left, bottom] = hook.project([w, s])
        const [right, top] = hook.project([e, n])
        return { left, top, right, bottom }
      }, bbox)
    let last = await read()
    let still = 0
    for (let i = 0; i < 240; i++) {
      await page.waitForTimeout(250)
      const now = await read()
      const same = (Object.keys(now) as (keyof Box)[]).every(
        (k) => Math.abs(now[k] - last[k]) < 0.5,
      )
      still = same ? still + 1 : 0
      if (still >= 6) return now
      last = now
    }
    throw new Error('the camera never stopped moving')
  }

  /** The map's rectangle and the panels over it (a column measured by its panels). */
  const layout = (page: Page) =>
    page.evaluate(() => {
      const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })
      const map = box(document.querySelector('.maplibregl-canvas')!.getBoundingClientRect())
      const covers = [...document.querySelectorAll('.left-column > *, .gap-map-card')]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({ ...box(r), bottom: Math.min(r.bottom, window.innerHeight) }))
      return { map, covers }
    })

  /** Asserts the framed box lies in the map, clear of every panel, and fills the free part one way. */
  async function expectFramedInFreePart(page: Page, framed: Box) {
    const { map, covers } = await layout(page)
    expect(framed.left).toBeGreaterThanOrEqual(map.left)
    expect(framed.right).toBeLessThanOrEqual(map.right)
    expect(framed.top).toBeGreaterThanOrEqual(map.top)
    expect(framed.bottom).toBeLessThanOrEqual(map.bottom)
    for (const c of covers) {
      const overlaps =
        framed.left < c.right &&
        framed.right > c.left &&
        framed.top < c.bottom &&
        framed.bottom > c.top
      expect(overlaps, `framed ${JSON.stringify(framed)} under panel ${JSON.stringify(c)}`).toBe(
        false,
      )
    }
    // Framed, not just somewhere on a city-wide view: the area is at least a fifth of the map.
    const w = (framed.right - framed.left) / (map.right - map.left)
    const h = (framed.bottom - framed.top) / (map.bottom - map.top)
    expect(Math.max(w, h)).toBeGreaterThan(0.2)
  }

  it('asks the city’s figures once on an admin’s first load, and frames a district clear of the dashboard', async () => {
    const { page, requests, refused, outside } = await signedIn('home-admin', 'admin', null)
    expect(requests.filter((u) => u.startsWith('/api/stats'))).toEqual(['/api/stats'])
    // No list asked twice: the picker's districts and the parent index share one request.
    const afterSignIn = requests.slice(requests.indexOf('/api/auth/login') + 1)
    const twice = afterSignIn.filter((u, i) => afterSignIn.indexOf(u) !== i)
    expect(twice, requests.join(' ')).toEqual([])
    expect(await page.locator('.area-select select').nth(0).isDisabled()).toBe(false)
    expect(await page.locator('.breadcrumb [aria-current="page"]').textContent()).toBe('全市')

    // A district framed beside the figures column, then the dashboard opened: framed again clear
    // of its wider column and the gap card.
    await page.locator('.area-select select').nth(0).selectOption(DISTRICT)
    const district = await nameOf(page, DISTRICT)
    await expect
      .poll(() => page.locator('.breadcrumb [aria-current="page"]').textContent(), {
        timeout: 30_000,
      })
      .toBe(district)
    const bbox = await bboxOf(page, DISTRICT)
    await expectFramedInFreePart(page, await settledBox(page, bbox))
    await page.getByTestId('view-dashboard').click()
    await page.getByTestId('dashboard').waitFor()
    await page.locator('.gap-map-card').waitFor()
    await expect
      .poll(
        () => page.getByTestId('dash-breadcrumb').locator('[aria-current="page"]').textContent(),
        { timeout: 30_000 },
      )
      .toContain(district)
    await expectFramedInFreePart(page, await settledBox(page, bbox))

    // A street chosen with the dashboard open is framed clear of it too.
    const street = page.locator('.area-select select').nth(1)
    await expect.poll(() => street.isDisabled(), { timeout: 30_000 }).toBe(false)
    await street.selectOption(STREET)
    await expect
      .poll(
        () => page.getByTestId('dash-breadcrumb').locator('[aria-current="page"]').textContent(),
        { timeout: 30_000 },
      )
      .toContain(await nameOf(page, STREET))
    const framed = await settledBox(page, await bboxOf(page, STREET))
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard-framed-street.png` })
    await expectFramedInFreePart(page, framed)
    expect(refused).toEqual([])
    expect(outside).toEqual([])
    await page.close()
  }, 240_000)

  it('starts a street planner in the street, with nothing offered outside it', async () => {
    const { page, requests, refused, outside } = await signedIn('home-planner', 'planner', STREET)
    const selects = page.locator('.area-select select')
    await expect.poll(() => selects.nth(1).inputValue(), { timeout: 30_000 }).toBe(STREET)
    expect(await selects.nth(0).inputValue()).toBe(DISTRICT)
    expect(await selects.nth(0).isDisabled()).toBe(true)
    expect(await selects.nth(1).isDisabled()).toBe(true)
    // The locked selects offer nothing but the jurisdiction's own place.
    expect(await selects.nth(0).locator('option').count()).toBe(1)
    expect(await selects.nth(1).locator('option').count()).toBe(1)
    // The communities of the street stay open.
    await expect.poll(() => selects.nth(2).isDisabled(), { timeout: 30_000 }).toBe(false)
    const communities = await selects
      .nth(2)
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''))
    expect(communities.length).toBeGreaterThan(0)
    expect(communities.every((c) => c.startsWith(STREET))).toBe(true)

    // The breadcrumb names the district and the city, but offers neither.
    const crumb = page.locator('.breadcrumb')
    expect(await crumb.locator('[aria-current="page"]').textContent()).toBe(
      await nameOf(page, STREET),
    )
    expect(await crumb.locator('button').count()).toBe(0)

    // The figures and the camera are the street's; the city's figures were never asked.
    const stats = requests.filter((u) => u.startsWith('/api/stats'))
    expect(stats).toEqual([`/api/stats?area=${STREET}`])
    const framed = await settledBox(page, await bboxOf(page, STREET))
    await page.screenshot({ path: `${SCREENSHOTS}/home-street-planner.png` })
    await expectFramedInFreePart(page, framed)

    // Down to a community and back up to the street (全部社区), never further.
    await selects.nth(2).selectOption(communities[0]!)
    await expect.poll(() => crumb.locator('button').count(), { timeout: 30_000 }).toBe(1)
    await selects.nth(2).selectOption('')
    await expect.poll(() => selects.nth(2).inputValue(), { timeout: 30_000 }).toBe('')
    expect(await selects.nth(1).inputValue()).toBe(STREET)
    expect(await crumb.locator('button').count()).toBe(0)

    // The dashboard's own breadcrumb offers nothing above the street either.
    await page.getByTestId('view-dashboard').click()
    await page.getByTestId('dash-breadcrumb').locator('[aria-current="page"]').waitFor()
    expect(await page.getByTestId('dash-crumb').count()).toBe(0)

    expect(refused).toEqual([])
    expect(outside).toEqual([])
    await page.close()
  }, 240_000)

  it('starts a district leader in the district, free to choose its streets', async () => {
    const { page, requests, refused, outside } = await signedIn('home-leader', 'leader', DISTRICT)
    const selects = page.locator('.area-select select')
    await expect.poll(() => selects.nth(0).inputValue(), { timeout: 30_000 }).toBe(DISTRICT)
    expect(await selects.nth(0).isDisabled()).toBe(true)
    await expect.poll(() => selects.nth(1).isDisabled(), { timeout: 30_000 }).toBe(false)
    expect(requests.filter((u) => u.startsWith('/api/stats'))).toEqual([
      `/api/stats?area=${DISTRICT}`,
    ])
    await selects.nth(1).selectOption(STREET)
    await expect.poll(() => selects.nth(2).isDisabled(), { timeout: 30_000 }).toBe(false)
    await selects.nth(1).selectOption('')
    await expect.poll(() => selects.nth(1).inputValue(), { timeout: 30_000 }).toBe('')
    expect(await selects.nth(0).inputValue()).toBe(DISTRICT)
    expect(requests.filter((u) => u.startsWith('/api/stats')).at(-1)).toBe(
      `/api/stats?area=${DISTRICT}`,
    )
    expect(refused).toEqual([])
    expect(outside).toEqual([])
    await page.close()
  }, 240_000)
})
