// A row's geometry made fit for compound.boundary (MultiPolygon) or compound.location (Point):
// polygons become MultiPolygons with closed rings wound the RFC 7946 way; points are kept and the
// compound is flagged as having no boundary; lines and empty shapes are refused.
import type { Geometry, MultiPolygon, Point, Position } from 'geojson'
import { formatPosition } from './coords.ts'
import { findSelfIntersection } from './self-intersection.ts'
import { ringArea } from './shp.ts'

export type GeometryOutcome =
  | {
      ok: true
      boundary: MultiPolygon | null
      location: Point | null
      /** The ring-closing repair was applied. */
      closedRings: boolean
      /** Where a ring crosses itself, for a warning; the database step repairs it. */
      selfIntersection: string | null
    }
  | {
      ok: false
      code:
        | 'GEOMETRY_EMPTY'
        | 'GEOMETRY_NOT_POLYGON'
        | 'GEOMETRY_DEGENERATE'
        | 'GEOMETRY_BAD_COORDINATES'
      params: Record<string, string>
    }

const finite = (p: Position) => Number.isFinite(p[0]) && Number.isFinite(p[1])
const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1]

function hasThreeDistinct(ring: Position[]): boolean {
  const a = ring[0]!
  const b = ring.find((p) => !same(p, a))
  return b !== undefined && ring.some((p) => !same(p, a) && !same(p, b))
}

function collectPolygons(g: Geometry): {
  polygons: Position[][][]
  points: Position[]
  other: string | null
} {
  switch (g.type) {
    case 'Polygon':
      return { polygons: [g.coordinates], points: [], other: null }
    case 'MultiPolygon':
      return { polygons: g.coordinates, points: [], other: null }
    case 'Point':
      return { polygons: [], points: [g.coordinates], other: null }
    case 'MultiPoint':
      return {
        polygons: [],
        points: g.coordinates,
        other: g.coordinates.length > 1 ? 'MultiPoint' : null,
      }
    case 'GeometryCollection': {
      const parts = g.geometries.map(collectPolygons)
      const polygons = parts.flatMap((p) => p.polygons)
      const points = parts.flatMap((p) => p.points)
      const other =
        parts.find((p) => p.other)?.other ??
        (polygons.length > 0 && points.length > 0 ? 'GeometryCollection' : null)
      return { polygons, points, other }
    }
    default:
      return { polygons: [], points: [], other: g.type }
  }
}

/** Checks and normalises one geometry in EPSG:4326 for the compound table. */
export function checkGeometry(
  g: Geometry | null,
  options: { selfIntersection?: boolean } = {},
): GeometryOutcome {
  if (!g) return { ok: false, code: 'GEOMETRY_EMPTY', params: {} }
  const { polygons, points, other } = collectPolygons(g)
  if (other) return { ok: false, code: 'GEOMETRY_NOT_POLYGON', params: { type: other } }
  if (polygons.length === 0) {
    const p = points[0]
    if (!p) return { ok: false, code: 'GEOMETRY_EMPTY', params: {} }
    if (!finite(p))
      return { ok: false, code: 'GEOMETRY_BAD_COORDINATES', params: { sample: formatPosition(p) } }
    return {
      ok: true,
      boundary: null,
      location: { type: 'Point', coordinates: [p[0]!, p[1]!] },
      closedRings: false,
      selfIntersection: null,
    }
  }
  let closedRings = false
  let selfIntersection: string | null = null
  const out: Position[][][] = []
  for (const poly of polygons) {
    const rings: Position[][] = []
    for (const [k, raw] of poly.entries()) {
      if (raw.length === 0) continue
      const bad = raw.find((p) => !finite(p))
      if (bad)
        return {
          ok: false,
          code: 'GEOMETRY_BAD_COORDINATES',
          params: { sample: formatPosition(bad) },
        }
      const ring = raw.map((p) => [p[0]!, p[1]!])
      const first = ring[0]!
      const last = ring[ring.length - 1]!
      if (first[0] !== last[0] || first[1] !== last[1]) {
        ring.push([first[0]!, first[1]!])
        closedRings = true
      }
      if (ring.length < 4 || !hasThreeDistinct(ring))
        return { ok: false, code: 'GEOMETRY_DEGENERATE', params: {} }
      // RFC 7946: shells counter-clockwise, holes clockwise.
      const ccw = ringArea(ring) > 0
      if ((k === 0) !== ccw) ring.reverse()
      rings.push(ring)
    }
    if (rings.length === 0) continue
    if (options.selfIntersection !== false && !selfIntersection) {
      const at = findSelfIntersection(rings)
      if (at) selfIntersection = formatPosition(at)
    }
    out.push(rings)
  }
  if (out.length === 0) return { ok: false, code: 'GEOMETRY_EMPTY', params: {} }
  return {
    ok: true,
    boundary: { type: 'MultiPolygon', coordinates: out },
    location: null,
    closedRings,
    selfIntersection,
  }
}
