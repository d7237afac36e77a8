// The ledger's filters on the map, in Chromium over the small demo city: a status chip outlines
// exactly the compounds of that status (as many as the table shows), a second chip adds its
// compounds, a search narrows the outlines with the table, a sort leaves them as they are, and
// clearing the filters removes them. Read through the test hook's `ledgerMatchIds`, published
// only once a map frame has drawn them.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import type { CompoundCollection, CoverageStatus } from '../../web/src/api/types.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import { SCREENSHOTS, hookValue, serveSmallDemoCity, watchOutsideRequests } from './serve-app.ts'

interface LedgerHook {
  ledgerMatchesDrawn: number
  ledgerMatchIds: number[]
}

const outlined = (page: Page) =>
  page.evaluate(() => {
    const h = (window as unknown as { __yuanluo?: LedgerHook }).__yuanluo
    return { n: h?.ledgerMatchesDrawn ?? -1, ids: h?.ledgerMatchIds ?? [] }
  })

const shownRows = async (page: Page) => {
  const text = (await page.getByTestId('ledger-count').textContent()) ?? ''
  // "共 N 个小区，显示 M 个" (digits grouped with commas in zh-CN).
  const numbers = [...text.matchAll(/[\d,]+/g)].map((m) => Number(m[0].replace(/,/g, '')))
  return numbers[numbers.length - 1]
}

describeWithBrowser('ledger filters on the map', (getBrowser) => {
  const app = serveSmallDemoCity()

  it('outlines exactly the compounds the status filter and search keep', async () => {
    const fc = (await (await fetch(`${app.url()}/api/compounds`)).json()) as CompoundCollection
    const idsOf = (keep: (p: CompoundCollection['features'][number]['properties']) => boolean) =>
      fc.features
        .filter((f) => keep(f.properties))
        .map((f) => f.properties.id)
        .sort((a, b) => a - b)
    const counts = new Map<CoverageStatus, number>()
    for (const f of fc.features)
      counts.set(f.properties.status, (counts.get(f.properties.status) ?? 0) + 1)
    // Two statuses that both occur, neither covering the whole city.
    const [first, second] = [...counts]
      .filter(([, n]) => n > 0 && n < fc.features.length)
      .sort((a, b) => b[1] - a[1])
      .map(([s]) => s)
    expect(first).toBeDefined()
    expect(second).toBeDefined()

    const page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 } })
    const outside = watchOutsideRequests(page, app.url())
    await page.goto(app.url())
    await expect
      .poll(() => hookValue(page, 'compoundsDrawn'), { timeout: 90_000 })
      .toBeGreaterThan(0)
    await page.getByTestId('view-ledger').click()
    await page.getByTestId('ledger-row').first().waitFor({ timeout: 30_000 })
    expect((await outlined(page)).n).toBe(0)

    // One status: its compounds and no other, as many as the table's rows.
    await page.getByTestId(`status-${first}`).click()
    const one = idsOf((p) => p.status === first)
    await expect.poll(async () => (await outlined(page)).ids, { timeout: 30_000 }).toEqual(one)
    expect((await outlined(page)).n).toBe(one.length)
    expect(await shownRows(page)).toBe(one.length)
    await page.screenshot({ path: `${SCREENSHOTS}/ledger-status-filter-map.png` })

    // A second status adds its compounds.
    await page.getByTestId(`status-${second}`).click()
    const both = idsOf((p) => p.status === first || p.status === second)
    await expect.poll(async () => (await outlined(page)).ids, { timeout: 30_000 }).toEqual(both)
    expect(await shownRows(page)).toBe(both.length)

    // A search narrows the outlines with the table: one compound's own code.
    const target = fc.features.find((f) => f.properties.status === second)!.properties
    await page.getByTestId('ledger-search').fill(target.code)
    const searched = idsOf(
      (p) =>
        (p.status === first || p.status === second) &&
        p.code.toLowerCase().includes(target.code.toLowerCase()),
    )
    expect(searched).toContain(target.id)
    await expect.poll(async () => (await outlined(page)).ids, { timeout: 30_000 }).toEqual(searched)

    // A sort reorders the table, never the outlines.
    await page.getByTestId('sort-households').click()
    await page.waitForFunction(
      () =>
        document
          .querySelector('[role="columnheader"].col-households')
          ?.getAttribute('aria-sort') === 'ascending',
    )
    expect((await outlined(page)).ids).toEqual(searched)

    // Clearing the search and the statuses removes every outline.
    await page.getByTestId('ledger-search').fill('')
    await expect.poll(async () => (await outlined(page)).ids, { timeout: 30_000 }).toEqual(both)
    await page.getByTestId(`status-${first}`).click()
    await page.getByTestId(`status-${second}`).click()
    await expect.poll(async () => (await outlined(page)).n, { timeout: 30_000 }).toBe(0)
    expect((await outlined(page)).ids).toEqual([])
    expect(await shownRows(page)).toBe(fc.features.length)
    expect(outside).toEqual([])
    await page.close()
  }, 180_000)
})
