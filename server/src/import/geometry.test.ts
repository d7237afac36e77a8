import { describe, expect, it } from 'vitest'
import { parseBaiduGeo } from './baidu-geo.ts'
import { checkGeometry } from './geometry-check.ts'
import { findSelfIntersection } from './self-intersection.ts'
import { parseWkt } from './wkt.ts'

describe('parseWkt', () => {
  it('reads every geometry type, dropping Z and M', () => {
    expect(parseWkt('POINT Z (104 30 500)').geometry).toEqual({
      type: 'Point',
      coordinates: [104, 30],
    })
    expect(parseWkt('MULTIPOINT (1 2, 3 4)').geometry).toEqual({
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    })
    expect(parseWkt('MULTIPOINT ((1 2), (3 4))').geometry).toEqual({
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    })
    expect(parseWkt('multipolygon(((0 0,1 0,1 1,0 0)),((2 2,3 2,3 3,2 2)))').geometry?.type).toBe(
      'MultiPolygon',
    )
    expect(parseWkt('GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(0 0,1 1))').geometry?.type).toBe(
      'GeometryCollection',
    )
    expect(parseWkt('POLYGON EMPTY').geometry).toBeNull()
  })

  it('reads the SRID of EWKT', () => {
    expect(parseWkt('SRID=4490;POINT(104 30)')).toEqual({
      geometry: { type: 'Point', coordinates: [104, 30] },
      srid: 4490,
    })
  })

  it('says where malformed WKT goes wrong', () => {
    expect(() => parseWkt('POLYGON((0 0, 1 0, 1 1)')).toThrow(/expected '\)'|unexpected end/)
    expect(() => parseWkt('CIRCLE(0 0, 1)')).toThrow(/unknown geometry type/)
  })
})

describe('parseBaiduGeo', () => {
  it('reads an area string as a Polygon in Mercator metres', () => {
    const g = parseBaiduGeo(
      '4|1,2;3,4|1-12695366.8,2575392.4,12695367.3,2575392.0,12695368.4,2575390.9,12695366.8,2575392.4;',
    )
    expect(g).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [12695366.8, 2575392.4],
          [12695367.3, 2575392.0],
          [12695368.4, 2575390.9],
          [12695366.8, 2575392.4],
        ],
      ],
    })
  })
})

describe('checkGeometry', () => {
  const square = [
    [104, 30],
    [104.001, 30],
    [104.001, 30.001],
    [104, 30.001],
    [104, 30],
  ]

  it('turns a Polygon into a counter-clockwise MultiPolygon', () => {
    const r = checkGeometry({ type: 'Polygon', coordinates: [[...square].reverse()] })
    expect(r).toMatchObject({
      ok: true,
      boundary: { type: 'MultiPolygon', coordinates: [[square]] },
      location: null,
      closedRings: false,
    })
  })

  it('closes an open ring and says so', () => {
    const r = checkGeometry({ type: 'Polygon', coordinates: [square.slice(0, 4)] })
    expect(r).toMatchObject({ ok: true, closedRings: true, boundary: { coordinates: [[square]] } })
  })

  it('keeps a point as the location with no boundary', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [104, 30, 12] })).toMatchObject({
      ok: true,
      boundary: null,
      location: { type: 'Point', coordinates: [104, 30] },
    })
  })

  it('refuses lines, several points and empty shapes', () => {
    expect(
      checkGeometry({
        type: 'LineString',
        coordinates: [
          [104, 30],
          [104.1, 30],
        ],
      }),
    ).toMatchObject({ ok: false, code: 'GEOMETRY_NOT_POLYGON', params: { type: 'LineString' } })
    expect(
      checkGeometry({
        type: 'MultiPoint',
        coordinates: [
          [104, 30],
          [104.1, 30],
        ],
      }),
    ).toMatchObject({ ok: false, code: 'GEOMETRY_NOT_POLYGON' })
    expect(checkGeometry({ type: 'MultiPolygon', coordinates: [] })).toMatchObject({
      ok: false,
      code: 'GEOMETRY_EMPTY',
    })
    expect(checkGeometry(null)).toMatchObject({ ok: false, code: 'GEOMETRY_EMPTY' })
  })

  it('refuses a ring of fewer than three distinct points', () => {
    expect(
      checkGeometry({
        type: 'Polygon',
        coordinates: [
          [
            [104, 30],
            [104.1, 30],
            [104, 30],
          ],
        ],
      }),
    ).toMatchObject({ ok: false, code: 'GEOMETRY_DEGENERATE' })
  })

  it('flags a bow-tie ring without refusing it', () => {
    const bowtie = [
      [104, 30],
      [104.001, 30.001],
      [104.001, 30],
      [104, 30.001],
      [104, 30],
    ]
    const r = checkGeometry({ type: 'Polygon', coordinates: [bowtie] })
    expect(r.ok && r.selfIntersection).toBeTruthy()
  })
})

describe('findSelfIntersection', () => {
  it('passes a simple ring with a repeated vertex and a hole touching nothing', () => {
    const shell = [
      [0, 0],
      [10, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ]
    const hole = [
      [2, 2],
      [2, 4],
      [4, 4],
      [4, 2],
      [2, 2],
    ]
    expect(findSelfIntersection([shell, hole])).toBeNull()
  })

  it('finds a hole crossing its shell', () => {
    const shell = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ]
    const hole = [
      [8, 2],
      [8, 4],
      [12, 4],
      [12, 2],
      [8, 2],
    ]
    expect(findSelfIntersection([shell, hole])).not.toBeNull()
  })
})
