import { GeoJsonLayer } from '@deck.gl/layers'
import type { CompoundFeature } from '../api/types.ts'

export const SELECTED_LAYER_ID = 'compound-selected'

/** The outline of the selected compound, drawn above everything so it stays visible. */
export function selectedCompoundLayer(feature: CompoundFeature | null) {
  return new GeoJsonLayer<CompoundFeature['properties']>({
    id: SELECTED_LAYER_ID,
    data: feature ? [feature] : [],
    visible: feature !== null,
    pickable: false,
    filled: true,
    stroked: true,
    getFillColor: [255, 255, 255, 40],
    getLineColor: [17, 24, 39, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    pointType: 'circle',
    pointRadiusUnits: 'pixels',
    getPointRadius: 7,
  })
}
