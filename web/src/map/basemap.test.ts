import { describe, expect, it } from 'vitest'
import { effectiveBasemap, tiandituTiles } from './basemap.ts'

describe('effectiveBasemap', () => {
  it('stays plain without configuration', () => expect(effectiveBasemap(undefined)).toBe('plain'))
  it('uses Tianditu when a key is configured', () =>
    expect(effectiveBasemap({ kind: 'tianditu', tiandituKey: 'abc' })).toBe('tianditu'))
  it('stays plain when Tianditu is asked for without a key', () =>
    expect(effectiveBasemap({ kind: 'tianditu' })).toBe('plain'))
  it('stays plain for PMTiles until it is supported', () =>
    expect(effectiveBasemap({ kind: 'pmtiles', pmtilesUrl: '/tiles/chengdu.pmtiles' })).toBe(
      'plain',
    ))
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
