// Tile mode's side of the store → map sync: adds the vector tile layers once the mode is known,
// restyles them on legend toggles, the chosen area and analyses, outlines the selection, and
// keeps the test hook's rendered count.
import { useEffect, useMemo, useRef } from 'react'
import { TILE_LAYER, selectedFilter } from '../layers/tile-compounds-style.ts'
import { dataOf } from '../store/async.ts'
import { useStore } from '../store/index.ts'
import { useTileRestriction } from '../store/selectors.ts'
import type { MapHandles } from './create-map.ts'
import {
  addTileLayers,
  refreshTiles,
  removeTileLayers,
  restyleTileLayers,
  setHookMode,
  watchTileRendering,
} from './tile-compounds.ts'

export function useTileCompounds(h: MapHandles | null, ready: boolean, faded: boolean): boolean {
  const mode = useStore((s) => s.mapMode)
  const hidden = useStore((s) => s.hiddenStatuses)
  const restriction = useTileRestriction()
  const selectedId = useStore((s) => s.selectedId)
  const tiles = mode === 'tiles'
  const state = useMemo(
    () => ({ hidden, inside: restriction.inside ? [...restriction.inside] : null, faded }),
    [hidden, restriction, faded],
  )

  useEffect(() => {
    if (h) setHookMode(h.hook, mode)
  }, [h, mode])

  // Added once per map in tile mode; the state at that moment comes from the restyle effect.
  useEffect(() => {
    if (!h || !ready || !tiles) return
    addTileLayers(h.map, window.location.origin, { hidden: [], inside: null, faded: false })
    const unwatch = watchTileRendering(h.map, h.hook)
    return () => {
      unwatch()
      removeTileLayers(h.map)
    }
  }, [h, ready, tiles])

  useEffect(() => {
    if (h && ready && tiles) restyleTileLayers(h.map, state)
  }, [h, ready, tiles, state])

  // The list changed under the same question (a save, an import, an adoption): statuses may
  // have changed, so the visible tiles are fetched again. A new area's list is not an edit.
  const compounds = useStore((s) => s.compounds)
  const seen = useRef<{ key?: string; data?: unknown; version: number }>({ version: 0 })
  useEffect(() => {
    const key = compounds.status === 'idle' ? undefined : compounds.key
    const data = dataOf(compounds)
    const last = seen.current
    const edited = last.key === key && last.data !== undefined && data !== last.data
    seen.current = { key, data, version: last.version + (edited ? 1 : 0) }
    if (edited && h && ready && tiles)
      refreshTiles(h.map, window.location.origin, seen.current.version)
  }, [compounds, h, ready, tiles])

  useEffect(() => {
    if (!h || !ready || !tiles || !h.map.getLayer(TILE_LAYER.selected)) return
    h.map.setFilter(TILE_LAYER.selected, selectedFilter(selectedId) as never)
  }, [h, ready, tiles, selectedId])

  return tiles
}
