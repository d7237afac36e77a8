// Writes a Mapbox Vector Tile (spec 2.1) from rows whose geometry is already in tile units, as the
// PGlite query returns them; PostgreSQL's ST_AsMVT writes the same tile itself.
import vtpbf, { type VtFeature } from 'vt-pbf'
import { EXTENT } from './tile-math.ts'

/** One feature: its id, its properties (nulls are left out, as ST_AsMVT does) and GeoJSON text. */
export type TileRow = { fid: number | null; geom: string } & Record<
  string,
  string | number | boolean | null
>

type Pos = [number, number]
type Geometry =
  | { type: 'Point'; coordinates: Pos }
  | { type: 'MultiPoint'; coordinates: Pos[] }
  | { type: 'LineString'; coordinates: Pos[] }
  | { type: 'MultiLineString'; coordinates: Pos[][] }
  | { type: 'Polygon'; coordinates: Pos[][] }
  | { type: 'MultiPolygon'; coordinates: Pos[][][] }

// The spec's surveyor's formula in tile units (y down): exterior rings positive, holes negative.
const area = (ring: Pos[]) => {
  let s = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as Pos
    const b = ring[i] as Pos
    s += a[0] * b[1] - b[0] * a[1]
  }
  return s
}
const wound = (ring: Pos[], exterior: boolean) =>
  area(ring) > 0 === exterior ? ring : ring.slice().reverse()

function toVt(g: Geometry): Pick<VtFeature, 'type' | 'geometry'> | undefined {
  switch (g.type) {
    case 'Point':
      return { type: 1, geometry: [g.coordinates] }
    case 'MultiPoint':
      return { type: 1, geometry: g.coordinates }
    case 'LineString':
      return { type: 2, geometry: [g.coordinates] }
    case 'MultiLineString':
      return { type: 2, geometry: g.coordinates }
    case 'Polygon':
    case 'MultiPolygon': {
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
      const rings = polygons.flatMap((p) => p.map((r, i) => wound(r, i === 0)))
      return rings.length ? { type: 3, geometry: rings } : undefined
    }
  }
}

/** The tile's protobuf bytes; an empty array when no row has a geometry left. */
export function encodeTile(layerName: string, rows: readonly TileRow[]): Uint8Array {
  const features: VtFeature[] = []
  for (const { fid, geom, ...props } of rows) {
    const vt = toVt(JSON.parse(geom) as Geometry)
    if (!vt) continue
    const tags: VtFeature['tags'] = {}
    for (const [k, v] of Object.entries(props)) if (v !== null) tags[k] = v
    features.push({ ...vt, ...(fid === null ? {} : { id: fid }), tags })
  }
  if (features.length === 0) return new Uint8Array(0)
  return vtpbf.fromGeojsonVt({ [layerName]: { features } }, { version: 2, extent: EXTENT })
}
