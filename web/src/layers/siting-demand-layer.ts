import { GeoJsonLayer } from '@deck.gl/layers'
import type { Feature, MultiPolygon, Point } from 'geojson'
import { DEMAND_ALPHA, DEMAND_RGB, rgba, type DemandClass } from './siting-palette.ts'

export const SITING_DEMAND_LAYER_ID = 'siting-demand'

export interface DemandFeatureProps {
  compoundId: number
  coverage: DemandClass
}
export type DemandFeature = Feature<MultiPolygon | Point, DemandFeatureProps>

export interface SitingDemandLayerProps {
  data: ReadonlyArray<DemandFeature>
  visible: boolean
}

/** The demand compounds of a siting result: covered before, newly covered, still uncovered. */
export function sitingDemandLayer({ data, visible }: SitingDemandLayerProps) {
  return new GeoJsonLayer<DemandFeatureProps>({
    id: SITING_DEMAND_LAYER_ID,
    data: data as DemandFeature[],
    visible,
    pickable: false,
    filled: true,
    stroked: false,
    getFillColor: (f) =>
      rgba(DEMAND_RGB[f.properties.coverage], DEMAND_ALPHA[f.properties.coverage]),
    // Compounds without a boundary arrive as points, sized like a small compound on the ground.
    pointType: 'circle',
    pointRadiusUnits: 'meters',
    getPointRadius: 40,
    pointRadiusMinPixels: 2,
  })
}
