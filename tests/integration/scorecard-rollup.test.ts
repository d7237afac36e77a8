// Roll-ups at every level under every weight against sums computed here from the fixture's own
// description; hot spots against Gi* computed here by brute force; snapshots; the XLSX export read
// back and compared with the roll-up API; input errors. PGlite and PostGIS.
import readXlsxFile from 'read-excel-file/node'
import { beforeAll, expect, it } from 'vitest'
import type { Db } from '../../server/src/db/db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { ledgerApp } from '../../server/src/features/ledger/test-fixtures.ts'
import { ensureMonthlySnapshot } from '../../server/src/features/scorecard/snapshots.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import {
  describeCity,
  expectedIndicators,
  expectedSums,
  loadCity,
  type CompoundSpec,
  type ScorecardCity,
  type WeightName,
} from './scorecard-fixture.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

const WEIGHTS: WeightName[] = ['compounds', 'households', 'residents']

const request = async (db: Db, path: string, init?: RequestInit) => {
  const res = await ledgerApp(db).request(path, init)
  const type = res.headers.get('content-type') ?? ''
  return {
    status: res.status,
    headers: res.headers,
    body: (type.includes('json') ? await res.json() : await res.arrayBuffer()) as Json,
  }
}

/** Every number of a Row checked against the independent sums (rates to 12 digits). */
function expectRow(row: Json, want: ReturnType<typeof expectedSums>) {
  for (const [k, v] of Object.entries(want)) {
    if (k === 'indicators') {
      for (const [ik, iv] of Object.entries(v as Record<string, number | null>)) {
        if (iv === null) expect(row.indicators[ik], `${row.id} ${ik}`).toBeNull()
        else expect(row.indicators[ik], `${row.id} ${ik}`).toBeCloseTo(iv, 12)
      }
    } else if (v === null) expect(row[k], `${row.id} ${k}`).toBeNull()
    else expect(row[k], `${row.id} ${k}`).toBeCloseTo(v as number, 9)
  }
}

