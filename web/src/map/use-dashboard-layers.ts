// The dashboard workspace's deck.gl layers, drawn above the compounds while the 驾驶舱 tab is open:
// one gap layer at a time (heat map, H3 hexagons, choropleth of the child areas, or Gi* hot spots).
// The layers keep their data objects across measure switches; only accessors re-run.
import { useEffect, useMemo, useRef } from 'react'
import type { Layer } from '@deck.gl/core'
import type { RollupRow } from '../api/scorecard-types.ts'
import {
  dashboardHook,
  setDashboardMap,
  type GapDrawn,
} from '../features/dashboard/dashboard-hook.ts'
import { GAP_CHOROPLETH_LAYER_ID, gapChoroplethLayer } from '../layers/gap-choropleth-layer.ts'
import { gapHeatmapLayer } from '../layers/gap-heatmap-layer.ts'
import { hexResolution } from '../layers/gap-hex.ts'
import { gapHexLayer } from '../layers/gap-hex-layer.ts'
import { GAP_HOTSPOTS_LAYER_ID, gapHotspotsLayer } from '../layers/gap-hotspots-layer.ts'
import { GAP_PASSED_LAYER_ID, gapPassedLayer } from '../layers/gap-passed-layer.ts'
import { selectedAreaId } from '../store/area-path.ts'
import { nextFocus } from '../store/area-slice.ts'
import { dataOf } from '../store/async.ts'
import { drillInto } from '../store/dashboard-loaders.ts'
import {
  useChoropleth,
  useCommunityCompounds,
  useHexModel,
  useScorecardCompounds,
} from '../store/dashboard-selectors.ts'
import { switchClock } from '../store/dashboard-slice.ts'
import { useStore } from '../store/index.ts'
import { selectCompound } from '../store/loaders.ts'
import type { MapHandles } from './create-map.ts'

const NONE: Layer[] = []
const NO_POINTS: never[] = []

/** Follows the zoom into the hexagons' H3 resolution (only while the dashboard is open). */
function useHexResolution(h: MapHandles | null, on: boolean) {
  useEffect(() => {
    if (!h || !on) return
    const update = () => {
      const res = hexResolution(h.map.getZoom())
      if (useStore.getState().dashHexRes !== res) useStore.setState({ dashHexRes: res })
    }
    update()
    h.map.on('zoomend', update)
    return () => void h.map.off('zoomend', update)
  }, [h, on])
}

/**
 * Opening the dashboard frames the chosen area again: its column and gap card are wider than the
 * panel the area was framed beside, and the camera padding is measured from them (use-map-sync).
 */
function useReframeOnOpen(on: boolean) {
  useEffect(() => {
    if (!on) return
    const s = useStore.getState()
    const area = dataOf(s.area)
    if (!area?.bbox || area.id !== selectedAreaId(s.areaPath)) return
    useStore.setState({ focus: nextFocus(s.focus, area.bbox) })
  }, [on])
}

/** Clicks on the dashboard's layers: an area drills down, a compound opens its ledger. */
function useDashboardClicks(h: MapHandles | null, on: boolean, rows: readonly RollupRow[]) {
  const rowsRef = useRef(rows)
  useEffect(() => {
    rowsRef.current = rows
  }, [rows])
  useEffect(() => {
    if (!h || !on) return
    const onClick = (e: { point: { x: number; y: number } }) => {
      const info = h.overlay.pickObject({
        x: e.point.x,
        y: e.point.y,
        radius: 3,
        layerIds: [GAP_CHOROPLETH_LAYER_ID, GAP_PASSED_LAYER_ID, GAP_HOTSPOTS_LAYER_ID],
      })
      if (!info?.object) return
      if (info.layer?.id === GAP_CHOROPLETH_LAYER_ID) {
        const id = (info.object as { properties: { id: string } }).properties.id
        const row = rowsRef.current.find((r) => r.id === id)
        if (row) void drillInto(row)
        return
      }
      const id = (info.object as { id: number }).id
      if (typeof id === 'number') void selectCompound(id)
    }
    h.map.on('click', onClick)
    return () => void h.map.off('click', onClick)
  }, [h, on])
}

/**
 * Publishes what was drawn and, after a switch, the time from the click to the end of the first
 * frame drawn with the new layer: deck takes new layers on its own frame, so each MapLibre frame
 * checks whether deck has matched the layer we made (its lifecycle leaves "Awaiting state").
 */
