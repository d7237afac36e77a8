import { PolygonLayer } from '@deck.gl/layers'
import type { GapMeasure } from '../api/scorecard-types.ts'
import type { HexBin } from './gap-hex.ts'
import { GAP_RGB, NO_GAP_RGB, classIndex, spread } from './gap-palette.ts'

export const GAP_HEX_LAYER_ID = 'gap-hex'

export interface GapHexProps {
  data: readonly HexBin[]
  measure: GapMeasure
  /** Class breaks of the measure (gap-hex.ts hexBreaks). */
  breaks: readonly number[]
  visible: boolean
}

/** Fill of a cell: grey without a gap, else its class on the gap ramp. */
export function hexFill(
  value: number,
  breaks: readonly number[],
): [number, number, number, number] {
  if (!(value > 0)) return [...NO_GAP_RGB, 150]
  const colours = spread(GAP_RGB, breaks.length + 1)
  return [...colours[classIndex(value, breaks)]!, 205]
}

/** H3 cells coloured by the class of one measure's sum; recoloured, not rebuilt, on a switch. */
export function gapHexLayer({ data, measure, breaks, visible }: GapHexProps) {
  return new PolygonLayer<HexBin>({
    id: GAP_HEX_LAYER_ID,
    data: data as HexBin[],
    visible,
    pickable: true,
    filled: true,
    stroked: true,
    getPolygon: (b) => b.polygon,
    getFillColor: (b) => hexFill(b.sums[measure], breaks),
    getLineColor: [255, 255, 255, 200],
    lineWidthUnits: 'pixels',
    getLineWidth: 0.6,
    updateTriggers: { getFillColor: `${measure}:${breaks.join(',')}` },
  })
}
