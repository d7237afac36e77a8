// The brush stroke in progress: the compounds it has reached, before the stroke is committed.
import { GeoJsonLayer } from '@deck.gl/layers'
import type { CompoundFeature } from '../api/types.ts'
import type { Rgb } from './plan-palette.ts'

export const PLAN_STROKE_LAYER_ID = 'plan-stroke'

/** `color` is the active branch's (painting) or null (erasing: grey). */
export function planStrokeLayer({ data, color }: { data: CompoundFeature[]; color: Rgb | null }) {
  return new GeoJsonLayer<CompoundFeature['properties']>({
    id: PLAN_STROKE_LAYER_ID,
    data,
    visible: data.length > 0,
    pickable: false,
    filled: true,
    stroked: true,
    getFillColor: color ? [...color, 230] : [120, 120, 120, 200],
    getLineColor: [17, 24, 39, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    pointType: 'circle',
    pointRadiusUnits: 'meters',
    getPointRadius: 40,
    pointRadiusMinPixels: 3,
    updateTriggers: { getFillColor: color?.join(',') ?? 'erase' },
  })
}
