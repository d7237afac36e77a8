import { GeoJsonLayer } from '@deck.gl/layers'
import type { Feature, MultiLineString, MultiPolygon, Point } from 'geojson'
import { LEFTOVER_RGB, withAlpha } from './joint-palette.ts'

export const JOINT_LEFTOVERS_LAYER_ID = 'joint-leftovers'

/** A leftover compound's area (a faint tint) or its dashed outline, as separate features. */
export type LeftoverFeature = Feature<
  MultiPolygon | Point | MultiLineString,
  { compoundId: number }
>

export interface JointLeftoversLayerProps {
  data: ReadonlyArray<LeftoverFeature>
  visible: boolean
}

/** Compounds no candidate could take: a crimson tint inside a dashed crimson outline. */
export function jointLeftoversLayer({ data, visible }: JointLeftoversLayerProps) {
  return new GeoJsonLayer<{ compoundId: number }>({
    id: JOINT_LEFTOVERS_LAYER_ID,
    data: data as LeftoverFeature[],
    visible,
    pickable: false,
    filled: true,
    // Polygons get no solid outline: the dashes, drawn as lines, are their outline.
    stroked: false,
    getFillColor: withAlpha(LEFTOVER_RGB, 50),
    getLineColor: withAlpha(LEFTOVER_RGB, 255),
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
    lineCapRounded: true,
    pointType: 'circle',
    pointRadiusUnits: 'meters',
    getPointRadius: 40,
    pointRadiusMinPixels: 3,
  })
}
