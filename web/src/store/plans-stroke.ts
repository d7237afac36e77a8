// The brush: compounds under the pointer are gathered while the planner drags (drawn as a
// preview), and the whole stroke becomes one edit, one undo step, when the button is released.
// Hit-testing is done here on the CPU against the compounds' outlines in local metres, through a
// grid index: exact, independent of what the GPU last drew, and testable without a browser.
import type { MultiPolygon, Point } from 'geojson'
import { metresPerDegree } from '../../../server/src/domain/branch-rules.ts'
import type { LngLat } from '../api/types.ts'

export interface Stroke {
  mode: 'add' | 'remove'
  /** Compounds reached so far, in the order reached. */
  ids: number[]
  seen: ReadonlySet<number>
}

export const startStroke = (mode: Stroke['mode']): Stroke => ({ mode, ids: [], seen: new Set() })

/** The stroke with `hits` added; the same stroke when all were already in it. */
export function extendStroke(stroke: Stroke, hits: readonly number[]): Stroke {
  const fresh = hits.filter((id, i) => !stroke.seen.has(id) && hits.indexOf(id) === i)
  if (fresh.length === 0) return stroke
  const seen = new Set(stroke.seen)
  for (const id of fresh) seen.add(id)
  return { mode: stroke.mode, ids: [...stroke.ids, ...fresh], seen }
}

type Xy = [number, number]

interface Shape {
  id: number
  /** Rings in local metres; a compound known only by its point has none. */
  rings: Xy[][]
  point: Xy
  box: [number, number, number, number]
}

export interface HitIndex {
  origin: LngLat
  perDeg: { lng: number; lat: number }
  cellM: number
  cells: Map<string, Shape[]>
}

export interface HitSource {
  id: number
  geometry: MultiPolygon | Point
}

/** Radius (m) a compound known only by its point is given, like its dot on the map. */
const POINT_RADIUS_M = 40
const CELL_M = 150

/** Indexes compound outlines for hit-testing around `origin` (any point near them). */
export function buildHitIndex(sources: readonly HitSource[], origin?: LngLat): HitIndex {
  const o: LngLat = origin ?? firstPoint(sources) ?? [0, 0]
  const perDeg = metresPerDegree(o[1])
  const toXy = ([lng, lat]: number[]): Xy => [
    (lng! - o[0]) * perDeg.lng,
    (lat! - o[1]) * perDeg.lat,
  ]
  const cells = new Map<string, Shape[]>()
  for (const s of sources) {
    let rings: Xy[][] = []
    let point: Xy
    if (s.geometry.type === 'Point') point = toXy(s.geometry.coordinates)
    else {
      rings = s.geometry.coordinates.flatMap((poly) => poly.map((ring) => ring.map(toXy)))
      point = rings[0]?.[0] ?? [0, 0]
    }
    const pts = rings.length > 0 ? rings.flat() : [point]
    const pad = rings.length > 0 ? 0 : POINT_RADIUS_M
    const box: Shape['box'] = [Infinity, Infinity, -Infinity, -Infinity]
    for (const [x, y] of pts) {
      box[0] = Math.min(box[0], x - pad)
      box[1] = Math.min(box[1], y - pad)
      box[2] = Math.max(box[2], x + pad)
      box[3] = Math.max(box[3], y + pad)
    }
    const shape: Shape = { id: s.id, rings, point, box }
    for (let cx = Math.floor(box[0] / CELL_M); cx <= Math.floor(box[2] / CELL_M); cx++)
      for (let cy = Math.floor(box[1] / CELL_M); cy <= Math.floor(box[3] / CELL_M); cy++) {
        const k = `${cx},${cy}`
        const list = cells.get(k)
        if (list) list.push(shape)
        else cells.set(k, [shape])
      }
  }
  return { origin: o, perDeg, cellM: CELL_M, cells }
}

function firstPoint(sources: readonly HitSource[]): LngLat | undefined {
  const g = sources[0]?.geometry
  if (!g) return undefined
  const p = g.type === 'Point' ? g.coordinates : g.coordinates[0]?.[0]?.[0]
  return p ? [p[0]!, p[1]!] : undefined
}

function insideRings(rings: Xy[][], x: number, y: number): boolean {
  let inside = false
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!
      const [xj, yj] = ring[j]!
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
    }
  return inside
}

function segmentDistance(x: number, y: number, [ax, ay]: Xy, [bx, by]: Xy): number {
  const dx = bx - ax
  const dy = by - ay
  const len2 = dx * dx + dy * dy
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2))
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy))
}

/** Distance (m) from a local point to a compound: 0 inside it. */
function distanceTo(shape: Shape, x: number, y: number): number {
  if (shape.rings.length === 0)
    return Math.max(0, Math.hypot(x - shape.point[0], y - shape.point[1]) - POINT_RADIUS_M)
  if (insideRings(shape.rings, x, y)) return 0
  let d = Infinity
  for (const ring of shape.rings)
    for (let i = 1; i < ring.length; i++)
      d = Math.min(d, segmentDistance(x, y, ring[i - 1]!, ring[i]!))
  return d
}

/** Compounds within `radiusM` of a point (inside or touching the brush circle). */
export function hitsNear(index: HitIndex, [lng, lat]: LngLat, radiusM: number): number[] {
  const x = (lng - index.origin[0]) * index.perDeg.lng
  const y = (lat - index.origin[1]) * index.perDeg.lat
  const out: number[] = []
  const seen = new Set<number>()
  const c = index.cellM
  for (let cx = Math.floor((x - radiusM) / c); cx <= Math.floor((x + radiusM) / c); cx++)
    for (let cy = Math.floor((y - radiusM) / c); cy <= Math.floor((y + radiusM) / c); cy++)
      for (const s of index.cells.get(`${cx},${cy}`) ?? []) {
        if (seen.has(s.id)) continue
        seen.add(s.id)
        const [w, so, e, n] = s.box
        if (x < w - radiusM || x > e + radiusM || y < so - radiusM || y > n + radiusM) continue
        if (distanceTo(s, x, y) <= radiusM) out.push(s.id)
      }
  return out
}

/**
 * Compounds the brush swept between two pointer positions: sampled every half radius (at least
 * every metre), so a fast drag that skips pixels between events still paints what it crossed.
 */
export function hitsAlong(index: HitIndex, from: LngLat, to: LngLat, radiusM: number): number[] {
  const dx = (to[0] - from[0]) * index.perDeg.lng
  const dy = (to[1] - from[1]) * index.perDeg.lat
  const steps = Math.max(1, Math.ceil(Math.hypot(dx, dy) / Math.max(1, radiusM / 2)))
  const out: number[] = []
  const seen = new Set<number>()
  for (let i = 0; i <= steps; i++) {
    const t = i / steps
    const p: LngLat = [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t]
    for (const id of hitsNear(index, p, radiusM))
      if (!seen.has(id)) {
        seen.add(id)
        out.push(id)
      }
  }
  return out
}
