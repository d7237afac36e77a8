// The real-world GeoJSON and shapefiles of ../shared/data/real-world (see its INDEX.md): each
// imports, or is refused with a clear message.
import { booleanPointInPolygon } from '@turf/turf'
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson'
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { wgs84ToGcj02 } from './china-offsets.ts'
import { extentOf } from './coords.ts'
import { ImportError } from './messages.ts'
import { readImport } from './read-import.ts'
import { toCompoundRecords } from './records.ts'
import { convertTable } from './reproject.ts'
import { realFile, REAL_WORLD } from './test-fixtures.ts'
import type { ImportTable, SourceCrs } from './types.ts'

const layer = (dir: string, exts = ['.shp', '.shx', '.dbf', '.prj', '.cpg']) =>
  readdirSync(REAL_WORLD + dir)
    .filter((n) => exts.some((e) => n.toLowerCase().endsWith(e)))
    .map((n) => realFile(`${dir}/${n}`))

const refusal = (table: ImportTable, crs: SourceCrs) => {
  try {
    convertTable(table, crs)
  } catch (err) {
    if (err instanceof ImportError) return err.issue
    throw err
  }
  throw new Error('expected a refusal')
}

const TIANFU = [104.0657, 30.6574]
const districtAt = (t: ImportTable, p: Position) =>
  t.rows.find((r) => booleanPointInPolygon(p, r.geometry as MultiPolygon))?.fields.name

describe('chengdu-districts-datav (GCJ-02 GeoJSON, undeclared)', () => {
  const file = realFile('chengdu-districts-datav/510100_full.json')

  it('reads 20 districts and guesses GCJ-02 from the DataV fields, asking to confirm', async () => {
    const t = await readImport([file])
    expect(t.rows).toHaveLength(20)
    expect(t.rows.every((r) => r.geometry?.type === 'MultiPolygon')).toBe(true)
    expect(t.sourceCrs).toMatchObject({ crs: 'GCJ02', basis: 'field-hint', confirm: true })
  })

  it('puts Tianfu Square in 锦江区 once converted, and in 青羊区 when GCJ-02 is mistaken for WGS84', async () => {
    const t = await readImport([file])
    expect(districtAt(convertTable(t, 'GCJ02'), TIANFU)).toBe('锦江区')
    expect(districtAt(convertTable(t, 'WGS84'), TIANFU)).toBe('青羊区')
  })

  it('reads and converts every per-district file and the Sichuan file', async () => {
    const files = [
      ...readdirSync(REAL_WORLD + 'chengdu-districts-datav/county').map((n) =>
        realFile(`chengdu-districts-datav/county/${n}`),
      ),
      realFile('chengdu-districts-datav/510000_sichuan_full.json'),
    ]
    for (const f of files) {
      const c = convertTable(await readImport([f]), 'GCJ02')
      expect(c.rowIssues, f.name).toEqual([])
    }
  })
})

describe('chengdu-districts-amap-shp (Chinese file name, UTF-8 DBF with LDID 0, no .cpg, no .prj)', () => {
  const files = layer('chengdu-districts-amap-shp')

  it('decodes UTF-8 names from the bytes and says why', async () => {
    const t = await readImport(files)
    expect(t.name).toBe('成都市')
    expect(t.encoding).toBe('utf-8')
    expect(t.rows[0]!.fields).toMatchObject({
      name: '彭州市',
      adcode: '510182',
      cnname: '中华人民共和国',
    })
    expect(t.warnings.find((w) => w.code === 'ENCODING_CHOSEN')!.zh).toContain('有效的 UTF-8')
  })

  it('guesses GCJ-02 from the Amap fields but asks to confirm, as nothing is declared', async () => {
    expect((await readImport(files)).sourceCrs).toMatchObject({
      crs: 'GCJ02',
      basis: 'field-hint',
      confirm: true,
    })
  })

  it('joins DataV by adcode except the 2020 新津县/新津区 change', async () => {
    const amap = new Set((await readImport(files)).rows.map((r) => String(r.fields.adcode)))
    const datav = new Set(
      (await readImport([realFile('chengdu-districts-datav/510100_full.json')])).rows.map((r) =>
        String(r.fields.adcode),
      ),
    )
    expect([...amap].filter((a) => !datav.has(a))).toEqual(['510132'])
    expect([...datav].filter((a) => !amap.has(a))).toEqual(['510118'])
  })

  it('becomes 20 records, multipart districts as MultiPolygons', async () => {
    const c = convertTable(await readImport(files), 'GCJ02')
    const r = toCompoundRecords(c, { name: 'name', adcode: 'code' })
    expect(r.rejected).toEqual([])
    expect(r.records).toHaveLength(20)
    const multipart = r.records
      .filter((x) => x.boundary!.coordinates.length > 1)
      .map((x) => x.fields.name)
    expect(multipart.sort()).toEqual(['双流区', '简阳市', '金牛区'])
  })
})

