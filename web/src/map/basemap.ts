// Optional online basemaps, used only when the server's configuration enables them. The plain
// style stays underneath, so a network that blocks the tiles still shows a usable map.
import type { Map as MapLibreMap } from 'maplibre-gl'
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
export function effectiveBasemap(config: BasemapConfig | undefined): 'plain' | 'tianditu' {
  if (config?.kind === 'tianditu' && config.tiandituKey) return 'tianditu'
  // TODO(pmtiles): a local PMTiles archive needs the `pmtiles` package (protocol handler).
  return 'plain'
}

/** Adds the configured raster basemap beneath our layers; idempotent. */
export function applyBasemap(map: MapLibreMap, config: BasemapConfig | undefined): void {
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
