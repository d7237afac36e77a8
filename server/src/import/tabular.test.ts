import { describe, expect, it } from 'vitest'
import { parseCsv, sniffDelimiter } from './csv.ts'
import { ImportError } from './messages.ts'
import { readCsv } from './read-csv.ts'
import { readImport } from './read-import.ts'
import { readXlsx } from './read-xlsx.ts'
import { buildCsv, buildXlsx, buildZip } from './test-fixtures.ts'

describe('parseCsv', () => {
  it('keeps quoted commas, quotes and newlines inside a cell', () => {
    expect(parseCsv('a,b\r\n"玉林一巷9号,人民南路四段12号","say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['玉林一巷9号,人民南路四段12号', 'say "hi"\nthere'],
    ])
  })

  it('sniffs tab and semicolon delimiters', () => {
    expect(sniffDelimiter('名称\t户数\n')).toBe('\t')
    expect(sniffDelimiter('名称;户数;"a,b"\n')).toBe(';')
  })
})

describe('readCsv', () => {
  it('reads UTF-8 with a BOM, reporting why', () => {
    const f = buildCsv(
      't.csv',
      [
        ['名称', '户数'],
        ['锦苑', 500],
      ],
      { bom: true },
    )
    const t = readCsv(f.name, f.data)
    expect(t.columns).toEqual(['名称', '户数'])
    expect(t.encoding).toBe('utf-8')
    expect(t.warnings.find((w) => w.code === 'ENCODING_CHOSEN')?.params.reasonEn).toContain(
      'byte-order mark',
    )
  })

  it('falls back to GBK when the bytes are not UTF-8', () => {
    const f = buildCsv(
      't.csv',
      [
        ['小区名称', '所属社区'],
        ['玉林北路小区', '玉林社区'],
      ],
      { encoding: 'gbk' },
    )
    const t = readCsv(f.name, f.data)
    expect(t.encoding).toBe('gbk')
    expect(t.rows[0]!.fields).toEqual({ 小区名称: '玉林北路小区', 所属社区: '玉林社区' })
  })

  it('uses the encoding the user names', () => {
    const f = buildCsv('t.csv', [['名稱'], ['內角里']], { encoding: 'big5' })
    expect(readCsv(f.name, f.data, { encoding: 'big5' }).rows[0]!.fields['名稱']).toBe('內角里')
  })

  it('skips a title row above the header and numbers rows as the spreadsheet does', () => {
    const f = buildCsv('t.csv', [
      ['玉林社区老旧小区台账', null, null],
      ['名称', '编码', '户数'],
      ['锦苑', 'C1', 500],
      [null, null, null],
      ['东苑', 'C2', 80],
    ])
    const t = readCsv(f.name, f.data)
    expect(t.columns).toEqual(['名称', '编码', '户数'])
    expect(t.rows.map((r) => r.rowNumber)).toEqual([3, 5])
    expect(t.warnings.some((w) => w.code === 'HEADER_ROW_DETECTED')).toBe(true)
  })

  it('renames empty and repeated headers', () => {
    const f = buildCsv('t.csv', [
      ['名称', '', '名称'],
      ['a', 'b', 'c'],
    ])
    expect(readCsv(f.name, f.data).columns).toEqual(['名称', '列2', '名称_2'])
  })

  it('finds lon/lat columns by Chinese and English names', () => {
    const a = buildCsv('t.csv', [
      ['名称', '经度', '纬度'],
      ['a', '104.06', '30.65'],
    ])
    expect(readCsv(a.name, a.data).geometrySource).toEqual({
      kind: 'lonlat',
      lon: '经度',
      lat: '纬度',
    })
    const b = buildCsv('t.csv', [
      ['name', 'gcj_lng', 'gcj_lat'],
      ['a', '104.06', '30.65'],
    ])
    const t = readCsv(b.name, b.data)
    expect(t.geometrySource).toEqual({ kind: 'lonlat', lon: 'gcj_lng', lat: 'gcj_lat' })
    expect(t.sourceCrs).toMatchObject({ crs: 'GCJ02', basis: 'name-hint' })
  })

  it('reads a WKT column and an EWKT SRID', () => {
    const f = buildCsv('t.csv', [
      ['编码', 'geom'],
      ['A', 'SRID=4490;POLYGON((104 30,104.01 30,104.01 30.01,104 30))'],
      ['B', 'POINT(104 30'],
    ])
    const t = readCsv(f.name, f.data)
    expect(t.geometrySource).toEqual({ kind: 'wkt', column: 'geom' })
    expect(t.rows[0]!.geometry?.type).toBe('Polygon')
    expect(t.sourceCrs).toMatchObject({ crs: 'CGCS2000', basis: 'declared' })
    expect(t.rows[1]!.geometryIssue?.code).toBe('GEOMETRY_PARSE_FAILED')
  })

  it('reads a single "lng,lat" column', () => {
    const f = buildCsv('t.csv', [
      ['名称', '坐标'],
      ['a', '104.06,30.65'],
    ])
    const t = readCsv(f.name, f.data)
    expect(t.geometrySource).toEqual({ kind: 'pair', column: '坐标' })
    expect(t.rows[0]!.geometry).toEqual({ type: 'Point', coordinates: [104.06, 30.65] })
  })

  it('returns null geometry when there are no coordinates, for joining by code', () => {
    const f = buildCsv('t.csv', [
      ['小区编码', '户数'],
      ['C1', '500'],
    ])
    const t = readCsv(f.name, f.data)
    expect(t.geometrySource).toEqual({ kind: 'none' })
    expect(t.rows[0]!.geometry).toBeNull()
  })

  it('flags non-numeric coordinates on the row', () => {
    const f = buildCsv('t.csv', [
      ['名称', 'lng', 'lat'],
      ['a', 'east', '30.6'],
      ['b', '', ''],
    ])
    const t = readCsv(f.name, f.data)
    expect(t.rows[0]!.geometryIssue?.code).toBe('GEOMETRY_BAD_COORDINATES')
    expect(t.rows[1]!.geometry).toBeNull()
    expect(t.rows[1]!.geometryIssue).toBeUndefined()
  })
})

