import { describe, expect, it } from 'vitest'
import { sitingResult } from '../../store/siting-fixtures.ts'
import { exportName, sitingToGeoJson } from './export.ts'

describe('sitingToGeoJson', () => {
  const out = sitingToGeoJson(sitingResult())
  it('writes one ranked point per chosen site at its location', () => {
    expect(out.features.map((f) => f.properties.rank)).toEqual([1, 2])
    expect(out.features[0]!.geometry.coordinates).toEqual(sitingResult().chosen[0]!.location)
  })
  it("carries each site's catchment totals", () =>
    expect(out.features[1]!.properties).toMatchObject({
      catchmentCompounds: 1,
      catchmentHouseholds: 500,
      compoundIds: [3],
    }))
  it('records the straight-line reach drawn on the map', () =>
    expect(out.features[0]!.properties.reachM).toBe(200))
  it('keeps the run and its coverage beside the features', () =>
    expect(out.siting.after.share).toBe(0.5))
  it('is valid JSON all the way through', () =>
    expect(JSON.parse(JSON.stringify(out)).type).toBe('FeatureCollection'))
})

describe('exportName', () => {
  it('names the area and the model', () =>
    expect(exportName(sitingResult())).toBe('siting-510104-max-cover.geojson'))
})
