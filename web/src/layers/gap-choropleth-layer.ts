import { GeoJsonLayer } from '@deck.gl/layers'
import type { AreaCollection, AreaFeatureProps } from '../api/types.ts'
import type { Feature, MultiPolygon } from 'geojson'
import { RATE_RGB, UNKNOWN_RGB, classIndex, spread } from './gap-palette.ts'

export const GAP_CHOROPLETH_LAYER_ID = 'gap-choropleth'

export type AreaFeature = Feature<MultiPolygon, AreaFeatureProps>

export interface GapChoroplethProps {
  /** The child areas' boundaries. */
  data: AreaCollection | null
  /** The rate of each area (0..1; NaN: unknown), by area id. */
  values: ReadonlyMap<string, number>
  breaks: readonly number[]
  /** Changes exactly when `values` or `breaks` do (deck's updateTrigger). */
  valuesKey: string
  visible: boolean
}

/** Fill of an area: its class on the rate ramp, light grey when unknown. */
export function rateFill(value: number | undefined, breaks: readonly number[]) {
  if (value === undefined || Number.isNaN(value)) return [...UNKNOWN_RGB, 170] as const
  const colours = spread(RATE_RGB, breaks.length + 1)
  return [...colours[classIndex(value, breaks)]!, 150] as const
}

/** Child areas coloured by a rate's class; a click on one drills into it. */
export function gapChoroplethLayer({
  data,
  values,
  breaks,
  valuesKey,
  visible,
}: GapChoroplethProps) {
  return new GeoJsonLayer<AreaFeatureProps>({
    id: GAP_CHOROPLETH_LAYER_ID,
    data: (data ?? { type: 'FeatureCollection', features: [] }) as AreaCollection,
    visible,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 70],
    filled: true,
    stroked: true,
    getFillColor: (f) => [...rateFill(values.get(f.properties.id), breaks)],
    getLineColor: [255, 255, 255, 230],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    updateTriggers: { getFillColor: valuesKey },
  })
}
