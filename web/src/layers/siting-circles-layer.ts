import { ScatterplotLayer } from '@deck.gl/layers'
import type { LngLat } from '../api/types.ts'
import { SITE_RGB, STATION_RGB, rgba } from './siting-palette.ts'

export const SITING_CIRCLES_LAYER_ID = 'siting-circles'

export interface CircleDatum {
  centre: LngLat
  /** A chosen new site (with its 0-based rank) or an existing station. */
  kind: 'new' | 'existing'
  index: number
}

export interface SitingCirclesLayerProps {
  data: ReadonlyArray<CircleDatum>
  /** Straight-line reach of a station, metres. */
  radiusM: number
  /** Rank index of the new site in focus; its circle is drawn stronger. */
  selected: number | null
  visible: boolean
}

const isSelected = (d: CircleDatum, selected: number | null) =>
  d.kind === 'new' && d.index === selected

/** Service circles on the ground: new sites' outlined and tinted, existing stations' faint. */
export function sitingCirclesLayer({ data, radiusM, selected, visible }: SitingCirclesLayerProps) {
  return new ScatterplotLayer<CircleDatum>({
    id: SITING_CIRCLES_LAYER_ID,
    data: data as CircleDatum[],
    visible,
    pickable: false,
    getPosition: (d) => d.centre,
    radiusUnits: 'meters',
    getRadius: radiusM,
    filled: true,
    stroked: true,
    getFillColor: (d) =>
      d.kind === 'existing'
        ? rgba(STATION_RGB, 14)
        : rgba(SITE_RGB, isSelected(d, selected) ? 40 : 16),
    getLineColor: (d) => (d.kind === 'existing' ? rgba(STATION_RGB, 150) : rgba(SITE_RGB, 220)),
    lineWidthUnits: 'pixels',
    getLineWidth: (d) => (d.kind === 'existing' ? 1 : isSelected(d, selected) ? 3 : 1.5),
    updateTriggers: { getFillColor: selected, getLineWidth: selected },
  })
}
