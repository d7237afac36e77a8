import { describe, expect, it } from 'vitest'
import type { Position } from 'geojson'
import { dashLine, dashedOutline } from './dashes.ts'

// 0.001° of latitude is 111.32 m everywhere.
const north = (m: number): Position => [104, 30 + m / 111_320]

describe('dashLine', () => {
  it('cuts a 100 m line into five 10 m dashes with 10 m gaps', () => {
    const dashes = dashLine([north(0), north(100)], 10, 10)
    expect(dashes).toHaveLength(5)
    expect(dashes[1]![0]![1]).toBeCloseTo(north(20)[1]!, 9)
  })
  it('carries a dash round a corner instead of restarting it', () => {
    const corner: Position = [104, north(5)[1]!]
    const east: Position = [104 + 5 / (111_320 * Math.cos((30 * Math.PI) / 180)), corner[1]!]
    const dashes = dashLine([north(0), corner, east], 10, 10)
    expect(dashes).toHaveLength(1)
    expect(dashes[0]).toHaveLength(3)
  })
  it('draws nothing for a single point', () => expect(dashLine([north(0)], 10, 10)).toEqual([]))
})

describe('dashedOutline', () => {
  it('dashes every ring of a multipolygon', () => {
    const square = (o: number): Position[] => [
      [104 + o, 30],
      [104 + o + 0.001, 30],
      [104 + o + 0.001, 30.001],
      [104 + o, 30.001],
      [104 + o, 30],
    ]
    const outline = dashedOutline(
      { type: 'MultiPolygon', coordinates: [[square(0)], [square(0.01)]] },
      12,
      8,
    )
    expect(outline.coordinates.length).toBeGreaterThan(2 * 10)
  })
  it('leaves a point compound without an outline', () =>
    expect(dashedOutline({ type: 'Point', coordinates: [104, 30] }, 10, 10).coordinates).toEqual(
      [],
    ))
})
