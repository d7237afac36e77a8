import { describe, expect, it } from 'vitest'
import { TileType } from 'pmtiles'
import { effectiveBasemap, pmtilesLayers, tiandituTiles } from './basemap.ts'

describe('effectiveBasemap', () => {
  it('stays plain without configuration', () => expect(effectiveBasemap(undefined)).toBe('plain'))
  it('uses Tianditu when a key is configured', () =>
    expect(effectiveBasemap({ kind: 'tianditu', tiandituKey: 'abc' })).toBe('tianditu'))
  it('stays plain when Tianditu is asked for without a key', () =>
    expect(effectiveBasemap({ kind: 'tianditu' })).toBe('plain'))
  it('uses a PMTiles archive when its URL is configured', () =>
    expect(effectiveBasemap({ kind: 'pmtiles', pmtilesUrl: '/basemap.pmtiles' })).toBe('pmtiles'))
  it('stays plain when PMTiles is asked for without a URL', () =>
    expect(effectiveBasemap({ kind: 'pmtiles' })).toBe('plain'))
})

describe('tiandituTiles', () => {
  it('spreads tiles over the eight Tianditu hosts with the key', () => {
    const tiles = tiandituTiles('vec', 'k&y')
    expect(tiles).toHaveLength(8)
    expect(tiles[3]).toMatch(/^https:\/\/t3\.tianditu\.gov\.cn\/vec_w\/wmts\?/)
    expect(tiles[0]).toContain('tk=k%26y')
    expect(tiles[0]).toContain('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}')
  })
})

describe('pmtilesLayers', () => {
  it('draws a raster archive as one raster layer', () =>
    expect(pmtilesLayers(TileType.Png, [])).toEqual([{ id: 'basemap-pmtiles', type: 'raster' }]))
  it('draws every layer of a vector archive as a fill and a line', () =>
    expect(pmtilesLayers(TileType.Mvt, ['roads', 'water']).map((l) => l.id)).toEqual([
      'basemap-pmtiles-roads-fill',
      'basemap-pmtiles-roads-line',
      'basemap-pmtiles-water-fill',
      'basemap-pmtiles-water-line',
    ]))
})
