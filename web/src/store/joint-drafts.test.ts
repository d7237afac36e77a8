import { describe, expect, it } from 'vitest'
import {
  acceptCandidates,
  candidateState,
  draftsToGeoJson,
  groupKey,
  indexDrafts,
  removeDraft,
} from './joint-drafts.ts'
import { candidate, result } from './joint-fixtures.ts'

const { area, rules } = result([])

describe('groupKey', () => {
  it('names a group the same whatever the order of its compounds', () =>
    expect(groupKey([30, 4, 12])).toBe(groupKey([12, 30, 4])))
})

describe('acceptCandidates', () => {
  it('adds an accepted candidate with its number in the run', () => {
    const drafts = acceptCandidates([], [{ candidate: candidate([1, 2]), number: 3 }], area, rules)
    expect(drafts.map((d) => [d.key, d.number])).toEqual([['1,2', 3]])
  })
  it('does not add the same group twice', () => {
    const once = acceptCandidates([], [{ candidate: candidate([1, 2]), number: 1 }], area, rules)
    const twice = acceptCandidates(once, [{ candidate: candidate([2, 1]), number: 5 }], area, rules)
    expect(twice).toBe(once)
  })
  it('refuses a candidate that shares a compound with a draft branch', () => {
    const once = acceptCandidates([], [{ candidate: candidate([1, 2]), number: 1 }], area, rules)
    const next = acceptCandidates(once, [{ candidate: candidate([2, 3]), number: 1 }], area, rules)
    expect(next).toHaveLength(1)
  })
  it('accepts every open candidate of a batch and skips the others', () => {
    const once = acceptCandidates([], [{ candidate: candidate([1, 2]), number: 1 }], area, rules)
    const batch = [candidate([1, 2]), candidate([3]), candidate([2, 4]), candidate([5, 6])]
    const next = acceptCandidates(
      once,
      batch.map((c, i) => ({ candidate: c, number: i + 1 })),
      area,
      rules,
    )
    expect(next.map((d) => d.key)).toEqual(['1,2', '3', '5,6'])
  })
})

describe('candidateState', () => {
  const drafts = acceptCandidates([], [{ candidate: candidate([1, 2]), number: 1 }], area, rules)
  const index = indexDrafts(drafts)
  it('is accepted for the same group', () =>
    expect(candidateState(candidate([2, 1]), index)).toBe('accepted'))
  it('is a conflict for an overlapping group', () =>
    expect(candidateState(candidate([2, 7]), index)).toBe('conflict'))
  it('is open for a group apart', () => expect(candidateState(candidate([8]), index)).toBe('open'))
})

describe('removeDraft', () => {
  it('removes only the named branch', () => {
    const drafts = acceptCandidates(
      [],
      [
        { candidate: candidate([1]), number: 1 },
        { candidate: candidate([2]), number: 2 },
      ],
      area,
      rules,
    )
    expect(removeDraft(drafts, '1').map((d) => d.key)).toEqual(['2'])
  })
})

describe('draftsToGeoJson', () => {
  it('exports one feature per branch with its totals and rules', () => {
    const drafts = acceptCandidates(
      [],
      [{ candidate: candidate([4, 5], 7), number: 2 }],
      area,
      rules,
    )
    const fc = draftsToGeoJson(drafts)
    expect(fc.type).toBe('FeatureCollection')
    expect(fc.features[0]?.geometry.type).toBe('MultiPolygon')
    expect(fc.features[0]?.properties).toMatchObject({
      status: 'draft',
      number: 2,
      areaId: '510104',
      compoundIds: [4, 5],
      members: 7,
      rules: { maxCompounds: 5 },
    })
  })
})
