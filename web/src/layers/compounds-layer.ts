import { GeoJsonLayer } from '@deck.gl/layers'
import type { CompoundFeature } from '../api/types.ts'
import { compoundFill } from './status-colors.ts'

export const COMPOUNDS_LAYER_ID = 'compounds'

/** MapLibreOverlay's interleaving prop, which deck's own layer types do not declare. */
export interface InterleavedProps {
  beforeId?: string
}

export interface CompoundsLayerProps {
  data: ReadonlyArray<CompoundFeature>
  /** Community ids of the chosen area; null means the whole city. */
  inside: ReadonlySet<string> | null
  /** Changes whenever `inside` does, so deck recomputes fills only then. */
  insideKey: string
  /** Draw outlines; worth it only when compounds are large on screen (see OUTLINE_MIN_ZOOM). */
  outlined: boolean
  /** MapLibre layer to draw beneath (interleaved mode), keeping boundaries on top. */
  beforeId?: string
  /** Recede behind an analysis drawn on top (joint-branch candidates). */
  faded?: boolean
}

/** Share of the usual opacity kept when faded: enough to see the statuses, not to compete. */
export const FADED_SHARE = 0.35

/**
 * Zoom from which compounds get outlines. Below it they are a few pixels wide and 20,000 outline
 * paths cost far more than the fills (seconds per frame on a software renderer) for no legibility.
 */
export const OUTLINE_MIN_ZOOM = 13

/** All compounds, filled by coverage status; pickable for hover and click. */
export function compoundsLayer({
  data,
  inside,
  insideKey,
  outlined,
  beforeId,
  faded = false,
}: CompoundsLayerProps) {
  return new GeoJsonLayer<CompoundFeature['properties'], InterleavedProps>({
    id: COMPOUNDS_LAYER_ID,
    data: data as CompoundFeature[],
    beforeId,
    pickable: true,
    autoHighlight: true,
    highlightColor: [17, 24, 39, 70],
    stroked: outlined,
    filled: true,
    getFillColor: (f) => {
      const inArea = !inside || inside.has(f.properties.communityId)
      const [r, g, b, a] = compoundFill(f.properties.status, f.properties.isOld, inArea)
      return [r, g, b, faded ? Math.round(a * FADED_SHARE) : a]
    },
    getLineColor: [255, 255, 255, 200],
    lineWidthUnits: 'pixels',
    getLineWidth: 0.6,
    // Compounds without a boundary arrive as points: sized like a small compound on the ground,
    // never so small they cannot be clicked.
    pointType: 'circle',
    pointRadiusUnits: 'meters',
    getPointRadius: 40,
    pointRadiusMinPixels: 2,
    updateTriggers: { getFillColor: [insideKey, faded] },
  })
}
