// Organisation and station exports (Chinese headers, the compounds' filter), the table's extra
// columns, and the round trip of a filtered compound export, on PGlite and PostGIS.
import { beforeAll, expect, it } from 'vitest'
import { sql } from '../../server/src/db/sql.ts'
import {
  ORG_HEADERS,
  STATION_HEADERS,
} from '../../server/src/features/ledger/export/entity-export.ts'
import { call, ledgerApp, upload } from '../../server/src/features/ledger/test-fixtures.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { loadTinyCity, TINY } from '../fixtures/tiny-city.ts'

describeEachDb('ledger export of organisations and stations', (getDb) => {
  let ids: Record<string, number>
  const app = () => ledgerApp(getDb())
  const download = async (query: string) => {
    const res = await app().request(`/api/ledger/export?${query}`)
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
  }
  const csvLines = (bytes: Uint8Array) =>
    new TextDecoder().decode(bytes.subarray(3)).trim().split('\r\n')

  beforeAll(async () => {
    ids = await loadTinyCity(getDb())
  })

  it('writes every organisation as CSV with Chinese headers and labels', async () => {
    const { res, bytes } = await download('entity=orgs&format=csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('党组织台账'))
    const lines = csvLines(bytes)
    expect(lines[0]).toBe(ORG_HEADERS.join(','))
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 4))).toEqual([
      ['小区A党支部', '单独组建', '在用'],
      ['B-C联合党支部', '联合组建', '在用'],
      ['小区H指导员', '党建指导员', '在用'],
    ])
    const bc = lines.find((l) => l.includes('B-C联合党支部'))!.split(',')
    expect(bc.slice(-2)).toEqual(['2', 'B、C'])
  })

  it('filters organisations by the compounds of an area and status', async () => {
    const { bytes } = await download(`entity=orgs&format=geojson&area=${TINY.community2}`)
    const fc = JSON.parse(new TextDecoder().decode(bytes))
    expect(
      fc.features.map((f: { properties: Record<string, unknown> }) => f.properties['组织名称']),
    ).toEqual(['小区H指导员'])
    expect(fc.features[0].geometry).toBeNull()
    const joint = await download('entity=orgs&format=csv&status=joint')
    expect(
      csvLines(joint.bytes)
        .slice(1)
        .map((l) => l.split(',')[1]),
    ).toEqual(['B-C联合党支部'])
    const none = await download('entity=orgs&format=csv&status=no_members')
    expect(csvLines(none.bytes)).toEqual([ORG_HEADERS.join(',')])
  })

  it('writes stations with their compound and point, in GeoJSON and XLSX', async () => {
    const { bytes } = await download('entity=stations&format=geojson')
    const fc = JSON.parse(new TextDecoder().decode(bytes))
    expect(fc.features).toHaveLength(1)
    expect(Object.keys(fc.features[0].properties)).toEqual(STATION_HEADERS)
    expect(fc.features[0].properties).toMatchObject({
      站点名称: 'A站',
      所在小区编码: 'A',
      '面积(㎡)': 60,
    })
    expect(fc.features[0].geometry.type).toBe('Point')
    const xlsx = await download('entity=stations&format=xlsx')
    expect(xlsx.res.headers.get('content-type')).toContain('spreadsheetml')
    expect([...xlsx.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]) // a zip
    const other = await download(`entity=stations&format=csv&area=${TINY.community2}`)
    expect(csvLines(other.bytes)).toEqual([STATION_HEADERS.join(',')])
    const organised = await download('entity=stations&format=csv&status=standalone')
    expect(csvLines(organised.bytes)).toHaveLength(2)
  })

  it('re-imports a filtered compound export with no change', async () => {
    const { bytes } = await download(`format=csv&area=${TINY.community1}&status=no_members`)
    const lines = csvLines(bytes)
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['F', 'G'])
    const { status, body } = await upload(app(), [{ name: 'export.csv', data: bytes }], {
      crs: 'WGS84',
    })
    expect(status).toBe(201)
    expect(body.counts).toMatchObject({ total: 2, new: 0, changed: 0, unchanged: 2, rejected: 0 })
  })

  it('answers 400 for an unknown entity', async () => {
    expect((await download('entity=people&format=csv')).res.status).toBe(400)
  })

  it('gives the table its extra columns as parallel arrays ordered by id', async () => {
    const { status, body } = await call(app(), 'GET', '/api/ledger/rows')
    expect(status).toBe(200)
    const [n] = await getDb().query<{ n: number }>(sql`SELECT count(*)::int AS n FROM compound`)
    expect(body.id).toHaveLength(n!.n)
    expect(body.id).toEqual([...body.id].sort((a: number, b: number) => a - b))
    const at = body.id.indexOf(ids.G)
    expect(body.yearBuilt[at]).toBe(2010)
    expect(body.version[at]).toBe(1)
    expect(body.street[at]).toBeTypeOf('string')
    expect(body.community[body.id.indexOf(ids.H)]).not.toBe(body.community[at])
  })
})
