import { GeoJsonLayer } from '@deck.gl/layers'
import type { Feature, MultiPolygon } from 'geojson'
import type { LngLat } from '../api/types.ts'
import { CANDIDATE_ALPHA, candidateRgb, withAlpha } from './joint-palette.ts'

export const JOINT_CANDIDATES_LAYER_ID = 'joint-candidates'

export interface CandidateFeatureProps {
  /** 0-based position in the result; the label shows index + 1. */
  index: number
  centre: LngLat
}
export type CandidateFeature = Feature<MultiPolygon, CandidateFeatureProps>

export interface JointCandidatesLayerProps {
  data: ReadonlyArray<CandidateFeature>
  /** Index of the candidate in focus; the others recede while one is. */
  selected: number | null
  visible: boolean
}

const fillAlpha = (index: number, selected: number | null) =>
  selected === null
    ? CANDIDATE_ALPHA.fill
    : index === selected
      ? CANDIDATE_ALPHA.fillSelected
      : CANDIDATE_ALPHA.fillDimmed

/** Candidate joint branches: each outlined and tinted in its palette colour. */
export function jointCandidatesLayer({ data, selected, visible }: JointCandidatesLayerProps) {
  return new GeoJsonLayer<CandidateFeatureProps>({
    id: JOINT_CANDIDATES_LAYER_ID,
    data: data as CandidateFeature[],
    visible,
    pickable: false,
    filled: true,
    stroked: true,
    getFillColor: (f) =>
      withAlpha(candidateRgb(f.properties.index), fillAlpha(f.properties.index, selected)),
    getLineColor: (f) => withAlpha(candidateRgb(f.properties.index), CANDIDATE_ALPHA.line),
    lineWidthUnits: 'pixels',
    getLineWidth: (f) => (f.properties.index === selected ? 4 : 2),
    lineJointRounded: true,
    updateTriggers: { getFillColor: selected, getLineWidth: selected },
  })
}
