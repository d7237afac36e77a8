import type { Geometry } from 'geojson'
import { describe, expect, it } from 'vitest'
import { suggestMapping } from './mapping.ts'
import { readCsv } from './read-csv.ts'
import { readGeoJson } from './read-geojson.ts'
import { readXlsx } from './read-xlsx.ts'
import { toCompoundRecords } from './records.ts'
import { convertTable } from './reproject.ts'
import { buildCsv, buildGeoJson, buildXlsx } from './test-fixtures.ts'
import type { ImportTable } from './types.ts'

const fromCsv = (rows: (string | number | null)[][]) => {
  const f = buildCsv('台账.csv', rows)
  return readCsv(f.name, f.data)
}
const records = (table: ImportTable, options = {}) =>
  toCompoundRecords(convertTable(table, 'WGS84'), suggestMapping(table.columns).mapping, options)
const one = (header: string, value: string | number) =>
  records(
    fromCsv([
      ['编码', '名称', header],
      ['C1', '锦苑', value],
    ]),
  )

describe('toCompoundRecords: values', () => {
  it('types a clean ledger row', () => {
    const r = records(
      fromCsv([
        [
          '小区编码',
          '小区名称',
          '所属社区',
          '建成年代',
          '户数',
          '常住人口',
          '党员数',
          '老年人占比',
          '物业管理',
          '改造状态',
          '自治组织',
        ],
        [
          'C1',
          '玉林北路小区',
          '510107001001',
          '1998',
          '500户',
          '1,200',
          '12',
          '35%',
          '街道兜底',
          '改造中',
          '院委会、议事会',
        ],
      ]),
    )
    expect(r.rejected).toEqual([])
    expect(r.records[0]!.fields).toEqual({
      code: 'C1',
      name: '玉林北路小区',
      community: '510107001001',
      year_built: 1998,
      households: 500,
      residents: 1200,
      members_full: 12,
      elderly_share: 0.35,
      property_mgmt: 'street',
      renovation_status: 'in_progress',
      self_governance: ['residents_committee', 'council'],
    })
  })

  it('rejects a non-integer count naming the row and column in Chinese and English', () => {
    const r = records(
      fromCsv([
        ['编码', '名称', '户数'],
        ...Array.from({ length: 10 }, (_, i) => [`C${i}`, 'x', 1]),
        ['C99', '锦苑', 'abc'],
      ]),
    )
    expect(r.rejected).toHaveLength(1)
    expect(r.rejected[0]).toMatchObject({
      rowNumber: 12,
      column: '户数',
      field: 'households',
      code: 'NOT_NON_NEGATIVE_INTEGER',
    })
    expect(r.rejected[0]!.zh).toBe("第12行 户数: 不是非负整数 'abc'")
    expect(r.rejected[0]!.en).toBe("row 12 户数: not a non-negative integer 'abc'")
    expect(r.records).toHaveLength(10)
  })

  it('reads years as 1998, 1998年 and 2012年建造, and a decade with a repair note', () => {
    expect(one('建成年代', '1998').records[0]!.fields.year_built).toBe(1998)
    expect(one('建成年代', '1998年').records[0]!.fields.year_built).toBe(1998)
    expect(one('建成年代', '2012年建造').records[0]!.fields.year_built).toBe(2012)
    const decade = one('建成年代', '1990年代')
    expect(decade.records[0]!.fields.year_built).toBe(1990)
    expect(decade.repaired[0]).toMatchObject({
      code: 'YEAR_FROM_DECADE',
      rowNumber: 2,
      column: '建成年代',
    })
    expect(one('建成年代', '80年代').records[0]!.fields.year_built).toBe(1980)
  })

  it('rejects years that are not years or out of range', () => {
    expect(one('建成年代', '很久以前').rejected[0]!.code).toBe('NOT_A_YEAR')
    expect(one('建成年代', '1850').rejected[0]).toMatchObject({
      code: 'OUT_OF_RANGE',
      params: { detail: '>= 1900' },
    })
  })

  it('reads shares as 0.35, 35% and (with a note) 35', () => {
    expect(one('老年人占比', '0.35').records[0]!.fields.elderly_share).toBe(0.35)
    expect(one('老年人占比', '35%').records[0]!.fields.elderly_share).toBe(0.35)
    const bare = one('老年人占比', '35')
    expect(bare.records[0]!.fields.elderly_share).toBe(0.35)
    expect(bare.repaired[0]!.code).toBe('SHARE_FROM_PERCENT')
    expect(one('老年人占比', '135%').rejected[0]!.code).toBe('NOT_A_SHARE')
  })

  it('maps every Chinese property management value to its code', () => {
    const codes = ['专业物业', '自管', '无物业', '街道兜底', '信托制'].map(
      (v) => one('物业管理', v).records[0]!.fields.property_mgmt,
    )
    expect(codes).toEqual(['professional', 'self', 'none', 'street', 'trust'])
  })

  it('rejects an unknown coded value listing the allowed ones', () => {
    const r = one('物业管理', '物管会')
    expect(r.rejected[0]).toMatchObject({ code: 'UNKNOWN_VALUE' })
    expect(r.rejected[0]!.zh).toContain('专业物业、自管、无物业、街道兜底、信托制')
  })

  it('reads 万 and area units', () => {
    expect(one('常住人口', '1.2万').records[0]!.fields.residents).toBe(12000)
    expect(one('占地面积', '1,200㎡').records[0]!.fields.site_area_m2).toBe(1200)
  })

  it('treats empty cells, dashes and empty arrays as no value', () => {
    expect(one('户数', '-').records[0]!.fields.households).toBeNull()
  })

  it('rejects a row missing a required field, naming the column', () => {
    const r = records(
      fromCsv([
        ['编码', '名称'],
        ['C1', ''],
      ]),
    )
    expect(r.rejected[0]).toMatchObject({ rowNumber: 2, column: '名称', code: 'VALUE_REQUIRED' })
  })

  it('rejects a repeated code, naming the first row', () => {
    const r = records(
      fromCsv([
        ['编码', '名称'],
        ['C1', 'a'],
        ['C1', 'b'],
      ]),
    )
    expect(r.records).toHaveLength(1)
    expect(r.rejected[0]).toMatchObject({
      rowNumber: 3,
      code: 'DUPLICATE_CODE',
      params: { firstRow: 2 },
    })
  })

  it('blocks the import when no column is mapped to the code', () => {
    const r = records(fromCsv([['名称'], ['a']]))
    expect(r.blocking.map((b) => b.code)).toEqual(['FIELD_UNMAPPED_REQUIRED'])
    expect(r.records).toEqual([])
  })

  it('keeps typed XLSX cells typed', async () => {
    const f = await buildXlsx('t.xlsx', [
      {
        name: 'S',
        rows: [
          ['编码', '名称', '户数', '建成年代'],
          [510104, '锦苑', 500, new Date(Date.UTC(1998, 5, 1))],
        ],
      },
    ])
    const r = records(await readXlsx(f.name, f.data))
    expect(r.records[0]!.fields).toMatchObject({
      code: '510104',
      households: 500,
      year_built: 1998,
    })
  })
})

