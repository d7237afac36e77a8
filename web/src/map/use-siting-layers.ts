// The station siting layers, bottom to top: demand classes, service circles, the catchment in
// focus, existing stations, the analyst's points, then the chosen sites and their ranks.
import { useEffect, useMemo } from 'react'
import { sitingCatchmentLayer } from '../layers/siting-catchment-layer.ts'
import { sitingCirclesLayer } from '../layers/siting-circles-layer.ts'
import { sitingDemandLayer } from '../layers/siting-demand-layer.ts'
import { sitingPointsLayer } from '../layers/siting-points-layer.ts'
import { sitingRanksLayer } from '../layers/siting-ranks-layer.ts'
import { sitingSitesLayer } from '../layers/siting-sites-layer.ts'
import { sitingStationsLayer } from '../layers/siting-stations-layer.ts'
import type { SitingMapData } from '../store/siting-selectors.ts'
import type { MapHandles } from './create-map.ts'

const NO_STATIONS: never[] = []

/** deck layers for a siting result and the analyst's candidate points. */
export function useSitingLayers(h: MapHandles | null, siting: SitingMapData) {
  const shown = siting.sites.length > 0
  useEffect(() => {
    // deck reports drawn sites only for a visible layer; with none shown, none are drawn.
    if (h && !shown) h.clearDrawn('sitingSitesDrawn')
  }, [h, shown])
  const stations = siting.result?.existingStations ?? NO_STATIONS
  return useMemo(
    () => [
      sitingDemandLayer({ data: siting.demand, visible: siting.demand.length > 0 }),
      sitingCirclesLayer({
        data: siting.circles,
        radiusM: siting.radiusM,
        selected: siting.selected,
        visible: siting.circles.length > 0,
      }),
      sitingCatchmentLayer(siting.catchment),
      sitingStationsLayer(stations),
      sitingPointsLayer({ data: siting.points, visible: siting.points.length > 0 }),
      sitingSitesLayer({ data: siting.sites, selected: siting.selected, visible: shown }),
      // Only with something to number: an empty TextLayer still builds a glyph atlas, from nothing.
      ...(shown
        ? [sitingRanksLayer({ data: siting.sites, selected: siting.selected, visible: true })]
        : []),
    ],
    [
      siting.demand,
      siting.circles,
      siting.radiusM,
      siting.selected,
      siting.catchment,
      stations,
      siting.points,
      siting.sites,
      shown,
    ],
  )
}
