import { HeatmapLayer } from '@deck.gl/aggregation-layers'
import type { GapMeasure, ScorecardCompound } from '../api/scorecard-types.ts'
import { HEAT_RGB } from './gap-palette.ts'

export const GAP_HEATMAP_LAYER_ID = 'gap-heatmap'

export interface GapHeatmapProps {
  data: readonly ScorecardCompound[]
  measure: GapMeasure
  visible: boolean
}

/**
 * Kernel density of a gap measure over compound points. The data stays the same object when the
 * measure changes: only the weight accessor is re-run (updateTriggers), which is what makes the
 * switch fast. The colour domain follows the densest spot in view (deck's default).
 */
export function gapHeatmapLayer({ data, measure, visible }: GapHeatmapProps) {
  return new HeatmapLayer<ScorecardCompound>({
    id: GAP_HEATMAP_LAYER_ID,
    data: data as ScorecardCompound[],
    visible,
    pickable: false,
    getPosition: (c) => [c.lng, c.lat],
    getWeight: (c) => c.measures[measure] ?? 0,
    radiusPixels: 28,
    intensity: 1,
    threshold: 0.04,
    colorRange: HEAT_RGB,
    aggregation: 'SUM',
    updateTriggers: { getWeight: measure },
  })
}
