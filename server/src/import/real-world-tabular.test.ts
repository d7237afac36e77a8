// The real-world CSV files and the Baidu string of ../shared/data/real-world (see its INDEX.md).
import type { Polygon, Position } from 'geojson'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extentOf } from './coords.ts'
import { ImportError } from './messages.ts'
import { readImport } from './read-import.ts'
import { toCompoundRecords } from './records.ts'
import { convertTable } from './reproject.ts'
import { realFile, REAL_WORLD } from './test-fixtures.ts'
import type { ImportTable, SourceCrs } from './types.ts'

const refusal = (table: ImportTable, crs: SourceCrs) => {
  try {
    convertTable(table, crs)
  } catch (err) {
    if (err instanceof ImportError) return err.issue
    throw err
  }
  throw new Error('expected a refusal')
}

const metres = (p: Position, q: Position) => {
  const k = Math.PI / 180
  return Math.hypot((p[0]! - q[0]!) * Math.cos(p[1]! * k), p[1]! - q[1]!) * k * 6371008.8
}

describe('chengdu-streets-list-areacity (UTF-8 BOM CSV, no geometry)', () => {
  it('reads 282 rows under a clean first header, with no geometry', async () => {
    const t = await readImport([
      realFile('chengdu-streets-list-areacity/ok_data_level4_chengdu_510100.csv'),
    ])
    expect(t.rows).toHaveLength(282)
    expect(t.columns).toEqual([
      'id',
      'pid',
      'deep',
      'name',
      'pinyin_prefix',
      'pinyin',
      'ext_id',
      'ext_name',
    ])
    expect(t.warnings.find((w) => w.code === 'ENCODING_CHOSEN')!.params.reasonEn).toContain(
      'byte-order mark',
    )
    expect(t.geometrySource).toEqual({ kind: 'none' })
    expect(t.rows.find((r) => r.fields.ext_id === '510104003000')?.fields.ext_name).toBe(
      '春熙路街道',
    )
  })
})

describe('chengdu-lianjia-listings-geocoded (GCJ-02 lon/lat in 经度/纬度, undeclared)', () => {
  it('finds the coordinate columns, asks to confirm the system, and converts GCJ-02 into Chengdu', async () => {
    const t = await readImport([
      realFile('chengdu-lianjia-listings-geocoded/chengdu_lianjia_listings_sample.csv'),
    ])
    expect(t.rows).toHaveLength(121)
    expect(t.geometrySource).toEqual({ kind: 'lonlat', lon: '经度', lat: '纬度' })
    expect(t.sourceCrs).toMatchObject({
      crs: 'WGS84',
      confirm: true,
      alternatives: expect.arrayContaining(['GCJ02']),
    })
    const c = convertTable(t, 'GCJ02')
    expect(c.rowIssues).toEqual([])
    const [w, s, e, n] = extentOf(c.rows.map((r) => r.geometry))!
    expect([w > 103.5, e < 104.8, s > 30.2, n < 31]).toEqual([true, true, true, true])
  })

  it('imports the listings as point compounds once the user maps 地址 (the compound name) to name', async () => {
    const t = await readImport([
      realFile('chengdu-lianjia-listings-geocoded/chengdu_lianjia_listings_sample.csv'),
    ])
    const r = toCompoundRecords(convertTable(t, 'GCJ02'), {
      地址: 'name',
      标题: 'code',
      区域: 'district',
    })
    expect(r.records.length).toBe(121)
    expect(r.records.every((x) => x.geometryKind === 'point')).toBe(true)
  })
})

describe('chengdu-anjuke-listings-buildyear-geocoded (build_year like 2012年建造)', () => {
  const file = () =>
    realFile('chengdu-anjuke-listings-buildyear-geocoded/chengdu_anjuke_wuhou_sample.csv')

  it('reads 建成年代 values, the empty one as null, and keeps quoted commas', async () => {
    const t = await readImport([file()])
    expect(t.rows).toHaveLength(19)
    expect(t.rows[2]!.fields.street).toBe('玉林一巷9号,人民南路四段12号')
    const r = toCompoundRecords(convertTable(t, 'GCJ02'), {
      id: 'code',
      community: 'name',
      build_year: 'year_built',
    })
    expect(r.rejected).toEqual([])
    expect(r.records[0]!.fields.year_built).toBe(2012)
    expect(r.records.find((x) => x.fields.code === '16')!.fields.year_built).toBeNull()
  })

  it('refuses the same file with lng and lat swapped, saying they look swapped', async () => {
    const text = readFileSync(
      REAL_WORLD + 'chengdu-anjuke-listings-buildyear-geocoded/chengdu_anjuke_wuhou_sample.csv',
      'utf8',
    )
    const swapped = text.replace(/,lng,lat\r?\n/, ',lat,lng\n')
    const t = await readImport([{ name: 'swapped.csv', data: new TextEncoder().encode(swapped) }])
    const i = refusal(t, 'GCJ02')
    expect(i.code).toBe('COORDS_LOOK_SWAPPED')
    expect(i.zh).toContain('经纬度看起来颠倒了')
    expect(i.en).toContain('swapped')
  })
})

describe('baidu-aoi-bd09mc-sample (Baidu geo string in BD-09 Mercator metres)', () => {
  const expected = () =>
    (
      JSON.parse(
        readFileSync(REAL_WORLD + 'baidu-aoi-bd09mc-sample/parsed_output_wgs84.geojson', 'utf8'),
      ) as { features: { geometry: Polygon }[] }
    ).features[0]!.geometry.coordinates[0]!

  it('guesses BD-09MC and converts to the parsed WGS84 polygon within 3 m', async () => {
    const t = await readImport([realFile('baidu-aoi-bd09mc-sample/baidu_geo_string_bd09mc.txt')])
    expect(t.sourceCrs).toMatchObject({ crs: 'BD09MC', basis: 'magnitude' })
    const ring = (convertTable(t, 'BD09MC').rows[0]!.geometry as Polygon).coordinates[0]!
    const want = expected()
    expect(ring).toHaveLength(want.length)
    // Upstream used one-step approximations for BD-09→GCJ-02→WGS84; ours are exact inverses.
    const worst = Math.max(...ring.map((p, i) => metres(p, want[i]!)))
    expect(worst).toBeLessThan(3)
  })

  it('refuses the Mercator metres when declared as WGS84, suggesting BD-09MC', async () => {
    const t = await readImport([realFile('baidu-aoi-bd09mc-sample/baidu_geo_string_bd09mc.txt')])
    const i = refusal(t, 'WGS84')
    expect(i.code).toBe('COORDS_LOOK_PROJECTED')
    expect(i.zh).toContain('BD-09MC')
  })
})
