// The plan's branches: each compound filled in its branch's colour; the active branch stronger
// and outlined, so the planner sees at a glance what the next click or stroke will change.
import { GeoJsonLayer } from '@deck.gl/layers'
import type { Feature, MultiPolygon, Point } from 'geojson'
import { branchColor } from './plan-palette.ts'

export const PLAN_BRANCHES_LAYER_ID = 'plan-branches'

export interface PlanCompoundProps {
  id: number
  /** Position of its branch in the plan (its colour). */
  index: number
  active: boolean
}
export type PlanCompoundFeature = Feature<MultiPolygon | Point, PlanCompoundProps>

export function planBranchesLayer({
  data,
  visible,
}: {
  data: PlanCompoundFeature[]
  visible: boolean
}) {
  return new GeoJsonLayer<PlanCompoundProps>({
    id: PLAN_BRANCHES_LAYER_ID,
    data,
    visible,
    pickable: false,
    filled: true,
    stroked: true,
    getFillColor: (f) => [...branchColor(f.properties.index), f.properties.active ? 210 : 140],
    getLineColor: (f) => (f.properties.active ? [17, 24, 39, 255] : [255, 255, 255, 220]),
    lineWidthUnits: 'pixels',
    getLineWidth: (f) => (f.properties.active ? 2 : 0.8),
    pointType: 'circle',
    pointRadiusUnits: 'meters',
    getPointRadius: 40,
    pointRadiusMinPixels: 3,
  })
}
