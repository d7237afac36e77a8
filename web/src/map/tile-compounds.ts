// Tile mode on the map: the MapLibre vector source and layers of tile-compounds-style.ts, and
// picking in them. Imperative helpers over a map; the React side is use-tile-compounds.ts.
import type {
  Map as MapLibreMap,
  MapGeoJSONFeature,
  PointLike,
  VectorTileSource,
} from 'maplibre-gl'
import {
  TILE_LAYER,
  TILE_SOURCE_ID,
  tileLayers,
  tileSource,
  tileUrlTemplate,
  type TileStyleState,
} from '../layers/tile-compounds-style.ts'
import type { TileCompoundProps } from '../store/compounds-slice.ts'
import type { LayerSpecification } from './map-types.ts'
import { FIRST_LINE_LAYER } from './plain-style.ts'
import type { YuanluoTestHook } from './test-hook.ts'

/** Whether the tile layers are on the map (tile mode). */
export const tilesShown = (map: MapLibreMap) => map.getLayer(TILE_LAYER.fill) !== undefined

/** Adds the source and layers: fills and outlines beneath the boundary lines, the selection on top. */
export function addTileLayers(map: MapLibreMap, origin: string, state: TileStyleState): void {
  if (map.getSource(TILE_SOURCE_ID)) return
  map.addSource(TILE_SOURCE_ID, tileSource(origin) as Parameters<MapLibreMap['addSource']>[1])
  for (const layer of tileLayers(state)) {
    const before = layer.id === TILE_LAYER.selected ? undefined : FIRST_LINE_LAYER
    map.addLayer(layer as Parameters<MapLibreMap['addLayer']>[0], before)
  }
}

export function removeTileLayers(map: MapLibreMap): void {
  for (const id of Object.values(TILE_LAYER)) if (map.getLayer(id)) map.removeLayer(id)
  if (map.getSource(TILE_SOURCE_ID)) map.removeSource(TILE_SOURCE_ID)
}

/** Filter and paint of the layers for a new state (no re-adding: tiles stay loaded). */
export function restyleTileLayers(map: MapLibreMap, state: TileStyleState): void {
  if (!tilesShown(map)) return
  for (const layer of tileLayers(state)) {
    if (layer.id === TILE_LAYER.selected) continue
    const spec = layer as LayerSpecification & { filter?: unknown; paint?: object }
    map.setFilter(layer.id, (spec.filter ?? null) as Parameters<MapLibreMap['setFilter']>[1])
    for (const [k, v] of Object.entries(spec.paint ?? {}))
      map.setPaintProperty(layer.id, k as never, v as never)
  }
}

const compoundOf = (f: MapGeoJSONFeature): { id: number; props: TileCompoundProps } | null => {
  const id = typeof f.id === 'number' ? f.id : Number(f.properties.id)
  if (!Number.isFinite(id)) return null
  const p = f.properties
  return {
    id,
    props: {
      status: p.status,
      members: Number(p.members ?? 0),
      households: Number(p.households ?? 0),
      isOld: p.isOld === true || p.isOld === 'true' || p.isOld === 1,
      communityId: String(p.communityId ?? ''),
    },
  }
}

/** The compound under a screen point (a 2-pixel box, like the deck pick radius), or null. */
export function tileCompoundAt(
  map: MapLibreMap,
  point: { x: number; y: number },
): { id: number; props: TileCompoundProps } | null {
  if (!tilesShown(map)) return null
  const box: [PointLike, PointLike] = [
    [point.x - 2, point.y - 2],
    [point.x + 2, point.y + 2],
  ]
  const [top] = map.queryRenderedFeatures(box, { layers: [TILE_LAYER.fill] })
  return top ? compoundOf(top) : null
}

/** Distinct compounds rendered in the tile fill layer (a compound cut by tile edges counts once). */
export function renderedTileCompounds(map: MapLibreMap, status?: string): number {
  if (!tilesShown(map)) return 0
  const ids = new Set<number | string>()
  for (const f of map.queryRenderedFeatures({ layers: [TILE_LAYER.fill] }))
    if (status === undefined || f.properties.status === status) ids.add(f.id ?? f.properties.id)
  return ids.size
}

/** Anything of the tile layers rendered now (compounds, or hexagons below z12). */
export const tileSomethingRendered = (map: MapLibreMap) =>
  tilesShown(map) &&
  map.queryRenderedFeatures({ layers: [TILE_LAYER.fill, TILE_LAYER.hexes] }).length > 0

/** Records the mode in the test hook. */
export function setHookMode(hook: YuanluoTestHook, mode: 'geojson' | 'tiles' | undefined): void {
  hook.mode = mode
}

/** Keeps the test hook's tile counts while the tile layers are on; returns the undo. */
export function watchTileRendering(map: MapLibreMap, hook: YuanluoTestHook): () => void {
  hook.renderedTileCompounds = (status) => renderedTileCompounds(map, status)
  const onIdle = () => {
    hook.tileCompoundsRendered = renderedTileCompounds(map)
    if (hook.tileFirstDrawnAt === undefined && tileSomethingRendered(map))
      hook.tileFirstDrawnAt = performance.now()
  }
  map.on('idle', onIdle)
  return () => {
    map.off('idle', onIdle)
    hook.renderedTileCompounds = () => 0
    hook.tileCompoundsRendered = 0
  }
}

/**
 * Asks the server for the tiles again after an edit of this page (ledger save, import, adoption):
 * MapLibre keeps loaded tiles, so a new URL (`?v=`, ignored by the server) makes it refetch.
 */
export function refreshTiles(map: MapLibreMap, origin: string, version: number): void {
  const source = map.getSource<VectorTileSource>(TILE_SOURCE_ID)
  source?.setTiles([`${tileUrlTemplate(origin)}?v=${version}`])
}
