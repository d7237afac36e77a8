import proj4 from 'proj4'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { crsLabel, parseSourceCrs } from './crs.ts'
import { guessCrs, nameHint } from './crs-guess.ts'
import { identifyWkt } from './prj.ts'
import { projDefinition } from './proj-defs.ts'
import { REAL_WORLD } from './test-fixtures.ts'

const prj = (path: string) => readFileSync(REAL_WORLD + path, 'latin1')
const point = (x: number, y: number) => ({ type: 'Point' as const, coordinates: [x, y] })

describe('projected definitions', () => {
  it('puts EPSG:4544 on CGCS2000 Gauss-Krüger CM 105°E without a zone prefix', () => {
    const [x, y] = proj4('WGS84', projDefinition(4544)!, [104.0657, 30.6574])
    expect(x).toBeCloseTo(410_000, -4)
    expect(y).toBeCloseTo(3_392_000, -4)
  })

  it('numbers zone-prefixed 3° zones 25–45 as EPSG:4513–4533', () => {
    expect(projDefinition(4513)).toContain('+lon_0=75 ')
    expect(projDefinition(4513)).toContain('+x_0=25500000 ')
    expect(projDefinition(4527)).toContain('+lon_0=117 ')
    expect(projDefinition(4533)).toContain('+x_0=45500000 ')
  })

  it('covers UTM north and south and TWD97 TM2', () => {
    expect(projDefinition(32648)).toContain('+zone=48')
    expect(projDefinition(32750)).toContain('+south')
    expect(projDefinition(3826)).toContain('+lon_0=121 +k=0.9999 +x_0=250000')
    expect(projDefinition(2383)).toBeNull()
  })
})

describe('.prj identification', () => {
  it('recognises the GBK points file as CGCS2000 GK CM 123°E, EPSG:4550', () => {
    expect(identifyWkt(prj('gbk-shapefile-points-cgcs2000/GBKTest.prj'))).toMatchObject({
      crs: 'EPSG:4550',
    })
  })

  it('recognises the Tainan file as TWD97 TM2, EPSG:3826', () => {
    expect(
      identifyWkt(prj('taiwan-tainan-villages-big5-shp/extracted/10_tn-village.prj')),
    ).toMatchObject({ crs: 'EPSG:3826' })
  })

  it('recognises the Xiamen .prj as WGS84', () => {
    expect(
      identifyWkt(prj('xiamen-residential-aoi-amap/厦门市商务住宅边界_gcj02_wgs84.prj')),
    ).toMatchObject({ crs: 'WGS84' })
  })

  it('refuses Beijing 1954 and Xian 1980, which need transformation parameters', () => {
    const beijing =
      'PROJCS["Beijing_1954_3_Degree_GK_CM_105E",GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'
    expect(identifyWkt(beijing)).toMatchObject({ unsupported: 'Beijing 1954' })
    expect(
      identifyWkt(
        beijing.replace(/Beijing_1954/g, 'Xian_1980').replace('Krasovsky_1940', 'IAG_1975'),
      ),
    ).toMatchObject({ unsupported: 'Xian 1980' })
  })

  it('keeps an unrecognised projection as WKT for proj4', () => {
    const lcc =
      'PROJCS["Asia_Lambert",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Standard_Parallel_1",30.0],PARAMETER["Standard_Parallel_2",62.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'
    const id = identifyWkt(lcc)
    expect('crs' in id && typeof id.crs === 'object').toBe(true)
  })
})

describe('parseSourceCrs and crsLabel', () => {
  it('reads what users type', () => {
    expect(parseSourceCrs('gcj-02')).toBe('GCJ02')
    expect(parseSourceCrs('BD09MC')).toBe('BD09MC')
    expect(parseSourceCrs('4326')).toBe('WGS84')
    expect(parseSourceCrs('EPSG:4490')).toBe('CGCS2000')
    expect(parseSourceCrs('epsg:4544')).toBe('EPSG:4544')
    expect(parseSourceCrs('EPSG:9999')).toBeNull()
    expect(parseSourceCrs('mars')).toBeNull()
  })

  it('labels choices as compound.source_crs stores them', () => {
    expect(crsLabel('WGS84')).toBe('EPSG:4326')
    expect(crsLabel('CGCS2000')).toBe('EPSG:4490')
    expect(crsLabel('GCJ02')).toBe('GCJ02')
    expect(crsLabel('EPSG:4544')).toBe('EPSG:4544')
    expect(crsLabel({ wkt: 'PROJCS["My_Local",GEOGCS[]]' })).toBe('WKT:My_Local')
  })
})

describe('guessCrs', () => {
  const guess = (
    geometries: ReturnType<typeof point>[],
    names: string[] = [],
    fieldNames: string[] = [],
  ) => guessCrs({ names, fieldNames, geometries })

  it('asks to confirm undeclared degrees, defaulting to WGS84', () => {
    expect(guess([point(104.06, 30.65)])).toMatchObject({
      crs: 'WGS84',
      basis: 'magnitude',
      confirm: true,
    })
  })

  it('follows a gcj02 or baidu hint in a name, the last mention winning', () => {
    expect(nameHint('厦门市商务住宅边界_gcj02_wgs84')).toBe('WGS84')
    expect(nameHint('小区_gcj02')).toBe('GCJ02')
    expect(nameHint('百度坐标')).toBe('BD09')
    expect(guess([point(104.06, 30.65)], ['bd_lng'])).toMatchObject({
      crs: 'BD09',
      basis: 'name-hint',
    })
  })

  it('takes Amap/DataV fields as GCJ-02', () => {
    expect(guess([point(104.06, 30.65)], ['成都市'], ['name', 'adcode', 'citycode'])).toMatchObject(
      { crs: 'GCJ02', basis: 'field-hint' },
    )
  })

  it('reads a zone prefix from Gauss-Krüger eastings', () => {
    expect(guess([point(35_410_000, 3_392_000)])).toMatchObject({
      crs: 'EPSG:4523',
      basis: 'magnitude',
    })
  })

  it('offers EPSG:4544 for projected metres without a zone prefix', () => {
    expect(guess([point(410_000, 3_392_000)])).toMatchObject({ crs: 'EPSG:4544', confirm: true })
  })

  it('takes Mercator metres for Baidu BD-09MC', () => {
    expect(guess([point(12_695_366, 2_575_392)])).toMatchObject({
      crs: 'BD09MC',
      alternatives: ['EPSG:3857'],
    })
  })

  it('trusts a declaration only when the numbers agree with it', () => {
    expect(
      guessCrs({
        declared: 'EPSG:4544',
        names: [],
        fieldNames: [],
        geometries: [point(410_000, 3_392_000)],
      }),
    ).toMatchObject({ crs: 'EPSG:4544', basis: 'declared', confirm: false })
    const wrong = guessCrs({
      declared: 'WGS84',
      names: [],
      fieldNames: [],
      geometries: [point(410_000, 3_392_000)],
    })
    expect(wrong).toMatchObject({ crs: 'EPSG:4544', basis: 'magnitude' })
    expect(wrong.reason.zh).toContain('文件声明')
  })
})
