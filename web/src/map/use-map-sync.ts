// Keeps the map in step with the store: deck layers, boundary data, the chosen area, the camera
// and the optional basemap. Each effect touches one thing, so a change redraws only that thing.
import { useEffect, useMemo, useState } from 'react'
import type { GeoJSONSource } from 'maplibre-gl'
import { OUTLINE_MIN_ZOOM, compoundsLayer } from '../layers/compounds-layer.ts'
import { jointCandidatesLayer } from '../layers/joint-candidates-layer.ts'
import { jointHighlightLayer } from '../layers/joint-highlight-layer.ts'
import { jointLabelsLayer } from '../layers/joint-labels-layer.ts'
import { jointLeftoversLayer } from '../layers/joint-leftovers-layer.ts'
import { selectedCompoundLayer } from '../layers/selected-compound-layer.ts'
import { interpolate } from '../i18n/format.ts'
import { useT } from '../i18n/use-t.ts'
import { useJointMapData, type JointMapData } from '../store/joint-selectors.ts'
import { useSitingMapData } from '../store/siting-selectors.ts'
import { dataOf } from '../store/async.ts'
import { selectedAreaId } from '../store/area-path.ts'
import { useStore } from '../store/index.ts'
import type { BoundaryLevel } from '../store/ui-slice.ts'
import { useFeature, useRestriction, useVisibleFeatures } from '../store/selectors.ts'
import { applyBasemap } from './basemap.ts'
import { CHENGDU_CENTER, CITY_ZOOM, type MapHandles } from './create-map.ts'
import { showDistrictLabels } from './district-labels.ts'
import { clipTo, paddingClearOf, unionOf, type Rect } from './focus-padding.ts'
import { useDashboardLayers } from './use-dashboard-layers.ts'
import { useLedgerLayers } from './use-ledger-layers.ts'
import { usePlansLayers } from './use-plans-layers.ts'
import { useSitingLayers } from './use-siting-layers.ts'
import { useTileCompounds } from './use-tile-compounds.ts'
import type { CompoundFeature } from '../api/types.ts'
import {
  FIRST_LINE_LAYER,
  SELECTED_AREA_LAYERS,
  SOURCE,
  selectedAreaFilter,
} from './plain-style.ts'

/** Whether the camera is at `zoom` or closer; changes only when a move ends. */
function useZoomAtLeast(h: MapHandles | null, zoom: number): boolean {
  const [atLeast, setAtLeast] = useState(false)
  useEffect(() => {
    if (!h) return
    const update = () => setAtLeast(h.map.getZoom() >= zoom)
    update()
    h.map.on('zoomend', update)
    return () => void h.map.off('zoomend', update)
  }, [h, zoom])
  return atLeast
}

/** Zoom from which candidate labels show: below it a district's hundred chips pile up. */
const LABEL_MIN_ZOOM = 12.5

/** The joint-branch planning layers: leftovers, candidates, the focused one's compounds, labels. */
function useJointLayers(h: MapHandles | null, joint: JointMapData) {
  const { t, lang } = useT()
  const labelled = useZoomAtLeast(h, LABEL_MIN_ZOOM)
  const shown = joint.candidates.length > 0
  useEffect(() => {
    // deck reports drawn candidates only for a visible layer; with none shown, none are drawn.
    if (h && !shown) h.clearDrawn('jointCandidatesDrawn')
  }, [h, shown])
  const template = t('jointLabel')
  return useMemo(
    () => [
      jointLeftoversLayer({ data: joint.leftovers, visible: joint.leftovers.length > 0 }),
      jointCandidatesLayer({ data: joint.candidates, selected: joint.selected, visible: shown }),
      jointHighlightLayer(joint.members),
      // Only with something to label: an empty TextLayer still builds a glyph atlas, from nothing.
      ...(shown
        ? [
            jointLabelsLayer({
              data: joint.candidates,
              // Accepted candidates carry a tick, so the draft can be read off the map.
              labelOf: (i) =>
                interpolate(template, { n: i + 1 }) + (joint.accepted.indices.has(i) ? ' ✓' : ''),
              labelKey: `${lang}:${joint.accepted.key}`,
              selected: joint.selected,
              visible: labelled,
            }),
          ]
        : []),
    ],
    [
      joint.leftovers,
      joint.candidates,
      joint.members,
      joint.selected,
      joint.accepted,
      shown,
      labelled,
      template,
      lang,
    ],
  )
}

const NO_FEATURES: CompoundFeature[] = []

