// Free boundaries the planner drew for branches, outlined in the branch's colour over its fill.
import { GeoJsonLayer } from '@deck.gl/layers'
import type { Feature, Polygon } from 'geojson'
import { branchColor } from './plan-palette.ts'

export const PLAN_BOUNDARIES_LAYER_ID = 'plan-boundaries'

export type BoundaryFeature = Feature<Polygon, { index: number; active: boolean }>

export function planBoundariesLayer(data: BoundaryFeature[]) {
  return new GeoJsonLayer<BoundaryFeature['properties']>({
    id: PLAN_BOUNDARIES_LAYER_ID,
    data,
    visible: data.length > 0,
    pickable: false,
    filled: false,
    stroked: true,
    getLineColor: (f) => [...branchColor(f.properties.index), 255],
    lineWidthUnits: 'pixels',
    getLineWidth: (f) => (f.properties.active ? 4 : 2.5),
  })
}
