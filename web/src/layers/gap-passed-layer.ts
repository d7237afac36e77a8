import { ScatterplotLayer } from '@deck.gl/layers'
import type { ScorecardCompound } from '../api/scorecard-types.ts'
import { PASSED_RGB } from './gap-palette.ts'

export const GAP_PASSED_LAYER_ID = 'gap-passed'

export interface GapPassedProps {
  data: readonly ScorecardCompound[]
  visible: boolean
}

/** A community's compounds coloured by how many of the five indicators they meet (0–5). */
export function gapPassedLayer({ data, visible }: GapPassedProps) {
  return new ScatterplotLayer<ScorecardCompound>({
    id: GAP_PASSED_LAYER_ID,
    data: data as ScorecardCompound[],
    visible,
    pickable: true,
    stroked: true,
    radiusUnits: 'meters',
    getPosition: (c) => [c.lng, c.lat],
    getRadius: 30,
    radiusMinPixels: 5,
    radiusMaxPixels: 16,
    getFillColor: (c) => [...PASSED_RGB[Math.max(0, Math.min(5, c.passed))]!, 235],
    getLineColor: [255, 255, 255, 230],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.2,
  })
}
