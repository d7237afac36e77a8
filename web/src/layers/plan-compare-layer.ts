// Comparing two plans: the compounds of each branch coloured by how it differs (only here, only
// in the other plan, in both but different); branches the plans share are left grey.
import { GeoJsonLayer } from '@deck.gl/layers'
import type { Feature, MultiPolygon, Point } from 'geojson'
import type { CompareStatus } from '../api/plans-types.ts'
import { COMPARE_COLORS } from './plan-palette.ts'

export const PLAN_COMPARE_LAYER_ID = 'plan-compare'

export type CompareFeature = Feature<MultiPolygon | Point, { status: CompareStatus }>

export function planCompareLayer(data: CompareFeature[]) {
  return new GeoJsonLayer<CompareFeature['properties']>({
    id: PLAN_COMPARE_LAYER_ID,
    data,
    visible: data.length > 0,
    pickable: false,
    filled: true,
    stroked: true,
    getFillColor: (f) => [
      ...COMPARE_COLORS[f.properties.status],
      f.properties.status === 'same' ? 60 : 170,
    ],
    getLineColor: (f) => [...COMPARE_COLORS[f.properties.status], 255],
    lineWidthUnits: 'pixels',
    getLineWidth: (f) => (f.properties.status === 'same' ? 0.5 : 2),
    pointType: 'circle',
    pointRadiusUnits: 'meters',
    getPointRadius: 40,
    pointRadiusMinPixels: 3,
  })
}
