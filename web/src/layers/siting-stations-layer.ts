import { ScatterplotLayer } from '@deck.gl/layers'
import type { ExistingStation } from '../api/siting-types.ts'
import { STATION_RGB, rgba } from './siting-palette.ts'

export const SITING_STATIONS_LAYER_ID = 'siting-stations'

/** Existing stations the analysis took as given: small green discs in a white ring. */
export function sitingStationsLayer(data: ReadonlyArray<ExistingStation>) {
  return new ScatterplotLayer<ExistingStation>({
    id: SITING_STATIONS_LAYER_ID,
    data: data as ExistingStation[],
    visible: data.length > 0,
    pickable: false,
    getPosition: (d) => d.location,
    radiusUnits: 'pixels',
    getRadius: 5,
    filled: true,
    stroked: true,
    getFillColor: rgba(STATION_RGB, 255),
    getLineColor: [255, 255, 255, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
  })
}