describe('xiamen-residential-aoi-amap (same outlines as GCJ-02 GeoJSON and WGS84 shapefile)', () => {
  const gcj = realFile('xiamen-residential-aoi-amap/厦门市商务住宅边界_gcj02.json')
  const shp = layer('xiamen-residential-aoi-amap')

  it('guesses GCJ-02 from the GeoJSON name and reads WGS84 from the shapefile .prj and .cpg', async () => {
    expect((await readImport([gcj])).sourceCrs).toMatchObject({ crs: 'GCJ02', basis: 'name-hint' })
    const s = await readImport(shp)
    expect(s.sourceCrs).toMatchObject({ crs: 'WGS84', basis: 'declared', confirm: false })
    expect(s.encoding).toBe('utf-8')
    expect(s.warnings.find((w) => w.code === 'ENCODING_CHOSEN')!.zh).toContain('.cpg')
  })

  it('converts the GCJ-02 copy to within 3 m of the WGS84 copy, vertex for vertex', async () => {
    const a = convertTable(await readImport([gcj]), 'GCJ02')
    const b = convertTable(await readImport(shp), 'WGS84')
    expect(a.rows.map((r) => r.fields.id)).toEqual(b.rows.map((r) => r.fields.id))
    const k = Math.PI / 180
    const m = (p: Position, q: Position) =>
      Math.hypot((p[0]! - q[0]!) * Math.cos(p[1]! * k), p[1]! - q[1]!) * k * 6371008.8
    let worst = 0
    a.rows.forEach((r, i) => {
      // 52 of the 107 shapefile rings run the other way: compare each vertex with its nearest.
      const theirs = (b.rows[i]!.geometry as Polygon).coordinates[0]!
      for (const p of (r.geometry as Polygon).coordinates[0]!)
        worst = Math.max(worst, Math.min(...theirs.map((q) => m(p, q))))
    })
    // The shapefile was made with the one-step approximation (about 1–2 m off); ours is exact.
    expect(worst).toBeLessThan(3)
  })

  it('explains the gap: the shapefile is the one-step approximation of the GeoJSON, to the centimetre', async () => {
    const g = await readImport([gcj])
    const b = await readImport(shp)
    const k = Math.PI / 180
    let worst = 0
    g.rows.forEach((r, i) => {
      const theirs = (b.rows[i]!.geometry as Polygon).coordinates[0]!
      for (const p of (r.geometry as Polygon).coordinates[0]!) {
        const f = wgs84ToGcj02(p)
        const oneStep = [2 * p[0]! - f[0], 2 * p[1]! - f[1]]
        const d = Math.min(
          ...theirs.map((q) =>
            Math.hypot((oneStep[0]! - q[0]!) * Math.cos(q[1]! * k), oneStep[1]! - q[1]!),
          ),
        )
        worst = Math.max(worst, d * k * 6371008.8)
      }
    })
    expect(worst).toBeLessThan(0.01)
  })

  it('rejects the 8 repeated AOI ids as duplicate codes', async () => {
    const r = toCompoundRecords(convertTable(await readImport([gcj]), 'GCJ02'), {
      id: 'code',
      name: 'name',
    })
    expect(r.records).toHaveLength(99)
    expect(r.rejected.filter((x) => x.code === 'DUPLICATE_CODE')).toHaveLength(8)
  })

  it('takes the 4540 POIs as points without boundary, Amap empty-array addresses as empty, repeated ids rejected', async () => {
    const t = await readImport([
      realFile('xiamen-residential-aoi-amap/厦门市商务住宅POI_gcj02.json'),
    ])
    const r = toCompoundRecords(convertTable(t, 'GCJ02'), {
      id: 'code',
      name: 'name',
      address: 'address',
    })
    expect(t.rows).toHaveLength(4540)
    expect(r.records.every((x) => x.noBoundary && x.geometryKind === 'point')).toBe(true)
    // The POI file repeats 47 ids: those rows are the only rejections.
    expect(r.records.length + r.rejected.length).toBe(4540)
    expect(new Set(r.rejected.map((x) => x.code))).toEqual(new Set(['DUPLICATE_CODE']))
    const emptyAddress = new Set(
      t.rows.filter((x) => Array.isArray(x.fields.address)).map((x) => x.rowNumber),
    )
    expect(emptyAddress.size).toBe(253)
    for (const x of r.records) expect(x.fields.address === null).toBe(emptyAddress.has(x.rowNumber))
  })
})