/** deck.gl layers from the compounds, the legend filter, the chosen area and the selection. */
function useDeckLayers(h: MapHandles | null, ready: boolean) {
  const visible = useVisibleFeatures()
  const restriction = useRestriction()
  const selected = useFeature(useStore((s) => s.selectedId))
  const outlined = useZoomAtLeast(h, OUTLINE_MIN_ZOOM)
  const joint = useJointMapData()
  const jointLayers = useJointLayers(h, joint)
  const siting = useSitingMapData()
  const sitingLayers = useSitingLayers(h, siting)
  const ledgerLayers = useLedgerLayers(h)
  const dashboardLayers = useDashboardLayers(h)
  const plansLayers = usePlansLayers(h)
  const faded =
    joint.candidates.length > 0 || joint.leftovers.length > 0 || siting.demand.length > 0
  // Tile mode: MapLibre draws the compounds and the selection; deck keeps the analyses on top.
  const tiles = useTileCompounds(h, ready, faded)
  useEffect(() => {
    if (!h || !ready) return
    h.overlay.setProps({
      layers: [
        compoundsLayer({
          data: tiles ? NO_FEATURES : visible,
          inside: restriction.inside,
          insideKey: restriction.key,
          outlined,
          beforeId: FIRST_LINE_LAYER,
          faded,
        }),
        ...jointLayers,
        ...sitingLayers,
        ...dashboardLayers,
        ...plansLayers,
        ...ledgerLayers,
        selectedCompoundLayer(tiles ? null : selected),
      ],
    })
  }, [
    h,
    ready,
    tiles,
    visible,
    restriction,
    selected,
    outlined,
    faded,
    jointLayers,
    sitingLayers,
    ledgerLayers,
    dashboardLayers,
    plansLayers,
  ])
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

/** The floating panels over the map: columns are measured by their panels (the column is taller). */
const COLUMNS = '.left-column'
const PANELS = '.topbar, .ledger-panel, .gap-map-card, [data-testid="compound-panel"]'

/** Rectangles of the panels over the map, in the map container's pixels. */
function panelRects(container: HTMLElement): Rect[] {
  const origin = container.getBoundingClientRect()
  const local = (r: DOMRect): Rect => ({
    left: r.left - origin.left,
    top: r.top - origin.top,
    right: r.right - origin.left,
    bottom: r.bottom - origin.top,
  })
  const shown = (r: DOMRect) => r.width > 0 && r.height > 0
  const rects: Rect[] = []
  for (const column of document.querySelectorAll<HTMLElement>(COLUMNS)) {
    // The column spans the window's height; what hides the map is its panels, cut to the column.
    const own = column.getBoundingClientRect()
    const children = [...column.children].map((c) => c.getBoundingClientRect()).filter(shown)
    const union = unionOf(children.map(local))
    const cut = union && clipTo(union, local(own))
    if (cut) rects.push(cut)
  }
  for (const panel of document.querySelectorAll<HTMLElement>(PANELS)) {
    const r = panel.getBoundingClientRect()
    if (shown(r)) rects.push(local(r))
  }
  return rects
}

/** The elements whose size decides the camera padding: the columns' panels and the others. */
const panelElements = (): Element[] => [
  ...[...document.querySelectorAll(COLUMNS)].flatMap((c) => [...c.children]),
  ...document.querySelectorAll(PANELS),
]

/** Room for the floating panels as they are laid out now (figures, dashboard, planning, ledger …). */
function focusPadding(h: MapHandles) {
  const container = h.map.getContainer()
  const { clientWidth: width, clientHeight: height } = container
  const base = { top: Math.min(90, height * 0.15), bottom: 40, left: 24, right: 24 }
  return paddingClearOf(width, height, base, panelRects(container))
}

/** Closest zoom a focus request may reach: a candidate or compound framed with its neighbours. */
const FOCUS_MAX_ZOOM = 15

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
    if (!focus.bbox) {
      h.map.flyTo({ center: CHENGDU_CENTER, zoom: CITY_ZOOM, maxDuration: 1500 })
      return
    }
    const [w, s, e, n] = focus.bbox
    const frame = () =>
      h.map.fitBounds([w, s, e, n], {
        padding: focusPadding(h),
        maxZoom: FOCUS_MAX_ZOOM,
        maxDuration: 1500,
      })
    frame()
    // A panel that changes size after the framing (the dashboard's gap card filling in, a column
    // growing with its figures) frames the area again, until the user moves the map.
    let observed = false // the observer reports every element once at the start: already framed
    const panels = new ResizeObserver(() => (observed ? frame() : (observed = true)))
    for (const el of panelElements()) panels.observe(el)
    const byUser = (e: { originalEvent?: unknown }) => e.originalEvent && panels.disconnect()
    h.map.on('movestart', byUser)
    return () => {
      panels.disconnect()
      h.map.off('movestart', byUser)
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
