// The import wizard in Chromium over the small demo city: a refused file (swapped lat/lon) shown in
// Chinese, then a GCJ-02 GeoJSON: CRS choice, an unmapped column mapped and the mapping saved,
// counts, rejected rows downloaded, commit, and the new values read back through the API; and a
// commit refused because the ledger changed after the dry run.
import { readFileSync } from 'node:fs'
import type { MultiPolygon, Position } from 'geojson'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { wgs84ToGcj02 } from '../../server/src/import/index.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import { SCREENSHOTS, serveSmallDemoCity, watchOutsideRequests } from './serve-app.ts'

interface CompoundFeature {
  geometry: MultiPolygon | { type: 'Point' }
  properties: { id: number; code: string; name: string; households: number; communityId: string }
}

const move = ([lng, lat]: Position, d: number): Position => [lng! + d, lat! + d]
const toGcj = (p: Position): Position => wgs84ToGcj02(p)
const square = ([lng, lat]: Position, size: number): Position[] => [
  [lng!, lat!],
  [lng! + size, lat!],
  [lng! + size, lat! + size],
  [lng!, lat! + size],
  [lng!, lat!],
]
const swap = (ring: Position[]) => ring.map(([a, b]) => [b!, a!])
const feature = (properties: Record<string, unknown>, ring: Position[]) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates: [ring] },
})
const geojson = (name: string, features: unknown[]) => ({
  name,
  mimeType: 'application/geo+json',
  buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })),
})

/** A compound of the demo city with a polygon boundary, and its first ring in WGS84. */
async function pickCompound(url: string) {
  const all = (await fetch(`${url}/api/compounds`).then((r) => r.json())) as {
    features: CompoundFeature[]
  }
  const f = all.features.find((x) => x.geometry.type === 'MultiPolygon')!
  return { ...f.properties, ring: (f.geometry as MultiPolygon).coordinates[0]![0]! }
}

async function openWizard(page: Page, url: string) {
  await page.goto(url)
  await page.getByTestId('view-ledger').click()
  // The ledger table's toolbar button ('导入') or the wizard's own entry ('导入台账').
  await page
    .getByRole('button', { name: /^导入(台账)?$/ })
    .first()
    .click()
  await page.getByTestId('import-wizard').waitFor()
}

/** The figure of one count of the dry run shown on the page. */
const count = (page: Page, key: string) =>
  page.locator(`[data-count="${key}"] dd`).textContent({ timeout: 60_000 })

/** Waits for the dry run the last action started to end. */
async function dryRunDone(page: Page) {
  await page.getByTestId('import-running').waitFor({ state: 'detached', timeout: 90_000 })
}

