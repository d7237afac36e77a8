import type { Ring, Xy } from './geometry.ts'
import type { MultiPolygon, Position } from './types.ts'

/** Tianfu Square, the origin of the generator's metric frame ([lng, lat], WGS84). */
export const ORIGIN: Position = [104.0657, 30.6574]

// WGS84 radii of curvature at the origin's latitude, so that metres in the frame match geography
// distances in PostGIS to well under 1% across the city (a sinusoidal-style local projection).
const A = 6378137
const E2 = 0.00669437999014
const PHI0 = (ORIGIN[1] * Math.PI) / 180
const W = 1 - E2 * Math.sin(PHI0) ** 2
const M = (A * (1 - E2)) / W ** 1.5
const N = A / Math.sqrt(W)
const DEG = 180 / Math.PI
const round7 = (v: number) => Math.round(v * 1e7) / 1e7

/** Frame metres to [lng, lat] degrees, rounded to 1e-7° (about 1 cm). */
export function toLngLat([x, y]: Xy): Position {
  const lat = ORIGIN[1] + (y / M) * DEG
  const lng = ORIGIN[0] + (x / (N * Math.cos(lat / DEG))) * DEG
  return [round7(lng), round7(lat)]
}

/** [lng, lat] degrees to frame metres (inverse of `toLngLat`, before rounding). */
export function toXy([lng, lat]: Position): Xy {
  return [((lng - ORIGIN[0]) / DEG) * N * Math.cos(lat / DEG), ((lat - ORIGIN[1]) / DEG) * M]
}

/** A closed GeoJSON ring from a frame ring; drops points that rounding made coincide. */
export function ringToLngLat(ring: readonly Xy[]): Position[] {
  const out: Position[] = []
  for (const p of ring) {
    const q = toLngLat(p)
    const last = out[out.length - 1]
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q)
  }
  const first = out[0]
  const last = out[out.length - 1]
  if (first && last && first[0] === last[0] && first[1] === last[1]) out.pop()
  if (first) out.push([first[0], first[1]])
  return out
}

/** A one-part MultiPolygon from a frame ring. */
export function multiPolygon(ring: Ring): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: [[ringToLngLat(ring)]] }
}
