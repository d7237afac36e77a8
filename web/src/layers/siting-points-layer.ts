import { ScatterplotLayer } from '@deck.gl/layers'
import type { LngLat } from '../api/types.ts'
import { POINT_RGB, rgba } from './siting-palette.ts'

export const SITING_POINTS_LAYER_ID = 'siting-points'

export interface PointDatum {
  position: LngLat
  /** 0-based place in the analyst's list; the server names it P(index + 1). */
  index: number
}

export interface SitingPointsLayerProps {
  data: ReadonlyArray<PointDatum>
  visible: boolean
}

/** Candidate sites the analyst placed: magenta rings, pickable so a click can remove one. */
export function sitingPointsLayer({ data, visible }: SitingPointsLayerProps) {
  return new ScatterplotLayer<PointDatum>({
    id: SITING_POINTS_LAYER_ID,
    data: data as PointDatum[],
    visible,
    pickable: true,
    getPosition: (d) => d.position,
    radiusUnits: 'pixels',
    getRadius: 7,
    filled: true,
    stroked: true,
    getFillColor: [255, 255, 255, 200],
    getLineColor: rgba(POINT_RGB, 255),
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
  })
}
