// The tile layers' expressions evaluated by MapLibre's own style-spec evaluator (the one the map
// runs), against the deck layer's colours (status-colors.ts): both modes draw a compound alike.
import {
  createExpression,
  featureFilter,
  validateStyleMin,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import { COVERAGE_STATUSES, type CoverageStatus } from '../api/types.ts'
import { FADED_SHARE } from './compounds-layer.ts'
import { compoundFill, STATUS_RGB } from './status-colors.ts'
import {
  COVERAGE_RAMP,
  TILE_LAYER,
  TILE_SOURCE_ID,
  coverageColorExpression,
  fillOpacityExpression,
  selectedFilter,
  statusColorExpression,
  statusFilter,
  tileLayers,
  tileSource,
  tileUrlTemplate,
} from './tile-compounds-style.ts'

const COLOR = {
  type: 'color',
  'property-type': 'data-driven',
  expression: { interpolated: true, parameters: ['zoom', 'feature'] },
} as unknown as StylePropertySpecification
const NUMBER = {
  type: 'number',
  'property-type': 'data-driven',
  expression: { interpolated: true, parameters: ['zoom', 'feature'] },
} as unknown as StylePropertySpecification

interface Props {
  status?: string
  isOld?: boolean
  communityId?: string
  coverage?: number
}

function evaluate(expr: unknown, spec: StylePropertySpecification, properties: Props, id = 1) {
  const parsed = createExpression(expr, 'layers[0].paint.fill-color', spec)
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value))
  return parsed.value.evaluate({ zoom: 13 }, { type: 'Polygon', properties, id } as never)
}

const rgba = (c: unknown) => {
  const { r, g, b, a } = c as { r: number; g: number; b: number; a: number }
  return [Math.round(r * 255), Math.round(g * 255), Math.round(b * 255), a]
}

const passes = (filter: unknown, properties: Props, id = 1) =>
  featureFilter(filter as never, 'layers[0].filter').filter({ zoom: 13 }, {
    type: 3,
    properties,
    id,
  } as never)

describe('tile style expressions', () => {
  it('colours every status as the legend and the deck layer do', () => {
    for (const status of COVERAGE_STATUSES)
      expect(rgba(evaluate(statusColorExpression(), COLOR, { status }))).toEqual([
        ...STATUS_RGB[status],
        1,
      ])
    expect(rgba(evaluate(statusColorExpression(), COLOR, { status: 'martian' }))).toEqual([
      60, 60, 60, 1,
    ])
  })

  it('gives the fill the opacity of compoundFill: old strong, others pale, outside faint', () => {
    const inside = ['510104001001']
    for (const isOld of [true, false])
      for (const communityId of ['510104001001', '510104001002'])
        for (const faded of [false, true]) {
          const alpha = compoundFill('joint', isOld, communityId === inside[0])[3] / 255
          const expected = faded ? alpha * FADED_SHARE : alpha
          const got = evaluate(fillOpacityExpression(inside, faded), NUMBER, {
            status: 'joint',
            isOld,
            communityId,
          })
          expect(got).toBeCloseTo(expected, 2)
        }
    // No chosen area: nothing is outside.
    expect(
      evaluate(fillOpacityExpression(null, false), NUMBER, { isOld: true, communityId: 'x' }),
    ).toBeCloseTo(compoundFill('joint', true, true)[3] / 255, 2)
  })

  it('hides exactly the statuses toggled off in the legend', () => {
    expect(statusFilter([])).toBeNull()
    const hidden: CoverageStatus[] = ['should_build', 'no_members']
    const filter = statusFilter(hidden)
    for (const status of COVERAGE_STATUSES)
      expect(passes(filter, { status })).toBe(!hidden.includes(status))
  })

  it('outlines only the selected compound, by feature id', () => {
    expect(passes(selectedFilter(42), {}, 42)).toBe(true)
    expect(passes(selectedFilter(42), {}, 43)).toBe(false)
    expect(passes(selectedFilter(null), {}, 1)).toBe(false)
  })

  it('ramps hexagons from the gap colour (0) to the organised colour (1), grey without old', () => {
    const at = (coverage?: number) =>
      rgba(evaluate(coverageColorExpression(), COLOR, coverage === undefined ? {} : { coverage }))
    expect(at(0)).toEqual([...STATUS_RGB.should_build, 1])
    expect(at(1)).toEqual([...STATUS_RGB.standalone, 1])
    expect(at()).toEqual([...STATUS_RGB.no_members, 1])
    expect(COVERAGE_RAMP.map(([stop]) => stop)).toEqual([0, 0.5, 1])
  })

  it('is a valid style over our own origin, fills beneath the selection, outlines from z13', () => {
    const origin = 'http://127.0.0.1:8080'
    expect(tileUrlTemplate(origin)).toBe(`${origin}/api/tiles/compounds/{z}/{x}/{y}.mvt`)
    const layers = tileLayers({ hidden: ['joint'], inside: ['1'], faded: true })
    const errors = validateStyleMin({
      version: 8,
      sources: { [TILE_SOURCE_ID]: tileSource(origin) },
      layers,
    } as never)
    expect(errors).toEqual([])
    expect(layers.map((l) => l.id)).toEqual(Object.values(TILE_LAYER))
    const outline = layers.find((l) => l.id === TILE_LAYER.outline)!
    expect(outline.minzoom).toBe(13)
    expect(tileSource(origin)).toMatchObject({ minzoom: 8, maxzoom: 16 })
  })
})
