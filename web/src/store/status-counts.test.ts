import { describe, expect, it } from 'vitest'
import type { CompoundFeature, CoverageStatus } from '../api/types.ts'
import { countByStatus, toggleStatus } from './status-counts.ts'

const compound = (id: number, status: CoverageStatus, communityId = 'c1'): CompoundFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [104.0657, 30.6574] },
  properties: {
    id,
    code: `C${id}`,
    name: `小区${id}`,
    status,
    isOld: true,
    households: 500,
    membersFull: 3,
    communityId,
  },
})

describe('countByStatus', () => {
  it('counts compounds per status', () => {
    const counts = countByStatus(
      [compound(1, 'joint'), compound(2, 'joint'), compound(3, 'no_members')],
      null,
    )
    expect(counts.joint).toBe(2)
    expect(counts.no_members).toBe(1)
    expect(counts.standalone).toBe(0)
  })

  it('counts only compounds of the chosen communities', () => {
    const features = [compound(1, 'joint', 'c1'), compound(2, 'joint', 'c2')]
    expect(countByStatus(features, new Set(['c2'])).joint).toBe(1)
  })

  it('skips a status it does not know', () => {
    const odd = {
      ...compound(1, 'joint'),
      properties: { ...compound(1, 'joint').properties, status: 'future' as CoverageStatus },
    }
    expect(Object.values(countByStatus([odd], null)).reduce((a, b) => a + b, 0)).toBe(0)
  })
})

describe('toggleStatus', () => {
  it('hides a shown status', () => expect(toggleStatus([], 'joint')).toEqual(['joint']))
  it('shows a hidden status', () =>
    expect(toggleStatus(['joint', 'temporary'], 'joint')).toEqual(['temporary']))
  it('keeps the canonical order', () =>
    expect(toggleStatus(['no_members'], 'standalone')).toEqual(['standalone', 'no_members']))
})
