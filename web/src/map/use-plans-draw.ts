// Lasso and free-boundary drawing with terra-draw (bundled; its MapLibre adapter adds plain
// GeoJSON sources and line/fill/circle layers, and loads images only for marker mode, which is not
// used, so nothing leaves the page). A finished lasso adds the compounds inside it to the active
// branch (one step); a finished boundary becomes the branch's outline and the compounds inside are
// offered; an existing outline opens in select mode for editing, each drag one step.
import { useEffect } from 'react'
import type { Polygon } from 'geojson'
import type { TerraDraw } from 'terra-draw'
import { dataOf } from '../store/async.ts'
import { useStore } from '../store/index.ts'
import { branchOf } from '../store/plans-doc.ts'
import { assignIds } from '../store/plans-loaders.ts'
import { compoundsInside } from '../store/plans-map.ts'
import { boundaryDrawn } from '../store/plans-slice.ts'
import type { MapHandles } from './create-map.ts'

const INK = '#111827'

function insideOf(polygon: Polygon): number[] {
  const ctx = dataOf(useStore.getState().planContext)
  return ctx
    ? compoundsInside(
        ctx.compounds.filter((c) => c.orgId === null),
        polygon,
      )
    : []
}

const polygonOf = (draw: TerraDraw, id: string | number): Polygon | null => {
  const f = draw.getSnapshotFeature(id)
  return f?.geometry.type === 'Polygon' ? (f.geometry as Polygon) : null
}

/** Runs terra-draw while the lasso or boundary tool is chosen (`mode`), for branch `active`. */
export function usePlansDraw(
  h: MapHandles | null,
  mode: 'lasso' | 'boundary' | null,
  active: string | null,
) {
  useEffect(() => {
    if (!h || !mode) return
    let draw: TerraDraw | null = null
    let cancelled = false
    // Loaded on first use (same origin, its own chunk): the editor's other tools do not need it.
    void Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]).then(
      ([td, adapter]) => {
        if (cancelled) return
        draw = startDraw(td, adapter.TerraDrawMapLibreGLAdapter, h, mode, active)
      },
    )
    return () => {
      cancelled = true
      draw?.stop()
    }
  }, [h, mode, active])
}

function startDraw(
  td: typeof import('terra-draw'),
  Adapter: typeof import('terra-draw-maplibre-gl-adapter').TerraDrawMapLibreGLAdapter,
  h: MapHandles,
  mode: 'lasso' | 'boundary',
  active: string | null,
): TerraDraw {
  const { TerraDraw, TerraDrawFreehandMode, TerraDrawPolygonMode, TerraDrawSelectMode } = td
  const draw = new TerraDraw({
    adapter: new Adapter({ map: h.map, prefixId: 'plan-draw' }),
    modes: [
      new TerraDrawFreehandMode({
        drawInteraction: 'click-drag',
        styles: { fillColor: '#4477aa', fillOpacity: 0.15, outlineColor: INK, outlineWidth: 2 },
      }),
      new TerraDrawPolygonMode({
        styles: { fillColor: '#4477aa', fillOpacity: 0.1, outlineColor: INK, outlineWidth: 2 },
      }),
      new TerraDrawSelectMode({
        flags: {
          polygon: {
            feature: {
              draggable: false,
              coordinates: { draggable: true, midpoints: true, deletable: true },
            },
          },
        },
      }),
    ],
  })
  draw.start()
  const s = useStore.getState()
  const existing =
    active && s.planHistory ? branchOf(s.planHistory.present, active)?.boundary : null
  let editing: string | number | null = null
  if (mode === 'boundary' && existing) {
    const [result] = draw.addFeatures([
      { type: 'Feature', geometry: existing, properties: { mode: 'polygon' } },
    ])
    if (result?.valid && result.id !== undefined) {
      editing = result.id
      draw.setMode('select')
      draw.selectFeature(editing)
    }
  }
  if (editing === null) draw.setMode(mode === 'lasso' ? 'freehand' : 'polygon')
  draw.on('finish', (id, context) => {
    const polygon = polygonOf(draw, id)
    if (!polygon) return
    if (context.mode === 'freehand') {
      assignIds(insideOf(polygon), 'add')
      draw.removeFeatures([id])
      return
    }
    const key = useStore.getState().planActive
    if (!key) return
    useStore.setState((st) => boundaryDrawn(st, key, polygon, insideOf(polygon)))
    if (context.mode === 'polygon') {
      // The outline is now the branch's; edit it in place from here on.
      draw.setMode('select')
      draw.selectFeature(id)
    }
  })
  return draw
}
