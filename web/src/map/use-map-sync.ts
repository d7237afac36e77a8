// Keeps the map in step with the store: deck layers, boundary data, the chosen area, the camera
// and the optional basemap. Each effect touches one thing, so a change redraws only that thing.
import { useEffect, useState } from 'react'
import type { GeoJSONSource } from 'maplibre-gl'
import { OUTLINE_MIN_ZOOM, compoundsLayer } from '../layers/compounds-layer.ts'
import { selectedCompoundLayer } from '../layers/selected-compound-layer.ts'
import { dataOf } from '../store/async.ts'
import { selectedAreaId } from '../store/area-path.ts'
import { useStore } from '../store/index.ts'
import type { BoundaryLevel } from '../store/ui-slice.ts'
import { useFeature, useRestriction, useVisibleFeatures } from '../store/selectors.ts'
import { applyBasemap } from './basemap.ts'
import { CHENGDU_CENTER, CITY_ZOOM, type MapHandles } from './create-map.ts'
import { showDistrictLabels } from './district-labels.ts'
import {
  FIRST_LINE_LAYER,
  SELECTED_AREA_LAYERS,
  SOURCE,
  selectedAreaFilter,
} from './plain-style.ts'

/** Whether the camera is close enough for compound outlines; changes only when a move ends. */
function useOutlined(h: MapHandles | null): boolean {
  const [outlined, setOutlined] = useState(false)
  useEffect(() => {
    if (!h) return
    const update = () => setOutlined(h.map.getZoom() >= OUTLINE_MIN_ZOOM)
    update()
    h.map.on('zoomend', update)
    return () => void h.map.off('zoomend', update)
  }, [h])
  return outlined
}

/** deck.gl layers from the compounds, the legend filter, the chosen area and the selection. */
function useDeckLayers(h: MapHandles | null, ready: boolean) {
  const visible = useVisibleFeatures()
  const restriction = useRestriction()
  const selected = useFeature(useStore((s) => s.selectedId))
  const outlined = useOutlined(h)
  useEffect(() => {
    if (!h || !ready) return
    h.overlay.setProps({
      layers: [
        compoundsLayer({
          data: visible,
          inside: restriction.inside,
          insideKey: restriction.key,
          outlined,
          beforeId: FIRST_LINE_LAYER,
        }),
        selectedCompoundLayer(selected),
      ],
    })
  }, [h, ready, visible, restriction, selected, outlined])
}

/** One level's boundary GeoJSON into its style source; district labels come with districts. */
function useBoundarySource(h: MapHandles | null, ready: boolean, level: BoundaryLevel) {
  const data = useStore((s) => dataOf(s.boundaries[level]))
  useEffect(() => {
    if (!h || !ready || !data) return
    h.map.getSource<GeoJSONSource>(SOURCE[level])?.setData(data)
    if (level === 'district') return showDistrictLabels(h.map, data)
  }, [h, ready, data, level])
}

/** Room for the floating panels (figures on the left, ledger on the right) when framing an area. */
function focusPadding(h: MapHandles) {
  const { clientWidth: width, clientHeight: height } = h.map.getContainer()
  const side = (share: number, max: number) => Math.round(Math.min(max, width * share))
  return {
    top: Math.min(90, height * 0.15),
    bottom: 40,
    left: side(0.28, 360),
    right: side(0.1, 60),
  }
}

/** Outline of the chosen area and camera moves requested through `focus`. */
function useAreaFocus(h: MapHandles | null, ready: boolean) {
  const areaId = useStore((s) => selectedAreaId(s.areaPath))
  const focus = useStore((s) => s.focus)
  useEffect(() => {
    if (!h || !ready) return
    for (const id of SELECTED_AREA_LAYERS) h.map.setFilter(id, selectedAreaFilter(areaId))
  }, [h, ready, areaId])
  useEffect(() => {
    if (!h || !ready || !focus) return
    if (focus.bbox) {
      const [w, s, e, n] = focus.bbox
      h.map.fitBounds([w, s, e, n], { padding: focusPadding(h), maxDuration: 1500 })
    } else {
      h.map.flyTo({ center: CHENGDU_CENTER, zoom: CITY_ZOOM, maxDuration: 1500 })
    }
  }, [h, ready, focus])
}

function useBasemap(h: MapHandles | null, ready: boolean) {
  const config = useStore((s) => dataOf(s.config))
  useEffect(() => {
    if (h && ready && config) applyBasemap(h.map, config.basemap)
  }, [h, ready, config])
}

/** All store → map synchronisation for one map instance. */
export function useMapSync(h: MapHandles | null) {
  const ready = useStore((s) => s.mapReady)
  useDeckLayers(h, ready)
  useBoundarySource(h, ready, 'district')
  useBoundarySource(h, ready, 'street')
  useBoundarySource(h, ready, 'community')
  useAreaFocus(h, ready)
  useBasemap(h, ready)
}