describe('toCompoundRecords: geometry', () => {
  const square: Geometry = {
    type: 'Polygon',
    coordinates: [
      [
        [104, 30],
        [104.001, 30],
        [104.001, 30.001],
        [104, 30.001],
      ],
    ],
  }
  const table = (geometries: (Geometry | null)[]) => {
    const f = buildGeoJson(
      'g.geojson',
      geometries.map((geometry, i) => ({
        properties: { 编码: `C${i}`, 名称: `小区${i}` },
        geometry,
      })),
    )
    return readGeoJson(f.name, f.data)
  }

  it('normalises a polygon to a MultiPolygon and notes the ring it closed', () => {
    const r = records(table([square]))
    expect(r.records[0]).toMatchObject({
      geometryKind: 'polygon',
      noBoundary: false,
      location: null,
      boundary: { type: 'MultiPolygon' },
    })
    expect(r.repaired[0]).toMatchObject({ code: 'RING_CLOSED', rowNumber: 1 })
  })

  it('accepts a point flagged as having no boundary', () => {
    const r = records(table([{ type: 'Point', coordinates: [104, 30] }]))
    expect(r.records[0]).toMatchObject({
      geometryKind: 'point',
      noBoundary: true,
      boundary: null,
      location: { type: 'Point' },
    })
  })

  it('rejects lines and empty geometry with the row named', () => {
    const r = records(
      table([
        {
          type: 'LineString',
          coordinates: [
            [104, 30],
            [104.01, 30],
          ],
        },
        null,
      ]),
    )
    expect(r.rejected.map((x) => [x.rowNumber, x.code])).toEqual([
      [1, 'GEOMETRY_NOT_POLYGON'],
      [2, 'GEOMETRY_EMPTY'],
    ])
    expect(r.rejected[0]!.zh).toContain('第1行')
  })

  it('warns about a self-intersecting polygon but keeps it for ST_MakeValid', () => {
    const r = records(
      table([
        {
          type: 'Polygon',
          coordinates: [
            [
              [104, 30],
              [104.001, 30.001],
              [104.001, 30],
              [104, 30.001],
              [104, 30],
            ],
          ],
        },
      ]),
    )
    expect(r.records).toHaveLength(1)
    expect(r.warnings[0]!.code).toBe('GEOMETRY_SELF_INTERSECTS')
  })

  it('lets spreadsheet rows without coordinates through for joining by code', () => {
    const r = records(
      fromCsv([
        ['编码', '名称', 'lng', 'lat'],
        ['C1', 'a', '', ''],
        ['C2', 'b', '104.06', '30.65'],
      ]),
    )
    expect(r.records.map((x) => x.geometryKind)).toEqual(['none', 'point'])
  })

  it('rejects the rows a conversion flagged', () => {
    const r = records(
      fromCsv([
        ['编码', '名称', 'lng', 'lat'],
        ['C1', 'a', '104.06', '30.65'],
        ['C2', 'b', '104.07', '30.66'],
        ['C3', 'c', '0', '0'],
      ]),
    )
    expect(r.rejected[0]).toMatchObject({
      rowNumber: 4,
      code: 'ROW_OUTSIDE_CHINA',
      column: 'lng/lat',
    })
  })
})
