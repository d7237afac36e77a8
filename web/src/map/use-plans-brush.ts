// The brush and eraser on the map: while one is the tool, dragging the map paints instead of
// panning. Pointer moves only grow the stroke (the preview layer); the plan changes once, when the
// button is released (plans-slice.ts strokeEnded), so a stroke is one undo step and one save.
import { useEffect } from 'react'
import type { MapMouseEvent } from 'maplibre-gl'
import type { LngLat } from '../api/types.ts'
import { dataOf } from '../store/async.ts'
import { useStore } from '../store/index.ts'
import { hitIndexOf } from '../store/plans-map.ts'
import { commitStroke } from '../store/plans-loaders.ts'
import { strokeMoved, strokeStarted } from '../store/plans-slice.ts'
import { hitsAlong } from '../store/plans-stroke.ts'
import { byIdOf } from '../store/selectors.ts'
import type { MapHandles } from './create-map.ts'

/** Metres covered by `px` screen pixels at a map point. */
function pixelsToMetres(h: MapHandles, e: MapMouseEvent, px: number): number {
  const a = e.lngLat
  const b = h.map.unproject([e.point.x + px, e.point.y])
  return a.distanceTo(b)
}

/** Installs the brush while the plans editor has the brush or eraser selected. */
export function usePlansBrush(h: MapHandles | null, on: boolean) {
  useEffect(() => {
    if (!h || !on) return
    const { map } = h
    map.dragPan.disable()
    let last: LngLat | null = null
    let radiusM = 0
    const index = () => {
      const s = useStore.getState()
      const ctx = dataOf(s.planContext)
      const features = dataOf(s.compounds)?.features
      return ctx && features ? hitIndexOf(ctx.compounds, byIdOf(features)) : null
    }
    const hits = (from: LngLat, to: LngLat) => {
      const i = index()
      return i ? hitsAlong(i, from, to, radiusM) : []
    }
    const down = (e: MapMouseEvent) => {
      if (e.originalEvent.button !== 0) return
      const s = useStore.getState()
      useStore.setState(strokeStarted(s))
      if (!useStore.getState().planStroke) return
      radiusM = pixelsToMetres(h, e, s.planBrushPx)
      last = [e.lngLat.lng, e.lngLat.lat]
      useStore.setState((st) => strokeMoved(st, hits(last!, last!)))
    }
    const move = (e: MapMouseEvent) => {
      if (!last) return
      const here: LngLat = [e.lngLat.lng, e.lngLat.lat]
      const found = hits(last, here)
      last = here
      if (found.length > 0) useStore.setState((st) => strokeMoved(st, found))
    }
    const up = () => {
      if (!last) return
      last = null
      commitStroke()
    }
    map.on('mousedown', down)
    map.on('mousemove', move)
    window.addEventListener('mouseup', up)
    return () => {
      map.off('mousedown', down)
      map.off('mousemove', move)
      window.removeEventListener('mouseup', up)
      useStore.setState({ planStroke: null })
      map.dragPan.enable()
    }
  }, [h, on])
}