describeEachDb('scorecard roll-ups, hot spots, snapshots and export', (getDb) => {
  let city: ScorecardCity
  let ids: Record<string, number>
  const under = (pred: (s: CompoundSpec) => boolean) => city.compounds.filter(pred)

  beforeAll(async () => {
    city = describeCity()
    ids = await loadCity(getDb(), city)
  })

  it('rolls the city up into districts under every weight', async () => {
    for (const weight of WEIGHTS) {
      const { status, body } = await request(getDb(), `/api/scorecard/rollup?weight=${weight}`)
      expect(status).toBe(200)
      expect(body.area).toEqual({
        id: city.city,
        name: '成都市',
        level: 'city',
        code: city.city,
        parentId: null,
      })
      expect(body.weight).toBe(weight)
      expect(body.settings).toMatchObject({
        stationWalkM: 300,
        secondRingM: 500,
        fundingYuan: 1000,
      })
      expectRow(body.totals, expectedSums(city, city.compounds, weight))
      expect(body.children.map((r: Json) => r.id)).toEqual(city.districts)
      for (const row of body.children) {
        expect(row.level).toBe('district')
        expectRow(
          row,
          expectedSums(
            city,
            under((s) => s.district === row.id),
            weight,
          ),
        )
      }
    }
  })

  it('rolls a district into streets and a street into communities', async () => {
    const district = city.districts[1]!
    const street = city.streets[2]!
    for (const weight of WEIGHTS) {
      const d = await request(getDb(), `/api/scorecard/rollup?area=${district}&weight=${weight}`)
      expectRow(
        d.body.totals,
        expectedSums(
          city,
          under((s) => s.district === district),
          weight,
        ),
      )
      expect(d.body.children.map((r: Json) => r.id)).toEqual(
        city.streets.filter((s) => s.startsWith(district)),
      )
      for (const row of d.body.children)
        expectRow(
          row,
          expectedSums(
            city,
            under((s) => s.street === row.id),
            weight,
          ),
        )
      const s = await request(getDb(), `/api/scorecard/rollup?area=${street}&weight=${weight}`)
      expect(s.body.path.map((a: Json) => a.id)).toEqual([city.city, district, street])
      for (const row of s.body.children)
        expectRow(
          row,
          expectedSums(
            city,
            under((x) => x.community === row.id),
            weight,
          ),
        )
    }
  })

  it("rolls a community into its compounds, each with its own organisations' counts", async () => {
    const community = city.communities[5]!
    const { body } = await request(
      getDb(),
      `/api/scorecard/rollup?area=${community}&weight=households`,
    )
    expect(body.path.map((a: Json) => a.level)).toEqual(['city', 'district', 'street', 'community'])
    expectRow(
      body.totals,
      expectedSums(
        city,
        under((s) => s.community === community),
        'households',
      ),
    )
    const specs = under((s) => s.community === community)
    expect(body.children.map((r: Json) => r.code)).toEqual(specs.map((s) => s.code))
    for (const row of body.children) {
      const spec = specs.find((s) => s.code === row.code)!
      const e = expectedIndicators(city, spec)
      const live = spec.orgs
        .map((k) => city.orgs.find((o) => o.key === k)!)
        .filter((o) => o.status === 'active')
      expect(row).toMatchObject({
        id: String(ids[spec.code]),
        level: 'compound',
        compounds: 1,
        oldCompounds: spec.old ? 1 : 0,
        jointBranches: live.filter((o) => o.kind === 'joint').length,
        fundingYuan: live.reduce((a, o) => a + o.thisYear.reduce((x, y) => x + y, 0), 0),
      })
      expect(row.indicators.organisation).toBe(spec.old ? Number(e.organisation.pass) : null)
      expect(row.bbox).toHaveLength(4)
    }
  })

  it('answers 400 naming the field and 404 for an unknown area', async () => {
    const bad = await request(getDb(), '/api/scorecard/rollup?weight=people')
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues[0].field).toBe('weight')
    const badArea = await request(getDb(), '/api/scorecard/rollup?area=12ab')
    expect(badArea.status).toBe(400)
    expect(badArea.body.error.message).toContain('area')
    expect((await request(getDb(), '/api/scorecard/rollup?area=510199')).status).toBe(404)
    expect((await request(getDb(), '/api/scorecard/compounds?area=510199')).status).toBe(404)
    const band = await request(getDb(), '/api/scorecard/hotspots?bandM=10')
    expect(band.status).toBe(400)
    expect(band.body.error.details.issues[0].field).toBe('bandM')
    const measure = await request(getDb(), '/api/scorecard/hotspots?measure=gaps')
    expect(measure.body.error.details.issues[0].field).toBe('measure')
  })

  it('finds hot spots as the brute-force Gi* over the fixture says', async () => {
    // Band 2,500 m: each compound's neighbours are those 2 km away along the grid (diagonals are
    // 2.83 km), so the weights are known from the layout without any distance near the band.
    const old = city.compounds.filter((s) => s.old)
    for (const measure of ['failedIndicators', 'uncoveredHouseholds'] as const) {
      const value = (s: CompoundSpec) => {
        const e = expectedIndicators(city, s)
        return measure === 'failedIndicators'
          ? 5 - e.passed
          : e.organisation.pass
            ? 0
            : s.households
      }
      const xs = old.map(value)
      const n = xs.length
      const mean = xs.reduce((a, b) => a + b, 0) / n
      const sd = Math.sqrt(xs.reduce((a, b) => a + b * b, 0) / n - mean * mean)
      const grid = (s: CompoundSpec) => Number(s.code.slice(2))
      const z = old.map((s) => {
        const [c, r] = [grid(s) % 8, Math.floor(grid(s) / 8)]
        const nb = old.filter((t) => {
          const [tc, tr] = [grid(t) % 8, Math.floor(grid(t) / 8)]
          return Math.abs(tc - c) + Math.abs(tr - r) <= 1
        })
        const w = nb.length
        const wx = nb.reduce((a, t) => a + value(t), 0)
        return (wx - mean * w) / (sd * Math.sqrt((n * w - w * w) / (n - 1)))
      })
      const { status, body } = await request(
        getDb(),
        `/api/scorecard/hotspots?measure=${measure}&bandM=2500`,
      )
      expect(status).toBe(200)
      expect(body).toMatchObject({ measure, bandM: 2500, n })
      for (const [k, s] of old.entries()) {
        const got = body.compounds.find((c: Json) => c.id === ids[s.code])
        expect(got.value).toBe(xs[k])
        expect(got.z).toBeCloseTo(z[k]!, 3)
        const a = Math.abs(z[k]!)
        const cls = a >= 2.5758 ? '99' : a >= 1.96 ? '95' : a >= 1.6449 ? '90' : ''
        expect(got.class).toBe(cls ? `${z[k]! > 0 ? 'hot' : 'cold'}${cls}` : 'none')
      }
    }
  })

  it('takes snapshots on demand and monthly, and charts an area under any weight', async () => {
    const db = getDb()
    const empty = await request(db, `/api/scorecard/snapshots?area=${city.districts[0]}`)
    expect(empty.body.series).toEqual([])
    const first = await request(db, '/api/scorecard/snapshots', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ note: '第一次' }),
    })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ kind: 'manual' })
    // A station for every old compound that has none in reach, then a monthly snapshot.
    const before = expectedSums(city, city.compounds, 'residents')
    await db.query(sql`INSERT INTO station (name, compound_id, location)
      SELECT '新站', c.id, c.location FROM compound c WHERE c.is_old`)
    const monthly = await ensureMonthlySnapshot(db, new Date('2031-03-15T00:00:00Z'))
    expect(monthly).toMatchObject({ kind: 'monthly' })
    expect(await ensureMonthlySnapshot(db, new Date('2031-03-31T15:00:00Z'))).toBeUndefined()
    // 2031-03-31 16:00 UTC is already April in China.
    expect(await ensureMonthlySnapshot(db, new Date('2031-03-31T16:00:00Z'))).toMatchObject({
      kind: 'monthly',
    })
    for (const area of [city.city, city.districts[0]!]) {
      const { status, body } = await request(
        db,
        `/api/scorecard/snapshots?area=${area}&weight=residents`,
      )
      expect(status).toBe(200)
      expect(body.area.id).toBe(area)
      expect(body.series.map((s: Json) => s.kind)).toEqual(['manual', 'monthly', 'monthly'])
      expect(body.series[0].note).toBe('第一次')
      const set = area === city.city ? city.compounds : under((s) => s.district === area)
      expectRow(body.series[0].totals, expectedSums(city, set, 'residents'))
      expect(body.series[1].totals.stationCoverage).toBe(1)
      const times = body.series.map((s: Json) => Date.parse(s.takenAt))
      expect([...times].sort((a, b) => a - b)).toEqual(times)
    }
    expect(before.stationCoverage).toBeLessThan(1)
    await db.query(sql`DELETE FROM station WHERE name = '新站'`)
  })

  it('exports the roll-up as XLSX with Chinese headers, equal to the API', async () => {
    const district = city.districts[0]!
    const api = await request(getDb(), `/api/scorecard/rollup?area=${district}&weight=households`)
    const res = await request(
      getDb(),
      `/api/scorecard/export.xlsx?area=${district}&weight=households`,
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(`四有一化-区${district}-`)}`,
    )
    const [sheet] = await readXlsxFile(Buffer.from(res.body as ArrayBuffer))
    const rows = sheet!.data as unknown[][]
    expect(rows[0]!.slice(0, 12)).toEqual([
      '区域编码',
      '区域名称',
      '层级',
      '小区数',
      '老旧小区数',
      '户数',
      '居民数',
      '老年人数',
      '已有组织小区数',
      '组织覆盖率',
      '阵地覆盖率',
      '阵地覆盖率(第二圈)',
    ])
    const header = rows[0] as string[]
    const col = (name: string) => header.indexOf(name)
    const apiRows = [api.body.totals, ...api.body.children]
    expect(rows).toHaveLength(1 + apiRows.length)
    apiRows.forEach((r: Json, i: number) => {
      const x = rows[i + 1]!
      expect(x[col('区域编码')]).toBe(r.code)
      expect(x[col('区域名称')]).toBe(r.name)
      expect(x[col('层级')]).toBe(i === 0 ? '区(市)县' : '街道(镇)')
      expect(x[col('老旧小区数')]).toBe(r.oldCompounds)
      expect(x[col('户数')]).toBe(r.households)
      expect(x[col('组织覆盖率')]).toBeCloseTo(r.organisationCoverage, 12)
      expect(x[col('阵地覆盖率')]).toBeCloseTo(r.stationCoverage, 12)
      expect(x[col('有党建经费')]).toBeCloseTo(r.indicators.funding, 12)
      expect(x[col('机制制度化')]).toBeCloseTo(r.indicators.mechanisms, 12)
      expect(x[col('五项全达标')]).toBeCloseTo(r.allFive, 12)
      expect(x[col('联合党支部')]).toBe(r.jointBranches)
      expect(x[col('党建经费(元)')]).toBeCloseTo(r.fundingYuan, 6)
      expect(x[col('解决问题数')]).toBe(r.problemsSolved)
    })
  })
})
