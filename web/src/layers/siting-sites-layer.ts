import { ScatterplotLayer } from '@deck.gl/layers'
import type { LngLat } from '../api/types.ts'
import { SITE_RGB, rgba } from './siting-palette.ts'

export const SITING_SITES_LAYER_ID = 'siting-sites'

export interface SiteDatum {
  position: LngLat
  /** 0-based rank in the result; the marker shows rank + 1. */
  index: number
}

export interface SitingSitesLayerProps {
  data: ReadonlyArray<SiteDatum>
  selected: number | null
  visible: boolean
}

/** Chosen new sites: dark discs in a white ring, the numbers drawn on top by the ranks layer. */
export function sitingSitesLayer({ data, selected, visible }: SitingSitesLayerProps) {
  return new ScatterplotLayer<SiteDatum>({
    id: SITING_SITES_LAYER_ID,
    data: data as SiteDatum[],
    visible,
    pickable: false,
    getPosition: (d) => d.position,
    radiusUnits: 'pixels',
    getRadius: (d) => (d.index === selected ? 13 : 10),
    filled: true,
    stroked: true,
    getFillColor: rgba(SITE_RGB, 255),
    getLineColor: (d) => (d.index === selected ? [250, 204, 21, 255] : [255, 255, 255, 255]),
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
    updateTriggers: { getRadius: selected, getLineColor: selected },
  })
}