describe('shanghai-wuhan-osm-nextzen (WGS84 OSM, tile-clipped pieces)', () => {
  it('reads the residential landuse and rejects repeated OSM ids and unnamed pieces', async () => {
    const t = await readImport([
      realFile('shanghai-wuhan-osm-nextzen/shanghai_landuse_residential.geojson'),
    ])
    expect(t.sourceCrs).toMatchObject({ crs: 'WGS84', basis: 'magnitude', confirm: true })
    const r = toCompoundRecords(convertTable(t, 'WGS84'), { id: 'code', name: 'name' })
    expect(r.records.length + new Set(r.rejected.map((x) => x.rowNumber)).size).toBe(37)
    expect(r.rejected.some((x) => x.code === 'DUPLICATE_CODE')).toBe(true)
    expect(r.rejected.some((x) => x.code === 'VALUE_REQUIRED' && x.field === 'name')).toBe(true)
    expect(r.records.map((x) => x.fields.name)).toContain('上港小区')
  })

  it('reads the building footprints of both cities', async () => {
    for (const [file, n] of [
      ['shanghai_buildings.geojson', 1572],
      ['wuhan_buildings.geojson', 265],
    ] as const) {
      const c = convertTable(
        await readImport([realFile(`shanghai-wuhan-osm-nextzen/${file}`)]),
        'WGS84',
      )
      expect(c.rows).toHaveLength(n)
      expect(c.rowIssues).toEqual([])
    }
  })
})

describe('gbk-shapefile-points-cgcs2000 (GBK via LDID 0x4D, CGCS2000 GK CM 123°E)', () => {
  const files = layer('gbk-shapefile-points-cgcs2000')

  it('decodes the GBK field names and values', async () => {
    const t = await readImport(files)
    expect(t.encoding).toBe('gbk')
    expect(t.columns).toEqual(['井号', 'x', 'y', 'B', 'L', '所属水'])
    expect(t.rows[0]!.fields).toMatchObject({ 井号: '测试', 所属水: '测试水源' })
  })

  it('reads the .prj as EPSG:4550 and lands in Liaoning after reprojection', async () => {
    const t = await readImport(files)
    expect(t.sourceCrs).toMatchObject({ crs: 'EPSG:4550', basis: 'declared' })
    const c = convertTable(t, t.sourceCrs.crs)
    const [w, s, e, n] = extentOf(c.rows.map((r) => r.geometry))!
    expect(w).toBeCloseTo(122.1187, 3)
    expect(e).toBeCloseTo(123.772, 3)
    expect(s).toBeCloseTo(42.3338, 3)
    expect(n).toBeCloseTo(42.8945, 3)
    const r = toCompoundRecords(c, { 井号: 'name', 所属水: 'code' }, { requiredFields: ['name'] })
    expect(r.records.every((x) => x.noBoundary)).toBe(true)
  })

  it('refuses the metres when declared as WGS84, suggesting the .prj zone', async () => {
    const i = refusal(await readImport(files), 'WGS84')
    expect(i.code).toBe('COORDS_LOOK_PROJECTED')
    expect(i.zh).toContain('EPSG:4550')
  })
})

describe('gbk-shapefile-polygons-corrupted-names (truncated GBK names, LDID 0, no .cpg)', () => {
  it('reads all 55 polygons, decodes what it can as GBK and warns about the truncated names', async () => {
    const t = await readImport(layer('gbk-shapefile-polygons-corrupted-names'))
    expect(t.rows).toHaveLength(55)
    expect(t.encoding).toBe('gbk')
    expect(t.rows[0]!.fields.NAME99).toBe('水')
    expect(t.warnings.some((w) => w.code === 'ENCODING_GARBLED')).toBe(true)
    const c = convertTable(t, t.sourceCrs.crs)
    const [w, s, e, n] = extentOf(c.rows.map((r) => r.geometry))!
    expect([w, s, e, n].map((v) => Math.round(v))).toEqual([110, 34, 114, 36])
  })
})

describe('taiwan-tainan-villages-big5-shp (Big5 via LDID 0x4F, TWD97 TM2)', () => {
  it('decodes Big5 names from the zip', async () => {
    const t = await readImport([realFile('taiwan-tainan-villages-big5-shp/10tnvillage.zip')])
    expect(t.rows).toHaveLength(752)
    expect(t.encoding).toBe('big5')
    expect(t.rows[0]!.fields).toMatchObject({ VILLAGE: '內角里', TOWN: '白河區', COUNTY: '臺南市' })
  })

  it('reads the extracted files the same as the zip', async () => {
    const zip = await readImport([realFile('taiwan-tainan-villages-big5-shp/10tnvillage.zip')])
    const loose = await readImport(layer('taiwan-tainan-villages-big5-shp/extracted'))
    expect(loose.rows).toEqual(zip.rows)
  })

  it('reprojects TWD97 TM2 (EPSG:3826) into Tainan, inside the China bounding box', async () => {
    const t = await readImport([realFile('taiwan-tainan-villages-big5-shp/10tnvillage.zip')])
    expect(t.sourceCrs).toMatchObject({ crs: 'EPSG:3826', basis: 'declared' })
    const c = convertTable(t, t.sourceCrs.crs)
    expect(c.rowIssues).toEqual([])
    const [w, s, e, n] = extentOf(c.rows.map((r) => r.geometry as Geometry))!
    expect(w).toBeGreaterThan(120)
    expect(e).toBeLessThan(120.7)
    expect(s).toBeGreaterThan(22.8)
    expect(n).toBeLessThan(23.5)
  })
})
