// H3 hexagons of the gap measures, computed in the browser: each compound's point falls in one
// cell; a cell sums the measures of its compounds. All three measures are summed in one pass, so
// switching measure only recolours (deck updateTriggers), it never re-bins.
import { cellToBoundary, latLngToCell } from 'h3-js'
import { GAP_MEASURES, type GapMeasure } from '../api/scorecard-types.ts'
import type { LngLat } from '../api/types.ts'
import { quantileBreaks, roundCount } from './gap-palette.ts'

export interface HexPoint {
  lng: number
  lat: number
  measures: Record<GapMeasure, number>
}

export interface HexBin {
  cell: string
  /** Closed ring, [lng, lat]. */
  polygon: LngLat[]
  compounds: number
  sums: Record<GapMeasure, number>
}

/** H3 resolution for a map zoom: cells a few dozen pixels across (res 7 ≈ 1.2 km edge at city zoom). */
export function hexResolution(zoom: number): number {
  if (zoom < 9.5) return 6
  if (zoom < 11) return 7
  if (zoom < 12.5) return 8
  if (zoom < 14) return 9
  return 10
}

/** Approximate edge length in metres of an H3 cell at `res` (the H3 average, for the legend). */
export const HEX_EDGE_M: Record<number, number> = {
  6: 3725,
  7: 1406,
  8: 531,
  9: 201,
  10: 76,
}

/** Bins `points` into H3 cells at `res`, summing every measure. */
export function binHexes(points: readonly HexPoint[], res: number): HexBin[] {
  const bins = new Map<string, HexBin>()
  for (const p of points) {
    const cell = latLngToCell(p.lat, p.lng, res)
    let bin = bins.get(cell)
    if (!bin) {
      bin = {
        cell,
        polygon: [],
        compounds: 0,
        sums: { uncoveredHouseholds: 0, elderlyWithoutStation: 0, failedIndicators: 0 },
      }
      bins.set(cell, bin)
    }
    bin.compounds++
    for (const m of GAP_MEASURES) bin.sums[m] += p.measures[m] ?? 0
  }
  const out = [...bins.values()]
  for (const b of out) b.polygon = cellToBoundary(b.cell, true) as LngLat[]
  return out
}

/** Class breaks of each measure over the cells with a gap (cells without one form class "0"). */
export function hexBreaks(bins: readonly HexBin[]): Record<GapMeasure, number[]> {
  const of = (m: GapMeasure) =>
    quantileBreaks(
      bins.map((b) => b.sums[m]).filter((v) => v > 0),
      5,
      roundCount,
    )
  return {
    uncoveredHouseholds: of('uncoveredHouseholds'),
    elderlyWithoutStation: of('elderlyWithoutStation'),
    failedIndicators: of('failedIndicators'),
  }
}
