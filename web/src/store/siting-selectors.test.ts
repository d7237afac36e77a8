import { describe, expect, it } from 'vitest'
import { compound, sitingResult } from './siting-fixtures.ts'
import {
  catchmentOf,
  circlesOf,
  demandClasses,
  demandFeaturesOf,
  householdCoverageOf,
} from './siting-selectors.ts'

const features = [1, 2, 3, 4, 5, 6].map((id) => compound(id, 100 * id))

describe('demandClasses', () => {
  it('classes demand as covered before, newly covered or uncovered', () =>
    expect(Object.fromEntries(demandClasses(sitingResult()))).toEqual({
      1: 'before',
      2: 'new',
      3: 'new',
      4: 'uncovered',
      5: 'uncovered',
      6: 'uncovered',
    }))
})

describe('demandFeaturesOf', () => {
  it('draws each demand compound with its own geometry and class', () => {
    const out = demandFeaturesOf(sitingResult(), features)
    expect(out.map((f) => [f.properties.compoundId, f.properties.coverage])).toContainEqual([
      2,
      'new',
    ])
    expect(out.find((f) => f.properties.compoundId === 2)?.geometry).toBe(features[1]!.geometry)
  })
  it('skips demand whose compound is not loaded', () =>
    expect(demandFeaturesOf(sitingResult(), features.slice(0, 2))).toHaveLength(2))
})

describe('householdCoverageOf', () => {
  it('counts households covered before and after, and in all the demand', () =>
    expect(householdCoverageOf(sitingResult(), features)).toEqual({
      before: 100,
      after: 600,
      total: 2100,
    }))
  it('knows nothing before the compounds have loaded', () =>
    expect(householdCoverageOf(sitingResult(), [])).toBeNull())
})

describe('circlesOf', () => {
  it('draws existing stations first, new sites over them', () =>
    expect(circlesOf(sitingResult()).map((c) => `${c.kind}${c.index}`)).toEqual([
      'existing0',
      'new0',
      'new1',
    ]))
})

describe('catchmentOf', () => {
  it('gives the compounds the site in focus serves', () => {
    const r = sitingResult({
      chosen: [
        sitingResult().chosen[0]!,
        {
          ...sitingResult().chosen[1]!,
          catchment: { compoundIds: [3, 4], weight: 1, households: 1 },
        },
      ],
    })
    expect(catchmentOf(r, 1, features).map((f) => f.properties.id)).toEqual([3, 4])
  })
  it('gives none without a site in focus', () =>
    expect(catchmentOf(sitingResult(), null, features)).toEqual([]))
})
