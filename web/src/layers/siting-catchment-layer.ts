import { GeoJsonLayer } from '@deck.gl/layers'
import type { CompoundFeature } from '../api/types.ts'
import { SITE_RGB, rgba } from './siting-palette.ts'

export const SITING_CATCHMENT_LAYER_ID = 'siting-catchment'

/** The compounds the site in focus serves, each outlined so its catchment reads at a glance. */
export function sitingCatchmentLayer(features: ReadonlyArray<CompoundFeature>) {
  return new GeoJsonLayer<CompoundFeature['properties']>({
    id: SITING_CATCHMENT_LAYER_ID,
    data: features as CompoundFeature[],
    visible: features.length > 0,
    pickable: false,
    filled: true,
    stroked: true,
    getFillColor: [255, 255, 255, 70],
    getLineColor: rgba(SITE_RGB, 255),
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    pointType: 'circle',
    pointRadiusUnits: 'pixels',
    getPointRadius: 6,
  })
}
