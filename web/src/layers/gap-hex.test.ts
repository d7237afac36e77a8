import { describe, expect, it } from 'vitest'
import { latLngToCell } from 'h3-js'
import { binHexes, hexBreaks, hexResolution, type HexPoint } from './gap-hex.ts'

const point = (lng: number, lat: number, u: number, e: number, f: number): HexPoint => ({
  lng,
  lat,
  measures: { uncoveredHouseholds: u, elderlyWithoutStation: e, failedIndicators: f },
})

describe('binHexes', () => {
  // Two compounds 20 m apart near Tianfu Square and one 5 km east: two cells at resolution 8.
  const points = [
    point(104.0657, 30.6574, 100, 10, 2),
    point(104.0659, 30.6575, 50, 0, 1),
    point(104.1177, 30.6574, 0, 30, 3),
  ]

  it('sums every measure of the compounds in each cell', () => {
    const bins = binHexes(points, 8)
    expect(bins).toHaveLength(2)
    const square = bins.find((b) => b.cell === latLngToCell(30.6574, 104.0657, 8))!
    expect(square.compounds).toBe(2)
    expect(square.sums).toEqual({
      uncoveredHouseholds: 150,
      elderlyWithoutStation: 10,
      failedIndicators: 3,
    })
    const east = bins.find((b) => b !== square)!
    expect(east.sums).toEqual({
      uncoveredHouseholds: 0,
      elderlyWithoutStation: 30,
      failedIndicators: 3,
    })
  })

  it('gives each cell a closed [lng, lat] ring around its compounds', () => {
    const [bin] = binHexes([points[0]!], 8)
    const ring = bin!.polygon
    expect(ring[0]).toEqual(ring[ring.length - 1])
    const lngs = ring.map((p) => p[0])
    const lats = ring.map((p) => p[1])
    expect(Math.min(...lngs)).toBeLessThan(104.0657)
    expect(Math.max(...lngs)).toBeGreaterThan(104.0657)
    expect(Math.min(...lats)).toBeLessThan(30.6574)
    expect(Math.max(...lats)).toBeGreaterThan(30.6574)
  })

  it('classes only the cells with a gap', () => {
    const bins = binHexes(points, 8)
    // uncovered households: one cell has 150, the other 0 (the "no gap" class): no bound needed.
    expect(hexBreaks(bins).uncoveredHouseholds).toEqual([])
  })
})

describe('hexResolution', () => {
  it('uses finer cells as the map zooms in', () => {
    const zooms = [8, 10, 11.5, 13, 15]
    const res = zooms.map(hexResolution)
    expect(res).toEqual([6, 7, 8, 9, 10])
  })
})
