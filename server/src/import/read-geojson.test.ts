import { describe, expect, it } from 'vitest'
import { readGeoJson } from './read-geojson.ts'
import { buildGeoJson, encodeText } from './test-fixtures.ts'

const file = (text: string) => ({ name: 'x.geojson', data: encodeText(text) })

describe('readGeoJson', () => {
  it('takes the crs member as a declaration', () => {
    const f = buildGeoJson(
      'a.geojson',
      [{ geometry: { type: 'Point', coordinates: [410000, 3392000] } }],
      {
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4544' } },
      },
    )
    expect(readGeoJson(f.name, f.data).sourceCrs).toMatchObject({
      crs: 'EPSG:4544',
      basis: 'declared',
      confirm: false,
    })
  })

  it('reads CRS84 as WGS84', () => {
    const f = buildGeoJson('a.geojson', [{ geometry: { type: 'Point', coordinates: [104, 30] } }], {
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
    })
    expect(readGeoJson(f.name, f.data).sourceCrs).toMatchObject({ crs: 'WGS84', basis: 'declared' })
  })

  it('collects columns from every feature in order of appearance', () => {
    const f = buildGeoJson('a.geojson', [
      { properties: { 名称: 'a' }, geometry: null },
      { properties: { 名称: 'b', 户数: 3 }, geometry: null },
    ])
    expect(readGeoJson(f.name, f.data).columns).toEqual(['名称', '户数'])
  })

  it('reads a lone Feature, a bare geometry and a leading BOM', () => {
    expect(
      readGeoJson('f', encodeText('{"type":"Feature","properties":{"a":1},"geometry":null}')).rows,
    ).toHaveLength(1)
    expect(
      readGeoJson('g', encodeText('\ufeff{"type":"Point","coordinates":[104,30]}')).rows[0]!
        .geometry?.type,
    ).toBe('Point')
  })

  it('flags a malformed geometry on its row instead of failing the file', () => {
    const t = readGeoJson(
      'f',
      encodeText(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":"x"}}]}',
      ),
    )
    expect(t.rows[0]!.geometryIssue?.code).toBe('GEOMETRY_PARSE_FAILED')
  })

  it('refuses text that is not GeoJSON', () => {
    expect(() => readGeoJson('f', file('{"type":"Topology"}').data)).toThrow(
      /not a FeatureCollection/,
    )
    expect(() => readGeoJson('f', file('{oops').data)).toThrow(/GeoJSON cannot be parsed/)
  })
})
