import { TextLayer } from '@deck.gl/layers'
import { LABEL_FONT } from './joint-labels-layer.ts'
import type { SiteDatum } from './siting-sites-layer.ts'

export const SITING_RANKS_LAYER_ID = 'siting-ranks'

export interface SitingRanksLayerProps {
  data: ReadonlyArray<SiteDatum>
  selected: number | null
  visible: boolean
}

/** The rank of each chosen site, white on its disc; digits only, so any local face will do. */
export function sitingRanksLayer({ data, selected, visible }: SitingRanksLayerProps) {
  return new TextLayer<SiteDatum>({
    id: SITING_RANKS_LAYER_ID,
    data: data as SiteDatum[],
    visible,
    pickable: false,
    getPosition: (d) => d.position,
    getText: (d) => String(d.index + 1),
    characterSet: '0123456789',
    fontFamily: LABEL_FONT,
    fontWeight: 700,
    sizeUnits: 'pixels',
    getSize: (d) => (d.index === selected ? 13 : 11),
    getColor: [255, 255, 255, 255],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    updateTriggers: { getSize: selected },
  })
}
