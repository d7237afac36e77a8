import { describe, expect, it } from 'vitest'
import { compoundsPlan, compoundsUrl, mapModeOf } from './compounds-slice.ts'

const basemap = { kind: 'plain' as const }

describe('map mode', () => {
  it('is unknown until the configuration arrives', () => {
    expect(mapModeOf(undefined)).toBeUndefined()
  })
  it('draws tiles only when the database holds more compounds than the limit', () => {
    expect(mapModeOf({ basemap, compounds: 60_001, pageFeatureLimit: 60_000 })).toBe('tiles')
    expect(mapModeOf({ basemap, compounds: 60_000, pageFeatureLimit: 60_000 })).toBe('geojson')
    expect(mapModeOf({ basemap, compounds: 1, pageFeatureLimit: 0 })).toBe('tiles')
    expect(mapModeOf({ basemap, compounds: 0, pageFeatureLimit: 0 })).toBe('geojson')
  })
  it('keeps GeoJSON with a server that does not publish a count or limit', () => {
    expect(mapModeOf({ basemap })).toBe('geojson')
    expect(mapModeOf({ basemap, compounds: 10 ** 6 })).toBe('geojson')
  })
})

describe('which compounds the page downloads', () => {
  it('downloads every compound in GeoJSON mode, whatever the area', () => {
    const plan = compoundsPlan('geojson', '510104', 10 ** 6, 100)
    expect(plan).toEqual({ kind: 'all' })
    expect(compoundsUrl(plan)).toBe('/api/compounds')
  })
  it('downloads the chosen area when it holds no more than the limit', () => {
    const plan = compoundsPlan('tiles', '510104002', 100, 100)
    expect(plan).toEqual({ kind: 'area', areaId: '510104002', count: 100 })
    expect(compoundsUrl(plan)).toBe('/api/compounds?area=510104002')
  })
  it('downloads nothing for a larger area, nor for the whole dataset', () => {
    const big = compoundsPlan('tiles', '510104', 101, 100)
    expect(big).toEqual({ kind: 'none', areaId: '510104', count: 101, limit: 100 })
    expect(compoundsUrl(big)).toBeNull()
    // Even a whole dataset within the limit is not listed in tile mode: its count decided "tiles".
    const city = compoundsPlan('tiles', null, 50, 100)
    expect(city.kind).toBe('none')
    expect(compoundsUrl(city)).toBeNull()
  })
  it('escapes the area id in the URL', () => {
    expect(compoundsUrl({ kind: 'area', areaId: 'a&b', count: 1 })).toBe(
      '/api/compounds?area=a%26b',
    )
  })
})
