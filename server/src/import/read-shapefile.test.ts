import { describe, expect, it } from 'vitest'
import { readImport } from './read-import.ts'
import {
  buildShapefile,
  buildZip,
  encodeText,
  squareCw,
  type ShapefileSpec,
} from './test-fixtures.ts'
import type { ImportFile } from './types.ts'

const compounds = (over: Partial<ShapefileSpec> = {}): ShapefileSpec => ({
  geometries: [{ type: 'Polygon', coordinates: [squareCw(104.06, 30.65, 0.001)] }],
  fields: [
    { name: '名称', type: 'C', length: 40 },
    { name: '户数', type: 'N', length: 8 },
  ],
  records: [['玉林北路小区', 500]],
  ...over,
})

const chosen = async (files: ImportFile[], encoding?: string) => {
  const t = await readImport(files, encoding ? { encoding } : {})
  const why = t.warnings.find((w) => w.code === 'ENCODING_CHOSEN')!
  return { t, encoding: t.encoding, why: String(why.params.reasonEn) }
}

describe('shapefile DBF encoding', () => {
  it('follows the language driver byte 0x4D to GBK, field names included', async () => {
    const { t, encoding, why } = await chosen(
      buildShapefile('a', compounds({ encoding: 'gbk', ldid: 0x4d })),
    )
    expect(encoding).toBe('gbk')
    expect(why).toContain('0x4D')
    expect(t.columns).toEqual(['名称', '户数'])
    expect(t.rows[0]!.fields).toEqual({ 名称: '玉林北路小区', 户数: 500 })
  })

  it('follows 0x7A to GBK and 0x4F to Big5', async () => {
    expect(
      (await chosen(buildShapefile('a', compounds({ encoding: 'gbk', ldid: 0x7a })))).encoding,
    ).toBe('gbk')
    const big5Spec = compounds({
      encoding: 'big5',
      ldid: 0x4f,
      fields: [{ name: '名稱', type: 'C', length: 20 }],
      records: [['內角里']],
    })
    const big5 = await chosen(buildShapefile('a', big5Spec))
    expect(big5.encoding).toBe('big5')
    expect(big5.t.rows[0]!.fields).toEqual({ 名稱: '內角里' })
  })

  it('prefers the .cpg over the language driver byte', async () => {
    const files = [
      ...buildShapefile('a', compounds({ encoding: 'utf-8', ldid: 0x4d })),
      { name: 'a.cpg', data: encodeText('UTF-8') },
    ]
    const { encoding, why } = await chosen(files)
    expect(encoding).toBe('utf-8')
    expect(why).toContain('.cpg')
  })

  it('prefers the user over the .cpg', async () => {
    const files = [
      ...buildShapefile('a', compounds({ encoding: 'gbk' })),
      { name: 'a.cpg', data: encodeText('UTF-8') },
    ]
    const { t, encoding } = await chosen(files, 'GB2312')
    expect(encoding).toBe('gbk')
    expect(t.rows[0]!.fields['名称']).toBe('玉林北路小区')
  })

  it('sniffs UTF-8, then GBK, when nothing is declared', async () => {
    expect((await chosen(buildShapefile('a', compounds({ encoding: 'utf-8' })))).encoding).toBe(
      'utf-8',
    )
    const gbk = await chosen(buildShapefile('a', compounds({ encoding: 'gbk' })))
    expect(gbk.encoding).toBe('gbk')
    expect(gbk.why).toContain('not UTF-8')
  })

  it('sniffs the bytes under the ANSI byte 0x57', async () => {
    const { encoding, why } = await chosen(
      buildShapefile('a', compounds({ encoding: 'gbk', ldid: 0x57 })),
    )
    expect(encoding).toBe('gbk')
    expect(why).toContain('ANSI')
  })

  it('trims a character cut by the field width and warns', async () => {
    const spec = compounds({
      encoding: 'utf-8',
      fields: [
        { name: 'name', type: 'C', length: 10 },
        { name: 'n', type: 'N', length: 4 },
      ],
      records: [['玉林北路小区', 1]],
    })
    const { t } = await chosen(buildShapefile('a', spec))
    expect(t.rows[0]!.fields['name']).toBe('玉林北')
    expect(t.warnings.some((w) => w.code === 'ENCODING_GARBLED')).toBe(true)
  })
})

describe('shapefile geometry', () => {
  it('puts a counter-clockwise hole inside its clockwise shell', async () => {
    const hole = squareCw(104.0602, 30.6502, 0.0002).reverse()
    const spec = compounds({
      geometries: [{ type: 'Polygon', coordinates: [squareCw(104.06, 30.65, 0.001), hole] }],
    })
    const g = (await readImport(buildShapefile('a', spec))).rows[0]!.geometry
    expect(g?.type).toBe('Polygon')
    expect((g as { coordinates: unknown[] }).coordinates).toHaveLength(2)
  })

  it('reads points and empty shapes', async () => {
    const spec = compounds({
      geometries: [{ type: 'Point', coordinates: [104.06, 30.65] }, null],
      records: [
        ['a', 1],
        ['b', 2],
      ],
    })
    const t = await readImport(buildShapefile('a', spec))
    expect(t.rows.map((r) => r.geometry?.type ?? null)).toEqual(['Point', null])
  })

  it('reads the same layer from loose files and from a zip with a Chinese name', async () => {
    const files = buildShapefile('小区边界', compounds())
    const loose = await readImport(files)
    const zipped = await readImport([buildZip('小区.zip', files)])
    expect(zipped.name).toBe('小区边界')
    expect(zipped.rows).toEqual(loose.rows)
  })

  it('reads without the .shx by walking the .shp', async () => {
    const [shp, , dbf] = buildShapefile('a', compounds())
    expect((await readImport([shp!, dbf!])).rows[0]!.geometry?.type).toBe('Polygon')
  })

  it('refuses a layer without its .dbf', async () => {
    const [shp, shx] = buildShapefile('a', compounds())
    await expect(readImport([shp!, shx!])).rejects.toMatchObject({
      issue: { code: 'SHP_PART_MISSING', params: { part: '.dbf' } },
    })
  })

  it('picks the named layer among several and lists the others', async () => {
    const files = [
      ...buildShapefile('一', compounds()),
      ...buildShapefile('二', compounds({ records: [['二号', 2]] })),
    ]
    const t = await readImport([buildZip('x.zip', files)], { layer: '二' })
    expect(t.rows[0]!.fields['名称']).toBe('二号')
    expect(t.alternatives).toEqual(['一'])
  })

  it('names a corrupt .shp', async () => {
    const [, shx, dbf] = buildShapefile('a', compounds())
    await expect(
      readImport([{ name: 'a.shp', data: Uint8Array.from([1, 2, 3]) }, shx!, dbf!]),
    ).rejects.toMatchObject({ issue: { code: 'SHP_CORRUPT' } })
  })
})
