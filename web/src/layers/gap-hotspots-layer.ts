import { ScatterplotLayer } from '@deck.gl/layers'
import type { HotspotPoint } from '../api/scorecard-types.ts'
import { HOTSPOT_RGB } from './gap-palette.ts'

export const GAP_HOTSPOTS_LAYER_ID = 'gap-hotspots'

export interface GapHotspotsProps {
  data: readonly HotspotPoint[]
  visible: boolean
}

const significant = (p: HotspotPoint) => p.class !== 'none'

/** Gi* classes per compound: significant ones large with a dark rim, the rest small and grey. */
export function gapHotspotsLayer({ data, visible }: GapHotspotsProps) {
  return new ScatterplotLayer<HotspotPoint>({
    id: GAP_HOTSPOTS_LAYER_ID,
    data: data as HotspotPoint[],
    visible,
    pickable: true,
    stroked: true,
    radiusUnits: 'meters',
    getPosition: (p) => [p.lng, p.lat],
    getRadius: (p) => (significant(p) ? 90 : 45),
    radiusMinPixels: 2.5,
    radiusMaxPixels: 14,
    getFillColor: (p) => [...HOTSPOT_RGB[p.class], significant(p) ? 235 : 150],
    getLineColor: (p) => (significant(p) ? [40, 40, 40, 200] : [0, 0, 0, 0]),
    lineWidthUnits: 'pixels',
    getLineWidth: 0.8,
  })
}
