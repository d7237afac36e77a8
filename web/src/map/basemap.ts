// Optional online basemaps, used only when the server's configuration enables them. The plain
// style stays underneath, so a network that blocks the tiles still shows a usable map.
import { addProtocol, type Map as MapLibreMap } from 'maplibre-gl'
import { PMTiles, Protocol, TileType } from 'pmtiles'
import type { BasemapConfig } from '../api/types.ts'
import { BASEMAP_BEFORE } from './plain-style.ts'

const TIANDITU_SUBDOMAINS = [0, 1, 2, 3, 4, 5, 6, 7]

/** Tile URLs of one Tianditu Web-Mercator WMTS service (`vec` roads, `cva` annotations). */
export function tiandituTiles(layer: 'vec' | 'cva', key: string): string[] {
  const query =
    `SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w` +
    `&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`
  return TIANDITU_SUBDOMAINS.map((n) => `https://t${n}.tianditu.gov.cn/${layer}_w/wmts?${query}`)
}

/** What the configuration asks for, reduced to what this build can show. */
export function effectiveBasemap(
  config: BasemapConfig | undefined,
): 'plain' | 'tianditu' | 'pmtiles' {
  if (config?.kind === 'tianditu' && config.tiandituKey) return 'tianditu'
  if (config?.kind === 'pmtiles' && config.pmtilesUrl) return 'pmtiles'
  return 'plain'
}

/** Adds the configured basemap beneath our layers; idempotent. */
export function applyBasemap(map: MapLibreMap, config: BasemapConfig | undefined): void {
  if (config?.kind === 'pmtiles' && config.pmtilesUrl) {
    void applyPmtiles(map, config.pmtilesUrl)
    return
  }
  if (effectiveBasemap(config) !== 'tianditu' || config?.kind !== 'tianditu') return
  const key = config.tiandituKey!
  for (const layer of ['vec', 'cva'] as const) {
    const id = `tianditu-${layer}`
    if (map.getSource(id)) continue
    map.addSource(id, {
      type: 'raster',
      tiles: tiandituTiles(layer, key),
      tileSize: 256,
      maxzoom: 18,
      attribution: '© 天地图',
    })
    map.addLayer({ id, type: 'raster', source: id }, BASEMAP_BEFORE)
  }
  // Over a real basemap the land fill would hide it; let it through faintly.
  map.setPaintProperty('district-fill', 'fill-opacity', 0.15)
}

const PMTILES_SOURCE = 'basemap-pmtiles'
let pmtilesProtocol: Protocol | undefined

/** The MapLibre layers that draw one archive: a raster layer, or lines and fills for each vector layer. */
export function pmtilesLayers(
  tileType: TileType,
  vectorLayerIds: readonly string[],
): { id: string; type: 'raster' | 'line' | 'fill'; sourceLayer?: string }[] {
  if (tileType === TileType.Mvt)
    return vectorLayerIds.flatMap((layer) => [
      { id: `${PMTILES_SOURCE}-${layer}-fill`, type: 'fill' as const, sourceLayer: layer },
      { id: `${PMTILES_SOURCE}-${layer}-line`, type: 'line' as const, sourceLayer: layer },
    ])
  return [{ id: PMTILES_SOURCE, type: 'raster' }]
}

/**
 * A PMTiles archive served from our own origin (or wherever the operator points): raster archives
 * draw as is; vector archives draw every layer as faint fills and lines, since no style ships with them.
 */
async function applyPmtiles(map: MapLibreMap, url: string): Promise<void> {
  if (map.getSource(PMTILES_SOURCE)) return
  if (!pmtilesProtocol) {
    pmtilesProtocol = new Protocol()
    addProtocol('pmtiles', pmtilesProtocol.tile)
  }
  const absolute = new URL(url, window.location.href).href
  const archive = new PMTiles(absolute)
  pmtilesProtocol.add(archive)
  const header = await archive.getHeader()
  const metadata = (await archive.getMetadata()) as { vector_layers?: { id: string }[] }
  if (map.getSource(PMTILES_SOURCE)) return
  const vector = header.tileType === TileType.Mvt
  map.addSource(PMTILES_SOURCE, {
    type: vector ? 'vector' : 'raster',
    url: `pmtiles://${absolute}`,
    ...(vector ? {} : { tileSize: 256 }),
  })
  for (const layer of pmtilesLayers(
    header.tileType,
    (metadata.vector_layers ?? []).map((l) => l.id),
  )) {
    const common = { id: layer.id, source: PMTILES_SOURCE }
    if (layer.type === 'raster') map.addLayer({ ...common, type: 'raster' }, BASEMAP_BEFORE)
    else if (layer.type === 'fill')
      map.addLayer(
        {
          ...common,
          type: 'fill',
          'source-layer': layer.sourceLayer!,
          filter: ['==', ['geometry-type'], 'Polygon'],
          paint: { 'fill-color': '#e6e2da', 'fill-opacity': 0.5 },
        },
        BASEMAP_BEFORE,
      )
    else
      map.addLayer(
        {
          ...common,
          type: 'line',
          'source-layer': layer.sourceLayer!,
          paint: { 'line-color': '#b9b3a8', 'line-width': 0.6 },
        },
        BASEMAP_BEFORE,
      )
  }
}