describe('readXlsx', () => {
  it('reads the first sheet with typed cells and lists the others', async () => {
    const f = await buildXlsx('台账.xlsx', [
      {
        name: '台账',
        rows: [
          ['名称', '户数', '建成年代'],
          ['锦苑', 500, new Date(Date.UTC(1998, 0, 1))],
        ],
      },
      { name: '说明', rows: [['x']] },
    ])
    const t = await readXlsx(f.name, f.data)
    expect(t.rows[0]!.fields['户数']).toBe(500)
    expect(t.rows[0]!.fields['建成年代']).toBeInstanceOf(Date)
    expect(t.alternatives).toEqual(['说明'])
  })

  it('reads a named sheet and finds its header under a title row', async () => {
    const f = await buildXlsx('台账.xlsx', [
      { name: '封面', rows: [['x']] },
      { name: '小区', rows: [['武侯区老旧小区台账'], ['小区名称', '小区编码'], ['东苑', 'C2']] },
    ])
    const t = await readXlsx(f.name, f.data, { sheet: '小区' })
    expect(t.columns).toEqual(['小区名称', '小区编码'])
    expect(t.rows[0]).toMatchObject({ rowNumber: 3, fields: { 小区名称: '东苑', 小区编码: 'C2' } })
  })

  it('names the sheets when the requested one is missing', async () => {
    const f = await buildXlsx('台账.xlsx', [{ name: '台账', rows: [['名称']] }])
    await expect(readXlsx(f.name, f.data, { sheet: '其他' })).rejects.toThrow(ImportError)
    await expect(readXlsx(f.name, f.data, { sheet: '其他' })).rejects.toMatchObject({
      issue: { code: 'SHEET_NOT_FOUND' },
    })
  })
})

describe('readImport dispatch', () => {
  it('reads an XLSX inside a zip', async () => {
    const x = await buildXlsx('台账.xlsx', [{ name: 'S', rows: [['名称'], ['锦苑']] }])
    const t = await readImport([buildZip('upload.zip', [x])])
    expect(t.format).toBe('xlsx')
    expect(t.rows).toHaveLength(1)
  })

  it('refuses an unknown format with the file name', async () => {
    await expect(
      readImport([
        { name: 'a.bin', data: Uint8Array.from([1, 2, 3]) },
        { name: 'b.bin', data: Uint8Array.from([4]) },
      ]),
    ).rejects.toMatchObject({
      issue: { code: 'FORMAT_UNKNOWN' },
    })
  })

  it('refuses an empty upload', async () => {
    await expect(readImport([{ name: 'a.csv', data: new Uint8Array() }])).rejects.toMatchObject({
      issue: { code: 'FILE_EMPTY' },
    })
  })
})
