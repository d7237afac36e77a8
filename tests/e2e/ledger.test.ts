// The ledger workspace in Chromium: search, sort, row ↔ map selection, an edit refused next to
// its field in Chinese then saved, a concurrent edit reviewed and re-applied, and the history.
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import type { CompoundCollection } from '../../web/src/api/types.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import { hookValue, serveSmallDemoCity, watchOutsideRequests, type Hook } from './serve-app.ts'

const DOCS_SHOTS = resolve('docs/screenshots')

describeWithBrowser('ledger workspace', (getBrowser) => {
  const app = serveSmallDemoCity()
  const api = async <T>(path: string, init?: RequestInit): Promise<T> =>
    (await fetch(`${app.url()}${path}`, init)).json() as Promise<T>
  const rowIds = (page: Page) =>
    page.$$eval('[data-testid="ledger-row"]', (rows) =>
      rows.map((r) => Number(r.getAttribute('data-id'))),
    )
  const search = async (page: Page, text: string) => {
    await page.getByTestId('ledger-search').fill(text)
  }

  // One page walks through the journey; each step is its own test so a failure names the step.
  let page: Page
  let outside: string[]
  let fc: CompoundCollection
  let target: CompoundCollection['features'][number]
  let id = 0
  let version = 0
  const row = () => page.locator(`[data-testid="ledger-row"][data-id="${id}"]`)

  it('opens the table of every compound beside the map', async () => {
    mkdirSync(DOCS_SHOTS, { recursive: true })
    fc = await api<CompoundCollection>('/api/compounds')
    const names = new Map<string, number>()
    for (const f of fc.features)
      names.set(f.properties.name, (names.get(f.properties.name) ?? 0) + 1)
    target = fc.features.find(
      (f) => names.get(f.properties.name) === 1 && f.properties.name.length >= 3,
    )!
    id = target.properties.id

    page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 } })
    outside = watchOutsideRequests(page, app.url())
    await page.goto(app.url())
    await expect
      .poll(() => hookValue(page, 'compoundsDrawn'), { timeout: 90_000 })
      .toBeGreaterThan(0)
    await page.getByTestId('view-ledger').click()
    await page.getByTestId('ledger-row').first().waitFor({ timeout: 30_000 })
    const total = fc.features.length
    expect(await page.getByTestId('ledger-count').textContent()).toContain(
      new Intl.NumberFormat('zh-CN').format(total),
    )
  }, 150_000) // the first paint waits up to 90 s for the map under software GL

  it('searches with full-width text and sorts', async () => {
    // Virtualised: far fewer rows in the DOM than compounds.
    expect((await rowIds(page)).length).toBeLessThan(Math.min(fc.features.length, 120))

    // Search by name, typed with full-width letters/digits where the name has them.
    const fullWidth = target.properties.name.replace(/[!-~]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    )
    await search(page, fullWidth)
    await expect.poll(() => rowIds(page), { timeout: 15_000 }).toEqual([id])
    expect(await page.getByTestId('ledger-count').textContent()).toContain('显示 1 个')

    // Sort by households, descending on the second click.
    await search(page, '')
    await page.getByTestId('sort-households').click()
    await page.getByTestId('sort-households').click()
    const expected = [...fc.features]
      .sort(
        (a, b) =>
          b.properties.households - a.properties.households || a.properties.id - b.properties.id,
      )
      .slice(0, 5)
      .map((f) => f.properties.id)
    await expect
      .poll(async () => (await rowIds(page)).slice(0, 5), { timeout: 15_000 })
      .toEqual(expected)
  })

  it('selects the compound of a clicked row and frames it on the map', async () => {
    // A row click selects the compound: its ledger opens and the map frames it.
    await search(page, target.properties.name)
    await page.locator(`[data-testid="ledger-row"][data-id="${id}"]`).click()
    await expect
      .poll(() => page.getByTestId('compound-name').textContent(), { timeout: 30_000 })
      .toBe(target.properties.name)
    expect(
      await page
        .locator(`[data-testid="ledger-row"][data-id="${id}"]`)
        .getAttribute('aria-selected'),
    ).toBe('true')
  })

  it('selects the row of a compound clicked on the map, scrolled into view', async () => {
    // A click on the map selects another compound and the table scrolls to its row.
    await search(page, '')
    await page.waitForTimeout(1500) // the camera's framing animation (bounded at 1.2 s)
    const free = await page.evaluate(() => {
      const table = document.querySelector('[data-testid="ledger-panel"]')!.getBoundingClientRect()
      const panel = document
        .querySelector('[data-testid="compound-panel"]')!
        .getBoundingClientRect()
      return { left: table.right + 30, right: panel.left - 30 }
    })
    const candidates = fc.features
      .filter((f) => f.properties.id !== id && f.geometry.type === 'MultiPolygon')
      .map((f) => {
        const ring = (f.geometry as { coordinates: number[][][][] }).coordinates[0]![0]!
        const [x, y] = ring.slice(0, -1).reduce((a, p) => [a[0]! + p[0]!, a[1]! + p[1]!], [0, 0])
        return {
          id: f.properties.id,
          at: [x! / (ring.length - 1), y! / (ring.length - 1)] as [number, number],
        }
      })
    const onScreen = await page.evaluate(
      ({ candidates, free }) => {
        const hook = (window as unknown as { __yuanluo: Hook }).__yuanluo
        return candidates
          .map((c) => ({ id: c.id, px: hook.project(c.at) }))
          .filter(
            (c) => c.px[0] > free.left && c.px[0] < free.right && c.px[1] > 150 && c.px[1] < 800,
          )
      },
      { candidates, free },
    )
    expect(onScreen.length).toBeGreaterThan(0)
    const other = onScreen[Math.floor(onScreen.length / 2)]!
    await page.mouse.click(other.px[0], other.px[1])
    await expect
      .poll(() => page.getByTestId('compound-name').textContent(), { timeout: 30_000 })
      .not.toBe(target.properties.name)
    const shownName = await page.getByTestId('compound-name').textContent()
    const selectedRow = page.locator('[data-testid="ledger-row"][aria-selected="true"]')
    await selectedRow.waitFor({ timeout: 10_000 })
    expect(await selectedRow.locator('.col-name').textContent()).toBe(shownName)
    await page.screenshot({ path: `${DOCS_SHOTS}/ledger-table.png` })
  })

  it('refuses a bad value next to its field in Chinese, then saves and updates the table', async () => {
    // Edit the target: a bad value is refused next to its field in Chinese, nothing typed is lost.
    await search(page, target.properties.name)
    await page.locator(`[data-testid="ledger-row"][data-id="${id}"]`).click()
    await expect
      .poll(() => page.getByTestId('compound-name').textContent())
      .toBe(target.properties.name)
    await page.getByTestId('compound-edit').click()
    const form = page.getByTestId('compound-form')
    await form.locator('input[name="households"]').fill('-5')
    await form.locator('input[name="address"]').fill('测试路 1 号')
    await page.getByTestId('record-save').click()
    await page.getByTestId('error-households').waitFor()
    expect(await page.getByTestId('error-households').textContent()).toBe('须为非负整数')
    expect(await form.locator('input[name="households"]').getAttribute('aria-invalid')).toBe('true')
    expect(await form.locator('input[name="address"]').inputValue()).toBe('测试路 1 号')
    await form.locator('input[name="households"]').fill('321')
    await page.getByTestId('record-save').click()
    await page.getByTestId('compound-form').waitFor({ state: 'detached', timeout: 30_000 })
    await expect
      .poll(() => row().locator('.col-households').textContent(), { timeout: 15_000 })
      .toBe('321')
    await expect
      .poll(() => row().locator('.col-address').textContent(), { timeout: 15_000 })
      .toBe('测试路 1 号')
  })

  it('reviews a concurrent edit and re-applies mine on theirs', async () => {
    // Someone else saves meanwhile; my save from the older version opens the review.
    await page.getByTestId('compound-edit').click()
    const mine = page.getByTestId('compound-form')
    await mine.locator('input[name="households"]').fill('333')
    ;({ version } = await api<{ version: number }>(`/api/compounds/${id}`))
    const theirs = await fetch(`${app.url()}/api/compounds/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-yuanluo-user': encodeURIComponent('张三') },
      body: JSON.stringify({ version, changes: { residents: 999 } }),
    })
    expect(theirs.status).toBe(200)
    await page.getByTestId('record-save').click()
    const dialog = page.getByTestId('conflict-dialog')
    await dialog.waitFor({ timeout: 30_000 })
    expect(await dialog.locator('tr[data-field="households"] td').allTextContents()).toEqual([
      '333',
      '321',
      '321',
    ])
    expect(await dialog.locator('tr[data-field="residents"] td').nth(1).textContent()).toBe('999')
    await page.screenshot({ path: `${DOCS_SHOTS}/ledger-conflict.png` })
    await page.getByTestId('conflict-reapply').click()
    await page.getByTestId('compound-form').waitFor({ state: 'detached', timeout: 30_000 })
    const saved = await api<{ households: number; residents: number; version: number }>(
      `/api/compounds/${id}`,
    )
    expect(saved).toMatchObject({ households: 333, residents: 999, version: version + 2 })
    await expect
      .poll(() => row().locator('.col-households').textContent(), { timeout: 15_000 })
      .toBe('333')
  })

  it('shows both saves and theirs in the history, in Chinese, before → after', async () => {
    // The history lists my two saves and theirs, with Chinese labels, before → after.
    await page.getByTestId('compound-history').click()
    await page.getByTestId('history-list').waitFor({ timeout: 30_000 })
    const entries = await page.getByTestId('history-entry').allTextContents()
    expect(entries.length).toBeGreaterThanOrEqual(3)
    expect(entries[0]).toContain('户数 321 → 333')
    expect(entries[1]).toContain('张三')
    expect(entries[1]).toContain('常住人口')
    expect(entries[2]).toContain('地址')
    expect(entries[2]).toContain('→ 321')
    expect(outside).toEqual([])
    await page.close()
  })
})