describeWithBrowser('ledger import wizard', (getBrowser) => {
  const app = serveSmallDemoCity()

  it('refuses swapped coordinates in Chinese, then imports a GCJ-02 file with a mapped column', async () => {
    const url = app.url()
    const target = await pickCompound(url)
    const newHouseholds = target.households + 17
    // The compound moved ~20 m, given in GCJ-02 as Amap would export it.
    const movedWgs = target.ring.map((p) => move(p, 0.0002))
    const centre = target.ring[0]!

    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 900 } })
    const outside = watchOutsideRequests(page, url)
    await openWizard(page, url)
    const input = page.getByTestId('import-file-input')

    // 1. Every coordinate swapped: the server refuses the file and the page says so in Chinese.
    await input.setInputFiles(
      geojson('颠倒.geojson', [
        feature({ 小区编码: 'SW-1', 小区名称: '颠倒一' }, swap(square(centre, 0.001))),
        feature({ 小区编码: 'SW-2', 小区名称: '颠倒二' }, swap(square(move(centre, 0.01), 0.001))),
      ]),
    )
    const error = page.getByTestId('import-error')
    await error.waitFor({ timeout: 60_000 })
    expect(await error.textContent()).toContain('经纬度看起来颠倒了')
    expect(await page.getByTestId('import-files').textContent()).toContain('颠倒.geojson')
    await page.screenshot({ path: `${SCREENSHOTS}/ledger-import-refused.png` })

    // 2. A good file: the moved compound with its households in a column the server cannot map,
    // a new compound, and one row whose lat/lon are swapped.
    await input.setInputFiles(
      geojson('高德导出.geojson', [
        feature(
          {
            小区编码: target.code,
            小区名称: target.name,
            所属社区: target.communityId,
            住户总数: newHouseholds,
          },
          movedWgs.map(toGcj),
        ),
        feature(
          {
            小区编码: 'E2E-NEW-1',
            小区名称: '导入新院',
            所属社区: target.communityId,
            住户总数: 40,
          },
          square(move(centre, 0.003), 0.0008).map(toGcj),
        ),
        feature(
          { 小区编码: 'E2E-SWAP', 小区名称: '颠倒院', 所属社区: target.communityId },
          swap(square(move(centre, 0.005), 0.0008)),
        ),
      ]),
    )
    await page.getByTestId('import-counts').waitFor({ timeout: 90_000 })
    await dryRunDone(page)
    expect(await page.getByTestId('import-error').count()).toBe(0)
    expect(await page.getByTestId('import-unmapped').textContent()).toContain('住户总数')
    expect(await count(page, 'total')).toBe('3')
    expect(await count(page, 'rejected')).toBe('1')

    // Source coordinate system: GCJ-02 re-runs the dry run at once.
    await page.getByTestId('import-crs').selectOption('GCJ02')
    await dryRunDone(page)
    expect(await page.getByTestId('import-crs').inputValue()).toBe('GCJ02')
    expect(await count(page, 'new')).toBe('1')
    expect(await count(page, 'changed')).toBe('1')
    expect(await page.getByTestId('import-rejected').textContent()).toContain('经纬度看起来颠倒了')

    // Map the unmapped column to 户数, save the mapping, run the dry run again with it.
    await page.locator('select[data-column="住户总数"]').selectOption('households')
    await page.getByTestId('import-dirty').waitFor()
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true)
    await page.locator('input[name="mappingName"]').fill('高德户数')
    await page.getByTestId('import-save-mapping').click()
    expect(await page.getByTestId('import-mapping-notice').textContent()).toContain('高德户数')
    const saved = (await fetch(`${url}/api/ledger/mappings/${encodeURIComponent('高德户数')}`).then(
      (r) => r.json(),
    )) as { mapping: Record<string, string | null> }
    expect(saved.mapping['住户总数']).toBe('households')
    await page.getByTestId('import-rerun').click()
    await dryRunDone(page)
    await page.getByTestId('import-dirty').waitFor({ state: 'detached' })
    expect(await page.getByTestId('import-preview').textContent()).toContain('户数')
    expect(await count(page, 'changed')).toBe('1')

    // The rejected rows download as CSV with the Chinese reason.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-rejected-csv').click(),
    ])
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv).toContain('经纬度看起来颠倒了')
    expect(csv).toContain('行号')
    await page.screenshot({ path: `${SCREENSHOTS}/ledger-import-dry-run.png` })

    // Commit: the result names what was written.
    const commit = page.getByTestId('import-commit')
    expect(await commit.isEnabled()).toBe(true)
    await commit.click()
    const result = page.getByTestId('import-committed')
    await result.waitFor({ timeout: 90_000 })
    expect(await result.textContent()).toMatch(/新增 1 个小区，更新 1 个小区/)
    await page.screenshot({ path: `${SCREENSHOTS}/ledger-import-committed.png` })

    // Through the API: the mapped value, and the boundary back in WGS84 where it moved.
    const record = (await fetch(`${url}/api/compounds/${target.id}`).then((r) => r.json())) as {
      households: number
      sourceCrs: string
    }
    expect(record.households).toBe(newHouseholds)
    expect(record.sourceCrs).toBe('GCJ02')
    const all = (await fetch(`${url}/api/compounds`).then((r) => r.json())) as {
      features: CompoundFeature[]
    }
    const stored = all.features.find((f) => f.properties.id === target.id)!
    const first = (stored.geometry as MultiPolygon).coordinates[0]![0]!
    // The stored ring holds the moved vertices (GCJ-02 → WGS84 to well under a metre).
    for (const p of movedWgs.slice(0, -1))
      expect(
        first.some((q) => Math.hypot(q[0]! - p[0]!, q[1]! - p[1]!) < 1e-6),
        `vertex ${p.join(',')} stored`,
      ).toBe(true)
    expect(all.features.some((f) => f.properties.code === 'E2E-NEW-1')).toBe(true)
    expect(outside).toEqual([])
    await page.close()
  })

  it('refuses a commit when the compound changed after the dry run, names the row, and re-runs', async () => {
    const url = app.url()
    const target = await pickCompound(url)
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 900 } })
    await openWizard(page, url)
    await page.getByTestId('import-file-input').setInputFiles(
      geojson('改名.geojson', [
        feature(
          {
            小区编码: target.code,
            小区名称: `${target.name}（新）`,
            所属社区: target.communityId,
          },
          target.ring,
        ),
      ]),
    )
    await page.getByTestId('import-counts').waitFor({ timeout: 90_000 })
    await dryRunDone(page)
    expect(await count(page, 'changed')).toBe('1')

    // Someone else edits the compound meanwhile.
    const current = (await fetch(`${url}/api/compounds/${target.id}`).then((r) => r.json())) as {
      version: number
    }
    const patched = await fetch(`${url}/api/compounds/${target.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: current.version, changes: { households: 999 } }),
    })
    expect(patched.status).toBe(200)

    await page.getByTestId('import-commit').click()
    const error = page.getByTestId('import-error')
    await error.waitFor({ timeout: 90_000 })
    const text = (await error.textContent()) ?? ''
    expect(text).toContain('提交失败，台账没有任何改动')
    expect(text).toContain(`第 1 行（小区编码 ${target.code}）`)
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true)
    // The file and choices are kept: a new dry run reads the current ledger and may be committed.
    await page.getByRole('button', { name: '重新预检（读取最新台账）' }).click()
    await dryRunDone(page)
    await page.getByTestId('import-error').waitFor({ state: 'detached' })
    expect(await page.getByTestId('import-commit').isEnabled()).toBe(true)
    await page.getByTestId('import-commit').click()
    await page.getByTestId('import-committed').waitFor({ timeout: 90_000 })
    const record = (await fetch(`${url}/api/compounds/${target.id}`).then((r) => r.json())) as {
      name: string
      households: number
    }
    expect(record.name).toBe(`${target.name}（新）`)
    expect(record.households).toBe(999)
    await page.close()
  })
})
