// Import dry runs through the API on PGlite and PostGIS: one small file of each format, rejected
// rows named and downloadable, the CRS choice, refusals, the upload limit and saved mappings.
import { beforeAll, expect, it } from 'vitest'
import { sql } from '../../server/src/db/sql.ts'
import { gcj02ToWgs84 } from '../../server/src/import/index.ts'
import {
  buildCsv,
  buildGeoJson,
  buildShapefile,
  buildXlsx,
  buildZip,
  squareCw,
} from '../../server/src/import/test-fixtures.ts'
import {
  bowTie,
  call,
  ledgerApp,
  tinySquare,
  upload,
} from '../../server/src/features/ledger/test-fixtures.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { loadTinyCity } from '../fixtures/tiny-city.ts'

const polygon = (ring: number[][]) => ({ type: 'Polygon' as const, coordinates: [ring] })

describeEachDb('ledger import dry run', (getDb) => {
  const app = () => ledgerApp(getDb())

  beforeAll(async () => {
    await loadTinyCity(getDb())
  })

  it('counts new, changed, unchanged, rejected and repaired rows of a GeoJSON file', async () => {
    const file = buildGeoJson('小区.geojson', [
      // B exactly as the tiny city holds it: unchanged.
      {
        properties: {
          小区编码: 'B',
          小区名称: '小区B',
          所属社区: '一号社区',
          建成年代: 1995,
          户数: 100,
        },
        geometry: polygon(tinySquare(0.0012, 0)),
      },
      // A renamed: changed.
      {
        properties: { 小区编码: 'A', 小区名称: '玉林小区', 所属社区: '一号社区', 建成年代: 1990 },
        geometry: polygon(tinySquare(0, 0)),
      },
      {
        properties: { 小区编码: 'N1', 小区名称: '新一', 所属社区: '510104001002', 户数: '320户' },
        geometry: polygon(tinySquare(0.03, 0)),
      },
      {
        properties: { 小区编码: 'N2', 小区名称: '新二', 所属社区: '二号社区', 建成年代: '90年代' },
        geometry: polygon(bowTie(0.032, 0)),
      },
      {
        properties: { 小区编码: 'N3', 小区名称: '坏户数', 所属社区: '一号社区', 户数: 'abc' },
        geometry: polygon(tinySquare(0.034, 0)),
      },
    ])
    const { status, body } = await upload(app(), [file], { crs: 'WGS84' })
    expect(status).toBe(201)
    expect(body.status).toBe('dry_run')
    expect(body.counts).toEqual({
      total: 5,
      new: 2,
      changed: 1,
      unchanged: 1,
      rejected: 1,
      repaired: 1,
      noBoundary: 0,
    })
    expect(body.preview).toContainEqual(
      expect.objectContaining({ rowNumber: 2, code: 'A', action: 'changed', changes: ['name'] }),
    )
    expect(body.repaired.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['YEAR_FROM_DECADE', 'GEOMETRY_REPAIRED']),
    )
    expect(body.crs.used).toBe('WGS84')
    expect(body.crs.guess).toMatchObject({ crs: 'WGS84', confirm: true })
    expect(body.sourceCrs).toBe('EPSG:4326')
    expect(body.unmapped).toEqual([])
    expect(body.actor).toBe('测试员')
    expect((await call(app(), 'GET', `/api/ledger/imports/${body.id}`)).body).toEqual(body)
  })

  it('names every rejected row with its column and reason, in Chinese and English', async () => {
    const file = buildCsv('台账.csv', [
      ['小区编码', '小区名称', '所属社区', '户数', '经度', '纬度'],
      ['R1', '好小区', '一号社区', '10', 104.05, 30.01],
      ['R2', '坏户数', '一号社区', '十户', 104.05, 30.011],
      ['R3', '无此社区', '九号社区', '10', 104.05, 30.012],
      ['R4', '', '一号社区', '10', 104.05, 30.013],
    ])
    const { body } = await upload(app(), [file], { crs: 'WGS84' })
    expect(body.counts).toMatchObject({ total: 4, new: 1, rejected: 3, noBoundary: 1 })
    const byRow = Object.fromEntries(
      body.rejected.map((r: { rowNumber: number }) => [r.rowNumber, r]),
    )
    expect(byRow[3]).toMatchObject({ column: '户数', field: 'households' })
    expect(byRow[3].zh).toBe("第3行 户数: 不是非负整数 '十户'")
    expect(byRow[3].en).toContain('row 3 户数')
    expect(byRow[4]).toMatchObject({ column: '所属社区', code: 'COMMUNITY_NOT_FOUND' })
    expect(byRow[4].zh).toContain("第4行 所属社区: 找不到社区 '九号社区'")
    expect(byRow[5]).toMatchObject({ column: '小区名称', code: 'VALUE_REQUIRED' })
  })

  it('keeps the boundary of a compound that a point-only source names, and says so', async () => {
    const file = buildCsv('坐标.csv', [
      ['小区编码', '小区名称', '经度', '纬度'],
      ['A', '小区A', 104.0005, 30.0005],
    ])
    const { body } = await upload(app(), [file], { crs: 'WGS84' })
    expect(body.counts).toMatchObject({ unchanged: 1, changed: 0, noBoundary: 1 })
    expect(body.warnings).toEqual([
      expect.objectContaining({ rowNumber: 2, column: '经度/纬度', code: 'POINT_IGNORED' }),
    ])
  })

  it('downloads the rejected rows as a UTF-8 CSV with a BOM and Chinese headers', async () => {
    const file = buildCsv('台账.csv', [
      ['小区编码', '小区名称', '户数'],
      ['A', '小区A', '很多'],
    ])
    const { body } = await upload(app(), [file])
    const res = await app().request(`/api/ledger/imports/${body.id}/rejected.csv`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    expect(res.headers.get('content-disposition')).toContain(`import-${body.id}-rejected.csv`)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.subarray(3)).trim().split('\r\n')
    expect(lines[0]).toBe('行号,列,字段,原因,原因(英文),代码')
    expect(lines[1]).toBe(
      "2,户数,households,第2行 户数: 不是非负整数 '很多',row 2 户数: not a non-negative integer '很多',NOT_NON_NEGATIVE_INTEGER",
    )
  })

  it('reads an XLSX sheet with a WKT column and a title row above the header', async () => {
    const file = await buildXlsx('台账.xlsx', [
      {
        name: '小区',
        rows: [
          ['锦江区老旧小区台账', null, null, null],
          ['小区编码', '小区名称', '所属社区', '边界'],
          [
            'X1',
            '新三',
            '一号社区',
            'POLYGON((104.05 30.02,104.051 30.02,104.051 30.021,104.05 30.02))',
          ],
          ['C', '小区C', '一号社区', null],
        ],
      },
    ])
    const { status, body } = await upload(app(), [file], { crs: 'CGCS2000' })
    expect(status).toBe(201)
    expect(body.format).toBe('xlsx')
    expect(body.counts).toMatchObject({ total: 2, new: 1, unchanged: 1, rejected: 0 })
    expect(body.sourceCrs).toBe('EPSG:4490')
  })

  it('reads a zipped shapefile with GBK field names and values', async () => {
    const parts = buildShapefile('小区边界', {
      geometries: [{ type: 'Polygon', coordinates: [squareCw(104.06, 30.03, 0.001)] }],
      fields: [
        { name: '小区编码', type: 'C', length: 10 },
        { name: '小区名称', type: 'C', length: 20 },
        { name: '所属社区', type: 'C', length: 20 },
        { name: '户数', type: 'N', length: 6 },
      ],
      records: [['S1', '锦华苑', '二号社区', 420]],
      encoding: 'gbk',
      ldid: 0x4d,
    })
    const { status, body } = await upload(app(), [buildZip('边界.zip', parts)], { crs: 'WGS84' })
    expect(status).toBe(201)
    expect(body.format).toBe('shapefile')
    expect(body.counts).toMatchObject({ total: 1, new: 1, rejected: 0 })
    expect(body.preview[0]).toMatchObject({ code: 'S1', action: 'new' })
  })

  it('converts GCJ-02 coordinates to WGS84 when GCJ-02 is chosen', async () => {
    const gcj = [104.07, 30.04]
    const file = buildCsv('高德坐标.csv', [
      ['小区编码', '小区名称', '所属社区', '经度', '纬度'],
      ['G1', '高德小区', '一号社区', gcj[0]!, gcj[1]!],
    ])
    const { body } = await upload(app(), [file], { crs: 'GCJ02' })
    expect(body.sourceCrs).toBe('GCJ02')
    const commit = await call(app(), 'POST', `/api/ledger/imports/${body.id}/commit`)
    expect(commit.status).toBe(200)
    const [row] = await getDb().query<{ lng: number; lat: number; crs: string }>(sql`
      SELECT ST_X(location) AS lng, ST_Y(location) AS lat, source_crs AS crs
      FROM compound WHERE code = 'G1'`)
    const [lng, lat] = gcj02ToWgs84(gcj)
    expect(row!.crs).toBe('GCJ02')
    expect(row!.lng).toBeCloseTo(lng!, 9)
    expect(row!.lat).toBeCloseTo(lat!, 9)
    // GCJ-02 is offset by hundreds of metres in Chengdu: the conversion really moved the point.
    expect(Math.abs(row!.lng - gcj[0]!)).toBeGreaterThan(0.001)
  })

  it('refuses swapped latitude and longitude with a message saying so', async () => {
    const file = buildCsv('颠倒.csv', [
      ['小区编码', '小区名称', '经度', '纬度'],
      ['W1', '颠倒小区', 30.65, 104.06],
      ['W2', '颠倒小区二', 30.66, 104.07],
    ])
    const { status, body } = await upload(app(), [file])
    expect(status).toBe(400)
    expect(body.error.code).toBe('BAD_REQUEST')
    expect(body.error.message).toContain('经纬度看起来颠倒了')
    expect(body.error.details.issue.code).toBe('COORDS_LOOK_SWAPPED')
  })

  it('answers 400 naming the field for an unknown coordinate system', async () => {
    const file = buildCsv('a.csv', [
      ['小区编码', '小区名称'],
      ['A', '小区A'],
    ])
    const { status, body } = await upload(app(), [file], { crs: 'Mars2000' })
    expect(status).toBe(400)
    expect(body.error.message).toContain('crs')
    expect(body.error.message).toContain('无法识别坐标系')
  })

  it('blocks an import whose code column is not mapped, and refuses to commit it', async () => {
    const file = buildCsv('无编码.csv', [
      ['编号X', '小区名称'],
      ['Q1', '某小区'],
    ])
    const { body } = await upload(app(), [file])
    expect(body.blocking.map((b: { code: string }) => b.code)).toEqual(['FIELD_UNMAPPED_REQUIRED'])
    expect(body.unmapped).toEqual(['编号X'])
    const commit = await call(app(), 'POST', `/api/ledger/imports/${body.id}/commit`)
    expect(commit.status).toBe(409)
    expect(commit.body.error.code).toBe('CONFLICT')
  })

  it('saves a column mapping and applies it by name', async () => {
    const saved = await call(
      app(),
      'PUT',
      `/api/ledger/mappings/${encodeURIComponent('房产台账')}`,
      {
        mapping: { 编号X: 'code', 楼盘: 'name', 备注: null },
      },
    )
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({ name: '房产台账', updatedBy: '测试员' })
    const got = await call(app(), 'GET', `/api/ledger/mappings/${encodeURIComponent('房产台账')}`)
    expect(got.body.mapping).toEqual({ 编号X: 'code', 楼盘: 'name', 备注: null })
    const file = buildCsv('房产.csv', [
      ['编号X', '楼盘', '备注', '所属社区', '经度', '纬度'],
      ['M1', '映射小区', '无', '一号社区', 104.08, 30.05],
    ])
    const { body } = await upload(app(), [file], { mappingName: '房产台账' })
    expect(body.mapping).toEqual({ 编号X: 'code', 楼盘: 'name', 备注: null, 所属社区: 'community' })
    expect(body.unmapped).toEqual(['备注'])
    expect(body.counts).toMatchObject({ new: 1, rejected: 0 })
  })

  it('answers 400 naming the column for a mapping to an unknown field', async () => {
    const res = await call(app(), 'PUT', '/api/ledger/mappings/bad', { mapping: { 楼盘: 'title' } })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toContain('mapping.楼盘')
  })

  it('answers 404 for an unknown import', async () => {
    const res = await call(app(), 'GET', '/api/ledger/imports/999999')
    expect(res.status).toBe(404)
  })
})

describeEachDb('ledger upload limit', (getDb) => {
  it('answers 413 with a clear message above the configured limit', async () => {
    const app = ledgerApp(getDb(), 0.001) // 1,048 bytes
    const big = buildCsv('大.csv', [
      ['小区编码', '小区名称'],
      ...Array.from({ length: 200 }, (_, i) => [`C${i}`, `小区${i}`]),
    ])
    const { status, body } = await upload(app, [big])
    expect(status).toBe(413)
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE')
    expect(body.error.message).toContain('上传文件超过 0.001 MB 的上限')
    const [row] = await getDb().query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM ledger_import`,
    )
    expect(row!.n).toBe(0)
  })

  it('accepts an upload under the limit', async () => {
    const app = ledgerApp(getDb(), 1)
    const small = buildCsv('小.csv', [
      ['小区编码', '小区名称'],
      ['C1', '小区1'],
    ])
    expect((await upload(app, [small])).status).toBe(201)
  })
})
