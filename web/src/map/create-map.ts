// Builds the MapLibre map and the interleaved deck.gl overlay. Everything is bundled: the worker
// script comes from our own origin, the style is built in code, and no request leaves it.
import { MapLibreOverlay } from '@deck.gl/maplibre'
import type { FilterContext, PickingInfo } from '@deck.gl/core'
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import type { CompoundFeature, LngLat } from '../api/types.ts'
import { COMPOUNDS_LAYER_ID } from '../layers/compounds-layer.ts'
import { JOINT_CANDIDATES_LAYER_ID } from '../layers/joint-candidates-layer.ts'
import { PLAN_BRANCHES_LAYER_ID } from '../layers/plan-branches-layer.ts'
import { SITING_POINTS_LAYER_ID, type PointDatum } from '../layers/siting-points-layer.ts'
import { SITING_SITES_LAYER_ID } from '../layers/siting-sites-layer.ts'
import type { Hover } from '../store/compounds-slice.ts'
import { plainStyle } from './plain-style.ts'
import { tileCompoundAt, tilesShown } from './tile-compounds.ts'
import { installTestHook, type DrawnField, type YuanluoTestHook } from './test-hook.ts'

// MapLibre 6 finds its worker next to its own module by default, which breaks once Vite has
// bundled it; point it at the copy Vite emits (same origin, offline-safe).
setWorkerUrl(workerUrl)

/** Tianfu Square, the customary centre of Chengdu maps (WGS84). */
export const CHENGDU_CENTER: LngLat = [104.0657, 30.6574]
export const CITY_ZOOM = 10.5

export interface MapCallbacks {
  onHover: (info: Hover | null) => void
  onClick: (id: number | null) => void
  /** True while clicks place candidate sites (station siting) instead of opening compounds. */
  placing: () => boolean
  /** A click while placing: at `lngLat`, on the analyst's point `hit` (its index) or on none. */
  onPlace: (lngLat: LngLat, hit: number | null) => void
  onReady: () => void
  onError: (error: unknown) => void
  /** A tool's cursor over the map (the plans brush), or null for the usual hover cursor. */
  toolCursor?: () => string | null
  /**
   * A compound under a click found without deck's GPU picking (the plans editor's CPU index):
   * an id or null when the tool answered, undefined to pick through the overlay as usual.
   */
  pickAt?: (lngLat: LngLat) => number | null | undefined
}

export interface MapHandles {
  map: MapLibreMap
  overlay: MapLibreOverlay
  hook: YuanluoTestHook
  /** Records that a layer draws nothing: deck offers a hidden layer to nothing that could count. */
  clearDrawn: (field: DrawnField) => void
  destroy: () => void
}

/** deck layers whose drawn features the test hook counts, by layer id. */
const COUNTED_LAYERS: Record<string, DrawnField> = {
  [COMPOUNDS_LAYER_ID]: 'compoundsDrawn',
  [JOINT_CANDIDATES_LAYER_ID]: 'jointCandidatesDrawn',
  [SITING_SITES_LAYER_ID]: 'sitingSitesDrawn',
  [PLAN_BRANCHES_LAYER_ID]: 'planCompoundsDrawn',
}

const featureId = (info: PickingInfo): number | null => {
  const f = info.object as CompoundFeature | undefined
  return f && info.layer?.id === COMPOUNDS_LAYER_ID ? f.properties.id : null
}

const featureCount = (data: unknown): number =>
  Array.isArray(data) ? data.length : ((data as { features?: unknown[] })?.features?.length ?? 0)

