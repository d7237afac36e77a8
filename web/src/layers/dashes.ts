// Dashed outlines computed on the ground. deck.gl draws dashes only through @deck.gl/extensions,
// which the app does not ship; cutting the rings into dash segments once per result is cheap
// (a compound ring is a few hundred metres) and keeps the layer a plain GeoJsonLayer.
import type { MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson'

const M_PER_DEG = 111_320

/** Approximate ground distance in metres between two nearby [lng, lat] points. */
function metres(a: Position, b: Position): number {
  const kx = M_PER_DEG * Math.cos((((a[1]! + b[1]!) / 2) * Math.PI) / 180)
  return Math.hypot((b[0]! - a[0]!) * kx, (b[1]! - a[1]!) * M_PER_DEG)
}

const lerp = (a: Position, b: Position, t: number): Position => [
  a[0]! + (b[0]! - a[0]!) * t,
  a[1]! + (b[1]! - a[1]!) * t,
]

/** The dashes along one line: `dashM` drawn, `gapM` skipped, the pattern carried over corners. */
export function dashLine(line: ReadonlyArray<Position>, dashM: number, gapM: number): Position[][] {
  const dashes: Position[][] = []
  if (line.length < 2 || dashM <= 0) return dashes
  let on = true
  let left = dashM
  let current: Position[] = [line[0]!]
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i]!
    const b = line[i + 1]!
    const length = metres(a, b)
    let done = 0
    // The tolerance stops float noise at a segment's end from starting a zero-length dash.
    while (length - done > left + 1e-9) {
      done += left
      const p = lerp(a, b, done / length)
      if (on) dashes.push([...current, p])
      current = [p]
      on = !on
      left = on ? dashM : Math.max(gapM, 0)
    }
    left -= length - done
    if (on) current.push(b)
  }
  if (on && current.length > 1) dashes.push(current)
  return dashes
}

/** The dashed outline of a compound's boundary; a point compound gets no outline. */
export function dashedOutline(
  geometry: Polygon | MultiPolygon | Point,
  dashM: number,
  gapM: number,
): MultiLineString {
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : []
  return {
    type: 'MultiLineString',
    coordinates: polygons.flatMap((rings) => rings.flatMap((r) => dashLine(r, dashM, gapM))),
  }
}