function useDrawnReport(h: MapHandles | null, layer: Layer | null, drawn: GapDrawn | null) {
  useEffect(() => {
    if (!h) return
    if (!layer || !drawn) {
      dashboardHook.drawn = null
      return
    }
    const onRender = () => {
      if (layer.lifecycle === 'Awaiting state') return
      h.map.off('render', onRender)
      dashboardHook.drawn = drawn
      if (switchClock.startedAt > 0) {
        const ms = Math.round(performance.now() - switchClock.startedAt)
        switchClock.startedAt = 0
        dashboardHook.lastSwitchMs = ms
        dashboardHook.switchMs.push(ms)
      }
    }
    h.map.on('render', onRender)
    h.map.triggerRepaint()
    return () => void h.map.off('render', onRender)
  }, [h, layer, drawn])
}

/** deck layers of the dashboard workspace; none outside it. */
export function useDashboardLayers(h: MapHandles | null): Layer[] {
  const on = useStore((s) => s.view === 'dashboard')
  const kind = useStore((s) => s.dashLayer)
  const measure = useStore((s) => s.dashMeasure)
  const rate = useStore((s) => s.dashRate)
  const compounds = useScorecardCompounds()
  const hex = useHexModel()
  const choropleth = useChoropleth()
  const community = useCommunityCompounds()
  const hotspots = useStore((s) => dataOf(s.dashHotspots))
  useHexResolution(h, on)
  useDashboardClicks(h, on, choropleth.rows)
  useReframeOnOpen(on)
  useEffect(() => {
    setDashboardMap(h?.map ?? null)
    return () => setDashboardMap(null)
  }, [h])

  const hexBreaks = hex.breaks[measure]
  const belowCommunity = choropleth.level === 'compound'
  /** The one gap layer deck draws, if any. */
  const shown: GapDrawn['layer'] | null = !on
    ? null
    : kind === 'heat' || kind === 'hex' || kind === 'hotspots'
      ? kind
      : belowCommunity
        ? 'passed'
        : 'choropleth'
  // Only the shown layer exists, made anew whenever it is shown again: deck.gl finalises a layer it
  // is no longer given (another layer chosen, the dashboard closed), and a finalised instance
  // cannot be drawn again (the heat map's sublayer fails an assertion).
  const heat = useMemo(
    () => (shown === 'heat' ? gapHeatmapLayer({ data: compounds, measure, visible: true }) : null),
    [shown, compounds, measure],
  )
  const hexLayer = useMemo(
    () =>
      shown === 'hex'
        ? gapHexLayer({ data: hex.bins, measure, breaks: hexBreaks, visible: true })
        : null,
    [shown, hex.bins, measure, hexBreaks],
  )
  const areas = useMemo(
    () =>
      shown === 'choropleth'
        ? gapChoroplethLayer({
            data: choropleth.features,
            values: choropleth.values,
            breaks: choropleth.breaks,
            valuesKey: choropleth.key,
            visible: true,
          })
        : null,
    [shown, choropleth],
  )
  const passed = useMemo(
    () => (shown === 'passed' ? gapPassedLayer({ data: community, visible: true }) : null),
    [shown, community],
  )
  const spots = useMemo(
    () =>
      shown === 'hotspots'
        ? gapHotspotsLayer({ data: hotspots?.compounds ?? NO_POINTS, visible: true })
        : null,
    [shown, hotspots],
  )
  const current: Layer | null = heat ?? hexLayer ?? spots ?? passed ?? areas
  const drawn = useMemo((): GapDrawn | null => {
    if (!on) return null
    if (kind === 'heat') return { layer: 'heat', what: measure, count: compounds.length }
    if (kind === 'hex') return { layer: 'hex', what: measure, count: hex.bins.length }
    if (kind === 'hotspots')
      return { layer: 'hotspots', what: hotspots?.measure ?? measure, count: hotspots?.n ?? 0 }
    if (belowCommunity) return { layer: 'passed', what: 'passed', count: community.length }
    return { layer: 'choropleth', what: rate, count: choropleth.features?.features.length ?? 0 }
  }, [on, kind, measure, rate, compounds, hex, hotspots, belowCommunity, community, choropleth])
  useDrawnReport(h, current, drawn)

  return useMemo(() => (current ? [current] : NONE), [current])
}
