// Real-world files of ../shared/data/real-world through the import API on PGlite and PostGIS (read
// in place, never copied), and community names that only the street can tell apart.
import { beforeAll, expect, it } from 'vitest'
import { sql } from '../../server/src/db/sql.ts'
import { buildCsv, realFile } from '../../server/src/import/test-fixtures.ts'
import { call, ledgerApp, upload } from '../../server/src/features/ledger/test-fixtures.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { loadTinyCity, TINY } from '../fixtures/tiny-city.ts'

describeEachDb('ledger import of real-world files', (getDb) => {
  const app = () => ledgerApp(getDb())

  beforeAll(async () => {
    await loadTinyCity(getDb())
  })

  it('imports Amap residential AOIs (GCJ-02 GeoJSON) with a typed mapping and a default community', async () => {
    const file = realFile('xiamen-residential-aoi-amap/厦门市商务住宅边界_gcj02.json')
    const { status, body } = await upload(app(), [file], {
      crs: 'GCJ02',
      mapping: JSON.stringify({ id: 'code', name: 'name' }),
      community: TINY.community1,
    })
    expect(status).toBe(201)
    expect(body.crs.guess.crs).toBe('GCJ02')
    expect(body.sourceCrs).toBe('GCJ02')
    // 107 features; 8 repeat an AOI id and are rejected as duplicate codes.
    expect(body.counts).toMatchObject({ total: 107, new: 99, rejected: 8 })
    expect(new Set(body.rejected.map((r: { code: string }) => r.code))).toEqual(
      new Set(['DUPLICATE_CODE']),
    )
    const commit = await call(app(), 'POST', `/api/ledger/imports/${body.id}/commit`)
    expect(commit.body.commit).toEqual({ created: 99, updated: 0 })
    const [row] = await getDb().query<{ n: number; valid: number }>(sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE ST_IsValid(boundary))::int AS valid
      FROM compound WHERE source_crs = 'GCJ02'`)
    expect(row).toEqual({ n: 99, valid: 99 })
  })

  it('imports the Amap district shapefile sent as loose parts with a Chinese file name and no .prj', async () => {
    const parts = ['shp', 'shx', 'dbf'].map((e) =>
      realFile(`chengdu-districts-amap-shp/成都市.${e}`),
    )
    const { status, body } = await upload(app(), parts, {
      crs: 'GCJ02',
      mapping: JSON.stringify({ adcode: 'code', name: 'name' }),
      community: TINY.community2,
    })
    expect(status).toBe(201)
    expect(body.format).toBe('shapefile')
    expect(body.counts).toMatchObject({ total: 20, new: 20, rejected: 0 })
    expect(body.preview.map((p: { code: string }) => p.code)).toContain('510104')
  })

  it('refuses projected metres declared as WGS84, suggesting the .prj zone', async () => {
    const parts = ['shp', 'shx', 'dbf', 'prj'].map((e) =>
      realFile(`gbk-shapefile-points-cgcs2000/GBKTest.${e}`),
    )
    const { status, body } = await upload(app(), parts, { crs: 'WGS84' })
    expect(status).toBe(400)
    expect(body.error.details.issue.code).toBe('COORDS_LOOK_PROJECTED')
    expect(body.error.message).toContain('EPSG:4550')
  })
})

describeEachDb('ledger import of communities sharing a name', (getDb) => {
  const app = () => ledgerApp(getDb())

  beforeAll(async () => {
    await loadTinyCity(getDb())
    // A second 一号社区, under another street of the same district.
    await getDb().query(sql`INSERT INTO area (id, level, name, parent_id)
      VALUES ('510104002', 'street', '书院街街道', ${TINY.district})`)
    await getDb().query(sql`INSERT INTO area (id, level, name, parent_id)
      VALUES ('510104002001', 'community', '一号社区', '510104002')`)
  })

  it('rejects an ambiguous community name and resolves it by street or by code', async () => {
    const file = buildCsv('同名.csv', [
      ['小区编码', '小区名称', '街道', '所属社区', '经度', '纬度'],
      ['N1', '同名一', '', '一号社区', 104.05, 30.01],
      ['N2', '同名二', '书院街', '一号社区', 104.05, 30.011],
      ['N3', '同名三', '', '510104001001', 104.05, 30.012],
    ])
    const { body } = await upload(app(), [file], { crs: 'WGS84' })
    expect(body.counts).toMatchObject({ new: 2, rejected: 1 })
    expect(body.rejected[0]).toMatchObject({ rowNumber: 2, code: 'COMMUNITY_AMBIGUOUS' })
    expect(body.rejected[0].zh).toContain("社区名 '一号社区' 对应 2 个社区")
    await call(app(), 'POST', `/api/ledger/imports/${body.id}/commit`)
    const rows = await getDb().query<{ code: string; community_id: string }>(
      sql`SELECT code, community_id FROM compound WHERE code IN ('N2', 'N3') ORDER BY code`,
    )
    expect(rows).toEqual([
      { code: 'N2', community_id: '510104002001' },
      { code: 'N3', community_id: TINY.community1 },
    ])
  })
})
