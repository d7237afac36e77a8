// Walking the positions of GeoJSON geometries without caring about their nesting.
import type { Geometry, Position } from 'geojson'

/** Calls fn for every position of a geometry (collections included). */
export function forEachPosition(g: Geometry, fn: (p: Position) => void): void {
  switch (g.type) {
    case 'Point':
      fn(g.coordinates)
      return
    case 'MultiPoint':
    case 'LineString':
      g.coordinates.forEach(fn)
      return
    case 'MultiLineString':
    case 'Polygon':
      for (const r of g.coordinates) r.forEach(fn)
      return
    case 'MultiPolygon':
      for (const p of g.coordinates) for (const r of p) r.forEach(fn)
      return
    case 'GeometryCollection':
      for (const c of g.geometries) forEachPosition(c, fn)
  }
}

/** A copy of a geometry with every position replaced by fn(position), 2D only. */
export function mapPositions(g: Geometry, fn: (p: Position) => Position): Geometry {
  const m = (p: Position) => fn(p)
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: m(g.coordinates) }
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: g.coordinates.map(m) }
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(m) }
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((r) => r.map(m)) }
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(m)) }
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(m))) }
    case 'GeometryCollection':
      return {
        type: 'GeometryCollection',
        geometries: g.geometries.map((c) => mapPositions(c, fn)),
      }
  }
}

/** The first position of a geometry for which pred holds, or null. */
export function findPosition(g: Geometry, pred: (p: Position) => boolean): Position | null {
  const found: Position[] = []
  forEachPosition(g, (p) => {
    if (found.length === 0 && pred(p)) found.push(p)
  })
  return found[0] ?? null
}

/** [minX, minY, maxX, maxY] over finite positions, or null when there are none. */
export type Extent = [number, number, number, number]

/** The extent of many geometries in their own units. */
export function extentOf(geoms: Iterable<Geometry | null>): Extent | null {
  let e: Extent | null = null
  for (const g of geoms) {
    if (!g) continue
    forEachPosition(g, ([x, y]) => {
      if (!Number.isFinite(x) || !Number.isFinite(y)) return
      if (!e) e = [x!, y!, x!, y!]
      else {
        if (x! < e[0]) e[0] = x!
        if (y! < e[1]) e[1] = y!
        if (x! > e[2]) e[2] = x!
        if (y! > e[3]) e[3] = y!
      }
    })
  }
  return e
}

/** A position written for messages, 6 significant decimals at most. */
export const formatPosition = (p: Position) =>
  `(${p
    .slice(0, 2)
    .map((v) => (Math.abs(v) >= 1000 ? v.toFixed(2) : Number(v.toFixed(6)).toString()))
    .join(', ')})`
