// The ledger workspace's deck.gl layers, drawn above the compounds: the outlines of the rows the
// table's search and status filter keep (the layer's data is just those compounds). It also
// frames a compound chosen in the table beside the table (the table covers the left of the map,
// so the store's focus, padded for the narrow figures column, would centre it under the table).
import { useDeferredValue, useEffect, useMemo } from 'react'
import type { Layer } from '@deck.gl/core'
import { GeoJsonLayer } from '@deck.gl/layers'
import type { Position } from 'geojson'
import type { CompoundFeature } from '../api/types.ts'
import { dataOf } from '../store/async.ts'
import { useStore } from '../store/index.ts'
import { useLedgerHighlight } from '../store/ledger-selectors.ts'
import { byIdOf, useFeatures } from '../store/selectors.ts'
import type { MapHandles } from './create-map.ts'

const NONE: Layer[] = []
const NO_FEATURES: CompoundFeature[] = []
export const LEDGER_MATCHES_LAYER_ID = 'ledger-matches'

interface Matches {
  ids: ReadonlySet<number> | null
  /** The matching features, in the map's order: the layer's data. */
  features: CompoundFeature[]
}

const sameIds = (a: ReadonlySet<number> | null, b: ReadonlySet<number> | null) => {
  if (a === b) return true
  if (!a || !b || a.size !== b.size) return false
  for (const id of a) if (!b.has(id)) return false
  return true
}

// The layer's data is only the matching features. Drawing every compound with the others made
// transparent cost the outlines of all 20,000 (seconds per frame on a software renderer, on every
// frame while a filter is on); a subset is tessellated in milliseconds. The same matches in
// another order (a sort) keep the previous data, so nothing is rebuilt.
let last: { all: CompoundFeature[]; m: Matches } | null = null
function matchesOf(all: CompoundFeature[], rows: readonly { id: number }[] | null): Matches {
  const ids = rows ? new Set(rows.map((r) => r.id)) : null
  if (last && last.all === all && sameIds(last.m.ids, ids)) return last.m
  const m = { ids, features: ids ? all.filter((f) => ids.has(f.properties.id)) : NO_FEATURES }
  last = { all, m }
  return m
}

const LINE: [number, number, number, number] = [29, 78, 216, 230]
const FILL: [number, number, number, number] = [29, 78, 216, 40]

/** [west, south, east, north] of a compound's geometry. */
export function featureBbox(f: CompoundFeature): [number, number, number, number] {
  const g = f.geometry
  const points: Position[] = g.type === 'Point' ? [g.coordinates] : g.coordinates.flat(2)
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of points) {
    w = Math.min(w, x!)
    e = Math.max(e, x!)
    s = Math.min(s, y!)
    n = Math.max(n, y!)
  }
  return [w, s, e, n]
}

/** Frames a compound in the part of the map the ledger and compound panels leave free. */
function useLedgerFly(h: MapHandles | null) {
  const fly = useStore((s) => s.ledgerFly)
  useEffect(() => {
    if (!h || !fly) return
    const f = byIdOf(dataOf(useStore.getState().compounds)?.features ?? []).get(fly.id)
    if (!f) return
    const container = h.map.getContainer()
    const { width, height } = container.getBoundingClientRect()
    const table = document.querySelector('[data-testid="ledger-panel"]')?.getBoundingClientRect()
    const panel = document.querySelector('[data-testid="compound-panel"]')?.getBoundingClientRect()
    let left = table ? table.right + 24 : 24
    let right = panel ? width - panel.left + 24 : 24
    // On a narrow screen keep at least 160 px of map to frame the compound in.
    const spare = width - left - right - 160
    if (spare < 0) {
      left = Math.max(24, left + spare / 2)
      right = Math.max(24, right + spare / 2)
    }
    const [w, s, e, n] = featureBbox(f)
    h.map.fitBounds([w, s, e, n], {
      padding: { left, right, top: Math.min(90, height * 0.15), bottom: 40 },
      maxZoom: 16,
      maxDuration: 1200,
    })
  }, [h, fly])
}

/** Reports the outlined matches to the test hook once a frame has drawn them. */
function useReportMatches(h: MapHandles | null, matches: Matches) {
  useEffect(() => {
    if (!h) return
    const n = matches.features.length
    const ids = matches.features.map((f) => f.properties.id).sort((a, b) => a - b)
    // The overlay takes the new layers in this same commit, so the next frame draws them.
    const drawn = () => {
      h.hook.drawnAt.ledgerMatchesDrawn = performance.now()
      h.hook.ledgerMatchesDrawn = n
      h.hook.ledgerMatchIds = ids
    }
    h.map.once('render', drawn)
    h.map.triggerRepaint()
    return () => void h.map.off('render', drawn)
  }, [h, matches])
}

/** deck layers of the ledger workspace; none outside it. */
export function useLedgerLayers(h: MapHandles | null): Layer[] {
  const inLedger = useStore((s) => s.view === 'ledger')
  const features = useFeatures()
  // The table shows a filter's rows first; the map's outlines follow in a render of their own.
  const highlight = useDeferredValue(useLedgerHighlight())
  useLedgerFly(inLedger ? h : null)
  const matches = matchesOf(features, inLedger ? highlight : null)
  useReportMatches(h, matches)
  const shown = matches.ids !== null
  return useMemo(
    () =>
      !inLedger || features.length === 0
        ? NONE
        : [
            new GeoJsonLayer<CompoundFeature['properties']>({
              id: LEDGER_MATCHES_LAYER_ID,
              data: matches.features,
              visible: shown,
              pickable: false,
              filled: true,
              stroked: true,
              getFillColor: FILL,
              getLineColor: LINE,
              lineWidthUnits: 'pixels',
              getLineWidth: 2,
              pointType: 'circle',
              pointRadiusUnits: 'pixels',
              getPointRadius: 5,
            }),
          ],
    [inLedger, features, matches, shown],
  )
}