/** Creates the map in `container`; throws when the browser cannot (no WebGL2). */
export function createMap(container: HTMLElement, cb: MapCallbacks): MapHandles {
  const map = new MapLibreMap({
    container,
    style: plainStyle(),
    center: CHENGDU_CENTER,
    zoom: CITY_ZOOM,
    minZoom: 7,
    maxZoom: 19,
    maxPitch: 0,
    dragRotate: false,
    attributionControl: { compact: true },
    // Screenshots of the map go into reports; keep the last frame readable.
    canvasContextAttributes: { preserveDrawingBuffer: true },
  })
  map.touchZoomRotate.disableRotation()
  map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right')
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right')

  const hook = installTestHook(map)
  // Filled while deck draws, published after the frame: proof the features were really drawn.
  // A hidden layer (no result, panel closed) is never offered to layerFilter: see clearDrawn.
  const drawnThisFrame = new Map<DrawnField, number>()

  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers: [],
    layerFilter: ({ layer, isPicking }: FilterContext) => {
      const field = COUNTED_LAYERS[layer.id]
      if (field && !isPicking && layer.isLoaded)
        drawnThisFrame.set(field, featureCount(layer.props.data))
      return true
    },
    onAfterRender: () => {
      const now = performance.now()
      for (const [field, n] of drawnThisFrame) {
        if (hook[field] !== n) hook.drawnAt[field] = now
        hook[field] = n
      }
      drawnThisFrame.clear()
    },
    onHover: (info) => {
      // Over vector tiles MapLibre's mousemove (below) answers; deck would only say "nothing".
      if (tilesShown(map)) return
      const placing = cb.placing()
      const id = placing ? null : featureId(info)
      cb.onHover(id === null ? null : { x: info.x, y: info.y, id })
      const tool = cb.toolCursor?.() ?? null
      map.getCanvas().style.cursor = tool ?? (placing ? 'crosshair' : id === null ? '' : 'pointer')
    },
    onError: (error) => cb.onError(error),
  })

  // deck's own click recogniser never fires when interleaved on MapLibre 6 (hover does), so
  // clicks come from MapLibre and are picked through the overlay's public pickObject.
  map.on('click', (e) => {
    if (cb.placing()) {
      const hit = overlay.pickObject({
        x: e.point.x,
        y: e.point.y,
        radius: 4,
        layerIds: [SITING_POINTS_LAYER_ID],
      })
      const point = hit?.object as PointDatum | undefined
      cb.onPlace([e.lngLat.lng, e.lngLat.lat], point ? point.index : null)
      return
    }
    const own = cb.pickAt?.([e.lngLat.lng, e.lngLat.lat])
    if (own !== undefined) return cb.onClick(own)
    if (tilesShown(map)) return cb.onClick(tileCompoundAt(map, e.point)?.id ?? null)
    const info = overlay.pickObject({
      x: e.point.x,
      y: e.point.y,
      radius: 2,
      layerIds: [COMPOUNDS_LAYER_ID],
    })
    cb.onClick(info ? featureId(info) : null)
  })
  // Tile mode's hover: the compound under the pointer from the rendered tiles, with its properties.
  map.on('mousemove', (e) => {
    if (!tilesShown(map)) return
    const placing = cb.placing()
    const hit = placing ? null : tileCompoundAt(map, e.point)
    cb.onHover(hit && { x: e.point.x, y: e.point.y, id: hit.id, tile: hit.props })
    const tool = cb.toolCursor?.() ?? null
    map.getCanvas().style.cursor = tool ?? (placing ? 'crosshair' : hit ? 'pointer' : '')
  })
  map.on('mouseout', () => {
    if (tilesShown(map)) cb.onHover(null)
  })
  map.on('load', () => {
    // The overlay places its layer groups relative to our style layers, so it waits for them.
    map.addControl(overlay)
    hook.mapReady = true
    cb.onReady()
  })
  map.on('error', (e) => {
    // Tile failures of an optional online basemap are expected offline; only log them.
    console.warn('[map]', e.error?.message ?? e)
  })

  return {
    map,
    overlay,
    hook,
    clearDrawn: (field) => {
      if (hook[field] !== 0) hook.drawnAt[field] = performance.now()
      hook[field] = 0
    },
    destroy: () => {
      hook.mapReady = false
      map.remove()
    },
  }
}
