// The default basemap: built in code, with no glyphs, sprites or tiles, so it renders on a
// government network with no internet. Only our own GeoJSON sources, filled in after load.
import type { FeatureCollection } from 'geojson'
import type { LayerSpecification, StyleSpecification } from './map-types.ts'

export const SOURCE = {
  district: 'area-district',
  street: 'area-street',
  community: 'area-community',
} as const

export const LAYER = {
  background: 'background',
  districtFill: 'district-fill',
  communityLine: 'community-line',
  streetLine: 'street-line',
  districtLine: 'district-line',
} as const

/** Outline of the chosen area, one layer per level because each level is its own source. */
export const SELECTED_AREA_LAYERS = [
  'selected-district-line',
  'selected-street-line',
  'selected-community-line',
] as const

/** The first boundary layer: deck.gl's compounds are drawn just beneath it, so lines stay on top. */
export const FIRST_LINE_LAYER = LAYER.communityLine

/** Where raster basemaps go: above the background, beneath everything of ours. */
export const BASEMAP_BEFORE = LAYER.districtFill

export const PALETTE = {
  background: '#eef0ec',
  land: '#f8f8f5',
  district: '#4b5563',
  street: '#8b95a3',
  community: '#b4bcc6',
  selected: '#111827',
} as const

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] })

// A filter that matches nothing until an area is chosen; ids are strings, so '' never matches.
export const selectedAreaFilter = (areaId: string | null) =>
  ['==', ['get', 'id'], areaId ?? ''] as ['==', ['get', string], string]

function boundaryLayers(): LayerSpecification[] {
  return [
    {
      id: LAYER.districtFill,
      type: 'fill',
      source: SOURCE.district,
      paint: { 'fill-color': PALETTE.land, 'fill-opacity': 0.9 },
    },
    {
      id: LAYER.communityLine,
      type: 'line',
      source: SOURCE.community,
      minzoom: 12.5,
      paint: {
        'line-color': PALETTE.community,
        'line-width': 0.6,
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 12.5, 0, 13.5, 0.9],
      },
    },
    {
      id: LAYER.streetLine,
      type: 'line',
      source: SOURCE.street,
      minzoom: 10.5,
      paint: {
        'line-color': PALETTE.street,
        'line-width': ['interpolate', ['linear'], ['zoom'], 10.5, 0.5, 14, 1.2],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: LAYER.districtLine,
      type: 'line',
      source: SOURCE.district,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': PALETTE.district,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.2, 14, 2.6],
      },
    },
    ...SELECTED_AREA_LAYERS.map((id, i): LayerSpecification => ({
      id,
      type: 'line',
      source: [SOURCE.district, SOURCE.street, SOURCE.community][i]!,
      filter: selectedAreaFilter(null),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.selected, 'line-width': 3 },
    })),
  ]
}

/** The offline style: background, empty boundary sources, boundary layers. */
export function plainStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'yuanluo-plain',
    sources: {
      [SOURCE.district]: { type: 'geojson', data: empty(), promoteId: 'id' },
      [SOURCE.street]: { type: 'geojson', data: empty(), promoteId: 'id' },
      [SOURCE.community]: { type: 'geojson', data: empty(), promoteId: 'id' },
    },
    layers: [
      {
        id: LAYER.background,
        type: 'background',
        paint: { 'background-color': PALETTE.background },
      },
      ...boundaryLayers(),
    ],
  }
}
