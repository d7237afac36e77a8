// Small compounds no branch holds yet: outlined in a warm colour; the one in focus thicker.
import { GeoJsonLayer } from '@deck.gl/layers'
import type { CompoundFeature } from '../api/types.ts'
import { LEFTOVER_COLOR } from './plan-palette.ts'

export const PLAN_LEFTOVERS_LAYER_ID = 'plan-leftovers'

export function planLeftoversLayer({
  data,
  focused,
}: {
  data: CompoundFeature[]
  focused: number | null
}) {
  return new GeoJsonLayer<CompoundFeature['properties']>({
    id: PLAN_LEFTOVERS_LAYER_ID,
    data,
    visible: data.length > 0,
    pickable: false,
    filled: true,
    stroked: true,
    getFillColor: (f) => [...LEFTOVER_COLOR, f.properties.id === focused ? 90 : 25],
    getLineColor: [...LEFTOVER_COLOR, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: (f) => (f.properties.id === focused ? 4 : 1.5),
    pointType: 'circle',
    pointRadiusUnits: 'meters',
    getPointRadius: 40,
    pointRadiusMinPixels: 3,
    updateTriggers: { getFillColor: focused, getLineWidth: focused },
  })
}
