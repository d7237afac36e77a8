import proj4 from 'proj4'
import { describe, expect, it } from 'vitest'
import { wgs84ToGcj02 } from './china-offsets.ts'
import { ImportError } from './messages.ts'
import { projDefinition } from './proj-defs.ts'
import { readCsv } from './read-csv.ts'
import { readGeoJson } from './read-geojson.ts'
import { convertTable } from './reproject.ts'
import { buildCsv, buildGeoJson } from './test-fixtures.ts'
import type { ImportTable, SourceCrs } from './types.ts'

const TIANFU = [104.0657, 30.6574]

const pointsTable = (coords: number[][]): ImportTable => {
  const f = buildCsv('points.csv', [
    ['编码', 'x', 'y'],
    ...coords.map((c, i) => [`C${i}`, c[0]!, c[1]!]),
  ])
  return readCsv(f.name, f.data)
}

const refusal = (table: ImportTable, crs: SourceCrs) => {
  try {
    convertTable(table, crs)
  } catch (err) {
    if (err instanceof ImportError) return err.issue
    throw err
  }
  throw new Error('expected the conversion to be refused')
}

describe('convertTable', () => {
  it('converts GCJ-02 points back to WGS84', () => {
    const t = convertTable(pointsTable([wgs84ToGcj02(TIANFU)]), 'GCJ02')
    const [lng, lat] = (t.rows[0]!.geometry as { coordinates: number[] }).coordinates
    expect(lng).toBeCloseTo(TIANFU[0]!, 7)
    expect(lat).toBeCloseTo(TIANFU[1]!, 7)
    expect(t.crsLabel).toBe('GCJ02')
  })

  it('reprojects CGCS2000 Gauss-Krüger CM 105°E metres', () => {
    const xy = proj4('WGS84', projDefinition(4544)!, TIANFU)
    const t = convertTable(pointsTable([xy]), 'EPSG:4544')
    const [lng, lat] = (t.rows[0]!.geometry as { coordinates: number[] }).coordinates
    expect(lng).toBeCloseTo(TIANFU[0]!, 7)
    expect(lat).toBeCloseTo(TIANFU[1]!, 7)
    expect(t.crsLabel).toBe('EPSG:4544')
  })

  it('refuses swapped lat/lng saying they look swapped', () => {
    const i = refusal(
      pointsTable([
        [30.6574, 104.0657],
        [30.61, 104.1],
      ]),
      'WGS84',
    )
    expect(i.code).toBe('COORDS_LOOK_SWAPPED')
    expect(i.zh).toContain('颠倒')
  })

  it('refuses metres declared as degrees, naming the likely system', () => {
    const xy = proj4('WGS84', projDefinition(4544)!, TIANFU)
    const i = refusal(pointsTable([xy]), 'WGS84')
    expect(i.code).toBe('COORDS_LOOK_PROJECTED')
    expect(i.zh).toContain('米')
    expect(i.zh).toContain('EPSG:4544')
  })

  it('refuses degrees declared as projected metres', () => {
    expect(refusal(pointsTable([TIANFU]), 'EPSG:4544').code).toBe('COORDS_LOOK_DEGREES')
    expect(refusal(pointsTable([TIANFU]), 'BD09MC').code).toBe('COORDS_LOOK_DEGREES')
  })

  it('refuses a zone-prefixed easting under a plain central-meridian code', () => {
    const [x, y] = proj4('WGS84', projDefinition(4523)!, TIANFU)
    const i = refusal(pointsTable([[x!, y!]]), 'EPSG:4544')
    expect(i.code).toBe('GK_ZONE_PREFIX')
    expect(i.zh).toContain('EPSG:4523')
  })

  it('refuses data that lands outside China', () => {
    const i = refusal(
      pointsTable([
        [2.35, 48.85],
        [13.4, 52.5],
      ]),
      'WGS84',
    )
    expect(i.code).toBe('OUTSIDE_CHINA')
    expect(i.zh).toContain('中国范围')
  })

  it('keeps the import but flags a lone outlier row', () => {
    const t = convertTable(pointsTable([TIANFU, [104.1, 30.6], [0, 0]]), 'WGS84')
    expect(t.rowIssues).toHaveLength(1)
    expect(t.rowIssues[0]).toMatchObject({ rowNumber: 4, issue: { code: 'ROW_OUTSIDE_CHINA' } })
  })

  it('refuses a Beijing 1954 .prj', () => {
    const wkt =
      'PROJCS["Beijing_1954_GK_Zone_18",GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]]],PROJECTION["Gauss_Kruger"],PARAMETER["Central_Meridian",105.0],UNIT["Meter",1.0]]'
    expect(refusal(pointsTable([[410000, 3392000]]), { wkt }).code).toBe('CRS_UNSUPPORTED_DATUM')
  })

  it('passes tables without geometry through', () => {
    const f = buildGeoJson('none.geojson', [{ properties: { 编码: 'A' }, geometry: null }])
    const t = convertTable(readGeoJson(f.name, f.data), 'GCJ02')
    expect(t.rows[0]!.geometry).toBeNull()
    expect(t.rowIssues).toEqual([])
  })
})
