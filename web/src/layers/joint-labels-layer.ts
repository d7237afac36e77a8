import { TextLayer } from '@deck.gl/layers'
import type { LngLat } from '../api/types.ts'
import type { CandidateFeature } from './joint-candidates-layer.ts'
import { candidateRgb, withAlpha } from './joint-palette.ts'

export const JOINT_LABELS_LAYER_ID = 'joint-labels'

/**
 * System CJK faces, as in styles.css. deck rasterises the glyphs it needs ('auto' character set)
 * from a local font into its own atlas, so labels need no glyph server and work offline.
 */
export const LABEL_FONT =
  "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif"

export interface JointLabelsLayerProps {
  data: ReadonlyArray<CandidateFeature>
  /** The label of candidate `index` (联合N), in the page's language. */
  labelOf: (index: number) => string
  /** Changes with the language, so deck re-reads the texts only then. */
  labelKey: string
  selected: number | null
  visible: boolean
}

/** A chip with each candidate's name at its centre, in the candidate's colour. */
export function jointLabelsLayer({
  data,
  labelOf,
  labelKey,
  selected,
  visible,
}: JointLabelsLayerProps) {
  return new TextLayer<CandidateFeature>({
    id: JOINT_LABELS_LAYER_ID,
    data: data as CandidateFeature[],
    visible,
    pickable: false,
    getPosition: (f): LngLat => f.properties.centre,
    getText: (f) => labelOf(f.properties.index),
    characterSet: 'auto',
    fontFamily: LABEL_FONT,
    fontWeight: 600,
    sizeUnits: 'pixels',
    getSize: (f) => (f.properties.index === selected ? 14 : 12),
    getColor: [255, 255, 255, 255],
    background: true,
    backgroundPadding: [4, 2, 4, 2],
    getBackgroundColor: (f) => withAlpha(candidateRgb(f.properties.index), 235),
    getBorderColor: [255, 255, 255, 255],
    getBorderWidth: (f) => (f.properties.index === selected ? 2 : 1),
    updateTriggers: { getText: labelKey, getSize: selected, getBorderWidth: selected },
  })
}
