import { GeoJsonLayer } from '@deck.gl/layers'
import type { CompoundFeature } from '../api/types.ts'

export const JOINT_HIGHLIGHT_LAYER_ID = 'joint-highlight'

/** The compounds of the candidate in focus, each outlined, so its members can be told apart. */
export function jointHighlightLayer(features: ReadonlyArray<CompoundFeature>) {
  return new GeoJsonLayer<CompoundFeature['properties']>({
    id: JOINT_HIGHLIGHT_LAYER_ID,
    data: features as CompoundFeature[],
    visible: features.length > 0,
    pickable: false,
    filled: true,
    stroked: true,
    getFillColor: [255, 255, 255, 60],
    getLineColor: [17, 24, 39, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    pointType: 'circle',
    pointRadiusUnits: 'pixels',
    getPointRadius: 6,
  })
}
