// Export on PGlite and PostGIS: Chinese headers, filters, and the round trip that matters most:
// an export imported again changes nothing.
import { beforeAll, expect, it } from 'vitest'
import { sql } from '../../server/src/db/sql.ts'
import { generateDemoCity } from '../../server/src/demo/generate.ts'
import { loadDemoCity } from '../../server/src/demo/load.ts'
import { EXPORT_HEADERS } from '../../server/src/features/ledger/export/cells.ts'
import { ledgerApp, upload } from '../../server/src/features/ledger/test-fixtures.ts'
import { describeEachDb } from '../helpers/each-db.ts'

const FORMATS = ['geojson', 'csv', 'xlsx'] as const

describeEachDb('ledger export', (getDb) => {
  const app = () => ledgerApp(getDb())
  let total = 0
  let aCommunity = ''

  const download = async (query: string) => {
    const res = await app().request(`/api/ledger/export?${query}`)
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
  }

  beforeAll(async () => {
    // A small but complete city: every ledger field filled the way the demo fills it.
    await loadDemoCity(getDb(), generateDemoCity({ seed: 7, scale: 0.01 }))
    // Plus one compound known only by a point, with empty optional fields.
    const [c] = await getDb().query<{ community_id: string }>(
      sql`SELECT community_id FROM compound ORDER BY code LIMIT 1`,
    )
    aCommunity = c!.community_id
    await getDb().query(sql`
      INSERT INTO compound (code, name, community_id, is_old, location, source_crs)
      VALUES ('ZZ-POINT', '只有坐标的小区', ${aCommunity}, false,
        ST_SetSRID(ST_MakePoint(104.0657123456789, 30.6574987654321), 4326), 'GCJ02')`)
    const [n] = await getDb().query<{ n: number }>(sql`SELECT count(*)::int AS n FROM compound`)
    total = n!.n
    expect(total).toBeGreaterThan(100)
  })

  for (const format of FORMATS) {
    it(`re-imports its own ${format} export with no change`, async () => {
      const { res, bytes } = await download(`format=${format}`)
      expect(res.status).toBe(200)
      const { status, body } = await upload(app(), [{ name: `export.${format}`, data: bytes }], {
        crs: 'WGS84',
      })
      expect(status).toBe(201)
      expect(body.rejected).toEqual([])
      expect(body.unmapped).toEqual([])
      expect(body.counts).toMatchObject({
        total,
        new: 0,
        changed: 0,
        unchanged: total,
        rejected: 0,
      })
    })
  }

  it('writes a UTF-8 CSV with a BOM, the Chinese ledger headers and WKT geometry', async () => {
    const { res, bytes } = await download('format=csv')
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''%E5%B0%8F/)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.subarray(3)).trim().split('\r\n')
    expect(lines[0]).toBe([...EXPORT_HEADERS, '边界(WKT)'].join(','))
    expect(lines).toHaveLength(total + 1)
    const point = lines.find((l) => l.startsWith('ZZ-POINT,'))!
    expect(point).toContain('POINT(104.0657123456789 30.6574987654321)')
  })

  it('writes WGS84 GeoJSON with Chinese property names and coded values as labels', async () => {
    const { res, bytes } = await download('format=geojson')
    expect(res.headers.get('content-type')).toContain('application/geo+json')
    const fc = JSON.parse(new TextDecoder().decode(bytes))
    expect(fc.features).toHaveLength(total)
    const polygon = fc.features.find(
      (f: { geometry: { type: string } }) => f.geometry.type === 'MultiPolygon',
    )
    expect(Object.keys(polygon.properties)).toEqual(EXPORT_HEADERS)
    expect(['是', '否']).toContain(polygon.properties['是否老旧小区'])
    expect(['商品房', '公房', '房改房', '安置房', '单位宿舍', null]).toContain(
      polygon.properties['房屋性质'],
    )
  })

  it('filters by area and coverage status', async () => {
    const { bytes } = await download(
      `format=geojson&area=${aCommunity}&status=no_members,few_members`,
    )
    const fc = JSON.parse(new TextDecoder().decode(bytes))
    const [n] = await getDb().query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM compound c JOIN compound_coverage cov ON cov.compound_id = c.id
      WHERE c.community_id = ${aCommunity} AND cov.status IN ('no_members', 'few_members')`)
    expect(fc.features.length).toBe(n!.n)
    expect(n!.n).toBeGreaterThan(0)
  })

  it('answers 400 for an unknown format and 404 for an unknown area', async () => {
    expect((await download('format=shp')).res.status).toBe(400)
    expect((await download('area=510199')).res.status).toBe(404)
  })
})
