// Tile mode's compound layers (MapLibre vector source over /api/tiles/compounds): the same status
// colours and emphasis as the deck layer (compounds-layer.ts), written as style expressions.
// Pure: every function returns plain style JSON, so tests read it without a map.
import { COVERAGE_STATUSES, type CoverageStatus } from '../api/types.ts'
import type { LayerSpecification, SourceSpecification } from '../map/map-types.ts'
import { FADED_SHARE, OUTLINE_MIN_ZOOM } from './compounds-layer.ts'
import { ALPHA, STATUS_RGB, type Rgb } from './status-colors.ts'

export const TILE_SOURCE_ID = 'compound-tiles'
/** MVT layers of server/src/features/tiles: polygons from z12, hexagon aggregates z8–11. */
export const TILE_SOURCE_LAYER = { compounds: 'compounds', hexes: 'compound_hexes' } as const

export const TILE_LAYER = {
  hexes: 'tile-hexes',
  fill: 'tile-compounds',
  outline: 'tile-compounds-outline',
  selected: 'tile-compounds-selected',
} as const

/** The server sends nothing below z8; MapLibre overzooms z16 tiles beyond. */
export const TILE_MIN_ZOOM = 8
export const TILE_MAX_ZOOM = 16
/** First zoom of the `compounds` layer (hexagons below). */
export const POLYGON_MIN_ZOOM = 12

/** Colour of a status the page does not know (a newer server): the deck layer's grey. */
const UNKNOWN = 'rgb(60, 60, 60)'

const css = ([r, g, b]: Rgb) => `rgb(${r}, ${g}, ${b})`

/** The tiles URL template on our own origin (MapLibre needs an absolute URL in a worker). */
export const tileUrlTemplate = (origin: string) => `${origin}/api/tiles/compounds/{z}/{x}/{y}.mvt`

export function tileSource(origin: string): SourceSpecification {
  return {
    type: 'vector',
    tiles: [tileUrlTemplate(origin)],
    minzoom: TILE_MIN_ZOOM,
    maxzoom: TILE_MAX_ZOOM,
  }
}

/** `match` on the status property, one arm per status of the palette. */
export function statusColorExpression(): unknown[] {
  const arms = COVERAGE_STATUSES.flatMap((s) => [s, css(STATUS_RGB[s])])
  return ['match', ['get', 'status'], ...arms, UNKNOWN]
}

/** The legend's hidden statuses as a layer filter; null shows every status. */
export function statusFilter(hidden: ReadonlyArray<CoverageStatus>): unknown[] | null {
  if (hidden.length === 0) return null
  return ['!', ['in', ['get', 'status'], ['literal', [...hidden]]]]
}

const share = (alpha: number, faded: boolean) =>
  Math.round((alpha / 255) * (faded ? FADED_SHARE : 1) * 1000) / 1000

/**
 * Fill opacity: old compounds strong, others pale, compounds outside the chosen area faint
 * (`inside`: community ids of the area, null for no restriction); all receded when `faded`.
 */
export function fillOpacityExpression(
  inside: ReadonlyArray<string> | null,
  faded: boolean,
): unknown[] {
  const byAge = [
    ['to-boolean', ['get', 'isOld']],
    share(ALPHA.old, faded),
    share(ALPHA.notOld, faded),
  ]
  if (!inside) return ['case', ...byAge]
  return [
    'case',
    ['!', ['in', ['get', 'communityId'], ['literal', [...inside]]]],
    share(ALPHA.outsideArea, faded),
    ...byAge,
  ]
}

/**
 * Hexagons by `coverage` (organised old compounds / old compounds): from the gap colour of the
 * legend (应建未建, vermillion) at 0 to the organised colour (单独组建, blue) at 1, through a
 * neutral grey; hexagons without old compounds in the legend's grey (无党员).
 */
export const COVERAGE_RAMP: ReadonlyArray<[number, string]> = [
  [0, css(STATUS_RGB.should_build)],
  [0.5, 'rgb(200, 200, 200)'],
  [1, css(STATUS_RGB.standalone)],
]

export function coverageColorExpression(): unknown[] {
  return [
    'case',
    ['has', 'coverage'],
    ['interpolate', ['linear'], ['get', 'coverage'], ...COVERAGE_RAMP.flat()],
    css(STATUS_RGB.no_members),
  ]
}

export interface TileStyleState {
  hidden: ReadonlyArray<CoverageStatus>
  inside: ReadonlyArray<string> | null
  faded: boolean
}

/** The four layers, in drawing order; fills and outlines go beneath the boundary lines. */
export function tileLayers(state: TileStyleState): LayerSpecification[] {
  const filter = statusFilter(state.hidden)
  const withFilter = filter ? { filter } : {}
  return [
    {
      id: TILE_LAYER.hexes,
      type: 'fill',
      source: TILE_SOURCE_ID,
      'source-layer': TILE_SOURCE_LAYER.hexes,
      maxzoom: POLYGON_MIN_ZOOM,
      paint: {
        'fill-color': coverageColorExpression(),
        'fill-opacity': state.faded ? 0.25 : 0.6,
        'fill-outline-color': 'rgba(255, 255, 255, 0.5)',
      },
    },
    {
      id: TILE_LAYER.fill,
      type: 'fill',
      source: TILE_SOURCE_ID,
      'source-layer': TILE_SOURCE_LAYER.compounds,
      minzoom: POLYGON_MIN_ZOOM,
      ...withFilter,
      paint: {
        'fill-color': statusColorExpression(),
        'fill-opacity': fillOpacityExpression(state.inside, state.faded),
        // Antialiasing draws a 1 px edge per polygon: outlines come from their own layer.
        'fill-antialias': false,
      },
    },
    {
      id: TILE_LAYER.outline,
      type: 'line',
      source: TILE_SOURCE_ID,
      'source-layer': TILE_SOURCE_LAYER.compounds,
      minzoom: OUTLINE_MIN_ZOOM,
      ...withFilter,
      paint: { 'line-color': 'rgba(255, 255, 255, 0.78)', 'line-width': 0.6 },
    },
    {
      id: TILE_LAYER.selected,
      type: 'line',
      source: TILE_SOURCE_ID,
      'source-layer': TILE_SOURCE_LAYER.compounds,
      minzoom: POLYGON_MIN_ZOOM,
      filter: selectedFilter(null),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': 'rgb(17, 24, 39)', 'line-width': 3 },
    },
  ] as LayerSpecification[]
}

/** The selected compound's outline: the tile feature whose id is the compound id (none: -1). */
export const selectedFilter = (id: number | null): unknown[] => ['==', ['id'], id ?? -1]
