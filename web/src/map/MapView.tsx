import { useEffect, useRef, useState } from 'react'
import { useT } from '../i18n/use-t.ts'
import { useStore } from '../store/index.ts'
import { hoverTileName, selectCompound } from '../store/loaders.ts'
import { planClick, planCursor, planPickAt } from '../store/plans-loaders.ts'
import { togglePoint } from '../store/siting-slice.ts'
import { createMap, type MapHandles } from './create-map.ts'
import { useMapSync } from './use-map-sync.ts'
import './map.css'

/** The full-window map: MapLibre with deck.gl interleaved, fed from the store. */
export function MapView() {
  const { t } = useT()
  const container = useRef<HTMLDivElement>(null)
  const [handles, setHandles] = useState<MapHandles | null>(null)

  useEffect(() => {
    const el = container.current
    if (!el) return
    const { setHover, setMapError, setMapReady } = useStore.getState()
    let h: MapHandles
    try {
      h = createMap(el, {
        onHover: (hover) => {
          setHover(hover)
          // Tile mode: a compound outside the list is named once the pointer rests on it.
          if (hover?.tile) hoverTileName(hover.id)
        },
        // The plans editor takes clicks while a plan is open; elsewhere a click opens the ledger.
        onClick: (id) => {
          if (!planClick(id)) void selectCompound(id)
        },
        toolCursor: planCursor,
        pickAt: planPickAt,
        placing: () => {
          const s = useStore.getState()
          return s.sitingOpen && s.sitingPlacing
        },
        onPlace: (lngLat, hit) => useStore.setState((s) => togglePoint(s, lngLat, hit)),
        onReady: () => setMapReady(true),
        onError: setMapError,
      })
    } catch (e) {
      // Typically no WebGL2: the rest of the page (figures, ledger) still works.
      setMapError(e)
      return
    }
    setHandles(h)
    return () => {
      setMapReady(false)
      setHover(null)
      setHandles(null)
      h.destroy()
    }
  }, [])

  useMapSync(handles)

  return (
    <>
      <div ref={container} className="map" role="region" aria-label={t('mapAria')} />
    </>
  )
}
