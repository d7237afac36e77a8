// ESRI .shp geometry (with .shx offsets when given) to GeoJSON in the file's own coordinates.
import type { Geometry, Position } from 'geojson'

export interface ShpRecord {
  geometry: Geometry | null
  /** Shape type code when it is one this reader does not turn into GeoJSON (31 multipatch). */
  unsupported?: number
}

const BASE_TYPES: Record<number, 'point' | 'line' | 'polygon' | 'multipoint'> = {
  1: 'point',
  11: 'point',
  21: 'point',
  3: 'line',
  13: 'line',
  23: 'line',
  5: 'polygon',
  15: 'polygon',
  25: 'polygon',
  8: 'multipoint',
  18: 'multipoint',
  28: 'multipoint',
}

/** Parses a .shp buffer into one record per shape; throws Error with a plain reason if corrupt. */
export function parseShp(shp: Uint8Array, shx?: Uint8Array): ShpRecord[] {
  if (shp.length < 100) throw new Error('.shp shorter than its 100-byte header')
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength)
  if (view.getInt32(0, false) !== 9994) throw new Error('.shp does not start with file code 9994')
  const offsets = shx ? shxOffsets(shx, shp.length) : null
  const out: ShpRecord[] = []
  if (offsets) {
    for (const o of offsets) out.push(readRecord(view, o))
    return out
  }
  // Without .shx, walk the records by their declared lengths.
  for (let o = 100; o + 12 <= shp.length;) {
    const words = view.getInt32(o + 4, false)
    if (words < 2 || o + 8 + words * 2 > shp.length)
      throw new Error(`bad record length at byte ${o}`)
    out.push(readRecord(view, o))
    o += 8 + words * 2
  }
  return out
}

function shxOffsets(shx: Uint8Array, shpLength: number): number[] | null {
  if (shx.length < 100) return null
  const view = new DataView(shx.buffer, shx.byteOffset, shx.byteLength)
  const offsets: number[] = []
  for (let p = 100; p + 8 <= shx.length; p += 8) {
    const o = view.getInt32(p, false) * 2
    // A broken index is ignored in favour of walking the .shp.
    if (o < 100 || o + 12 > shpLength) return null
    offsets.push(o)
  }
  return offsets
}

function readRecord(view: DataView, o: number): ShpRecord {
  const c = o + 8 // content starts after record number and length
  const type = view.getInt32(c, true)
  if (type === 0) return { geometry: null }
  const base = BASE_TYPES[type]
  if (!base) return { geometry: null, unsupported: type }
  if (base === 'point') {
    const x = view.getFloat64(c + 4, true)
    const y = view.getFloat64(c + 12, true)
    return {
      geometry: Number.isNaN(x) || Number.isNaN(y) ? null : { type: 'Point', coordinates: [x, y] },
    }
  }
  if (base === 'multipoint') {
    const n = view.getInt32(c + 36, true)
    const pts: Position[] = []
    for (let i = 0; i < n; i++)
      pts.push([view.getFloat64(c + 40 + i * 16, true), view.getFloat64(c + 48 + i * 16, true)])
    return { geometry: n === 0 ? null : { type: 'MultiPoint', coordinates: pts } }
  }
  const numParts = view.getInt32(c + 36, true)
  const numPoints = view.getInt32(c + 40, true)
  if (numParts < 0 || numPoints < 0 || c + 44 + numParts * 4 + numPoints * 16 > view.byteLength)
    throw new Error(`record at byte ${o} runs past the end of the file`)
  const starts: number[] = []
  for (let i = 0; i < numParts; i++) starts.push(view.getInt32(c + 44 + i * 4, true))
  const pointsAt = c + 44 + numParts * 4
  const parts: Position[][] = starts.map((s, i) => {
    const end = i + 1 < numParts ? starts[i + 1]! : numPoints
    const ring: Position[] = []
    for (let k = s; k < end; k++)
      ring.push([
        view.getFloat64(pointsAt + k * 16, true),
        view.getFloat64(pointsAt + k * 16 + 8, true),
      ])
    return ring
  })
  const nonEmpty = parts.filter((p) => p.length > 0)
  if (nonEmpty.length === 0) return { geometry: null }
  if (base === 'line')
    return {
      geometry:
        nonEmpty.length === 1
          ? { type: 'LineString', coordinates: nonEmpty[0]! }
          : { type: 'MultiLineString', coordinates: nonEmpty },
    }
  return { geometry: assemblePolygons(nonEmpty) }
}

/** Signed area of a ring in its own units (positive = counter-clockwise with y up). */
export function ringArea(ring: Position[]): number {
  let s = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!)
  return s / 2
}

/** True when a point lies inside a ring (even-odd rule). */
export function pointInRing(p: Position, ring: Position[]): boolean {
  const [x, y] = p as [number, number]
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number]
    const [xj, yj] = ring[j] as [number, number]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

// Shapefile outer rings run clockwise and holes counter-clockwise; each hole goes to the smallest
// outer ring holding it. Writers that ignore the rule (all rings one way) get every ring as a shell.
function assemblePolygons(rings: Position[][]): Geometry {
  const shells: { ring: Position[]; area: number; holes: Position[][] }[] = []
  const holes: Position[][] = []
  for (const r of rings) {
    const a = ringArea(r)
    if (a <= 0) shells.push({ ring: r, area: -a, holes: [] })
    else holes.push(r)
  }
  if (shells.length === 0) return polygonsOf(holes.map((r) => ({ ring: r, holes: [] })))
  for (const h of holes) {
    const probe = h[0]!
    const owner = shells
      .filter((s) => pointInRing(probe, s.ring))
      .sort((a, b) => a.area - b.area)[0]
    if (owner) owner.holes.push(h)
    else shells.push({ ring: h, area: ringArea(h), holes: [] })
  }
  return polygonsOf(shells)
}

function polygonsOf(shells: { ring: Position[]; holes: Position[][] }[]): Geometry {
  const polys = shells.map((s) => [s.ring, ...s.holes])
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0]! }
    : { type: 'MultiPolygon', coordinates: polys }
}
