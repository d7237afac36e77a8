// Web Mercator tile arithmetic (EPSG:3857, the XYZ scheme MapLibre asks for) and what each layer
// draws at each zoom.

/** Tile extent (coordinate units per tile side) and buffer (units drawn beyond each edge). */
export const EXTENT = 4096
export const BUFFER = 64
export const MAX_ZOOM = 22

const HALF_WORLD = 20037508.342789244

export interface TileId {
  z: number
  x: number
  y: number
}

/** The tile's bounds in EPSG:3857 metres, as ST_TileEnvelope(z, x, y) gives them. */
export function tileBounds({ z, x, y }: TileId) {
  const size = (2 * HALF_WORLD) / 2 ** z
  const xmin = -HALF_WORLD + x * size
  const ymax = HALF_WORLD - y * size
  return { xmin, ymin: ymax - size, xmax: xmin + size, ymax, size }
}

export const LAYERS = ['compounds', 'areas'] as const
export type LayerName = (typeof LAYERS)[number]

/** Below this zoom the compounds layer is empty: a tile would aggregate whole provinces. */
export const COMPOUND_MIN_ZOOM = 8
/** From this zoom compound polygons are drawn; below it, hexagon aggregates. */
export const COMPOUND_POLYGON_ZOOM = 12
/** Hexagons across one tile side at aggregate zooms. */
export const HEXES_PER_TILE = 16

export type AreaLevelShown = 'city' | 'district' | 'street' | 'community'

/** The area level the areas layer draws at zoom z. */
export function areaLevelAt(z: number): AreaLevelShown {
  if (z < 6) return 'city'
  if (z < 9) return 'district'
  if (z < 12) return 'street'
  return 'community'
}

/** What a tile of `layer` at zoom z holds: the MVT layer name and the kind of features. */
export type TilePlan =
  | { kind: 'empty' }
  | { kind: 'compounds'; mvtLayer: 'compounds' }
  | { kind: 'hexes'; mvtLayer: 'compound_hexes'; hexSize: number }
  | { kind: 'areas'; mvtLayer: 'areas'; level: AreaLevelShown }

export function planTile(layer: LayerName, t: TileId): TilePlan {
  if (layer === 'areas') return { kind: 'areas', mvtLayer: 'areas', level: areaLevelAt(t.z) }
  if (t.z < COMPOUND_MIN_ZOOM) return { kind: 'empty' }
  if (t.z < COMPOUND_POLYGON_ZOOM)
    return {
      kind: 'hexes',
      mvtLayer: 'compound_hexes',
      // ST_HexagonGrid's size is the hexagon's edge (= circumradius) in metres; the grid is
      // anchored at the origin, so a hexagon is the same in every tile and zoom-consistent.
      hexSize: tileBounds(t).size / HEXES_PER_TILE / Math.sqrt(3),
    }
  return { kind: 'compounds', mvtLayer: 'compounds' }
}
