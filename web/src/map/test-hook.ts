// The browser tests' window onto the map (tests/e2e). Kept deliberately small and stable: it
// reports what was drawn and moves the camera, it never reaches into app state.
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { LngLat } from '../api/types.ts'

export interface YuanluoTestHook {
  /** Compound features in the deck layer, set once deck has drawn that layer with its data loaded. */
  compoundsDrawn: number
  /** Candidate joint branches in their deck layer, set once deck has drawn it (0 when none). */
  jointCandidatesDrawn: number
  /** Chosen new station sites in their marker layer, set once deck has drawn it (0 when none). */
  sitingSitesDrawn: number
  /** Compounds held by the open plan's branches in their deck layer, once drawn (0 when none). */
  planCompoundsDrawn: number
  /** Compounds outlined as the ledger table's search/status matches, once a frame drew them (0: none). */
  ledgerMatchesDrawn: number
  /** Ids of the compounds those outlines were drawn for, ascending. */
  ledgerMatchIds: number[]
  /**
   * performance.now() of the frame in which each count last changed (benches time edits by it);
   * for the ledger's matches, of the frame that drew the last change of the matches.
   */
  drawnAt: Partial<Record<DrawnField, number>>
  /** True once the map's style and sources have loaded and the first frame was drawn. */
  mapReady: boolean
  /** How compounds are drawn: deck.gl over one GeoJSON, or MapLibre vector tiles; unset until known. */
  mode?: 'geojson' | 'tiles'
  /** Tile mode: distinct compounds in the rendered tile fill layer, updated when the map is idle. */
  tileCompoundsRendered: number
  /** performance.now() when the map first went idle with tile compounds (or hexagons) drawn. */
  tileFirstDrawnAt?: number
  /** Tile mode: distinct compounds rendered now, optionally of one status (queryRenderedFeatures). */
  renderedTileCompounds(status?: string): number
  /** Viewport (page) pixel position of a point, for clicking it. */
  project(lngLat: LngLat): [number, number]
  /** Flies the camera; resolves on `moveend`. */
  flyTo(lngLat: LngLat, zoom: number): Promise<void>
  /** Moves the camera at once (benches pan one step per animation frame). */
  jumpTo(lngLat: LngLat, zoom: number): void
  /** The camera now: centre, zoom, visible [west, south, east, north], and whether it is moving. */
  camera(): CameraNow
}

export interface CameraNow {
  center: LngLat
  zoom: number
  bounds: [number, number, number, number]
  /** An animation (flyTo, fitBounds) or a gesture is under way. */
  moving: boolean
}

/** The hook's counts of drawn features, each fed by one deck layer. */
export type DrawnField =
  | 'compoundsDrawn'
  | 'jointCandidatesDrawn'
  | 'sitingSitesDrawn'
  | 'planCompoundsDrawn'
  | 'ledgerMatchesDrawn'

declare global {
  interface Window {
    __yuanluo?: YuanluoTestHook
  }
}

/** Installs `window.__yuanluo` for one map and returns it, so the map code can update its fields. */
export function installTestHook(map: MapLibreMap): YuanluoTestHook {
  const hook: YuanluoTestHook = {
    compoundsDrawn: 0,
    jointCandidatesDrawn: 0,
    sitingSitesDrawn: 0,
    planCompoundsDrawn: 0,
    ledgerMatchesDrawn: 0,
    ledgerMatchIds: [],
    drawnAt: {},
    mapReady: false,
    tileCompoundsRendered: 0,
    renderedTileCompounds: () => 0,
    project([lng, lat]) {
      const p = map.project([lng, lat])
      const rect = map.getContainer().getBoundingClientRect()
      return [p.x + rect.left, p.y + rect.top]
    },
    flyTo([lng, lat], zoom) {
      return new Promise((resolve) => {
        map.once('moveend', () => resolve())
        // Bounded so a test never waits on a long animation under a software renderer.
        map.flyTo({ center: [lng, lat], zoom, essential: true, maxDuration: 1500 })
      })
    },
    jumpTo([lng, lat], zoom) {
      map.jumpTo({ center: [lng, lat], zoom })
    },
    camera() {
      const c = map.getCenter()
      const b = map.getBounds()
      return {
        center: [c.lng, c.lat],
        zoom: map.getZoom(),
        bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
        moving: map.isMoving(),
      }
    },
  }
  window.__yuanluo = hook
  return hook
}
